import type { MeetingRecord } from '../common/meeting-record.dto.js';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

// The minutes of a team's review meeting (biên bản họp bình xét): attendance and ballot totals only.
@Entity({ name: 'team_meetings' })
export class TeamMeetingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'team_id', type: 'uuid' }) teamId!: string;
  @Column({ name: 'facility_id', type: 'uuid' }) facilityId!: string;
  @Column({ name: 'meeting_date', type: 'date' }) meetingDate!: string;
  @Column({ name: 'officer_id', type: 'uuid' }) officerId!: string;
  @Column({ name: 'members_present', type: 'integer' }) membersPresent!: number;
  @Column({ name: 'members_absent', type: 'integer' }) membersAbsent!: number;
  @Column({ type: 'jsonb', default: () => "'[]'" }) absentees!: { name: string; reason: string }[];
  @Column({ type: 'jsonb', default: () => "'{}'" }) record!: MeetingRecord;
  @Column({ name: 'ballots_issued', type: 'integer' }) ballotsIssued!: number;
  @Column({ name: 'ballots_returned', type: 'integer' }) ballotsReturned!: number;
  @Column({ name: 'ballots_valid', type: 'integer' }) ballotsValid!: number;
  @Column({ name: 'ballots_invalid', type: 'integer' }) ballotsInvalid!: number;
  @Column({ type: 'jsonb' }) threshold!: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'ballot_results' })
export class BallotResultEntity {
  @Column({ name: 'meeting_id', type: 'uuid', primary: true }) meetingId!: string;
  @Column({ name: 'dossier_id', type: 'uuid', primary: true }) dossierId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ name: 'votes_for', type: 'integer' }) votesFor!: number;
  @Column({ name: 'votes_against', type: 'integer' }) votesAgainst!: number;
  @Column({ name: 'votes_blank', type: 'integer' }) votesBlank!: number;
  @Column({ type: 'boolean' }) passed!: boolean;
  @Column({ name: 'officer_opinion', type: 'text' }) officerOpinion!: string;
}

@Entity({ name: 'camp_council_decisions' })
export class CampCouncilDecisionEntity {
  @Column({ name: 'dossier_id', type: 'uuid', primary: true }) dossierId!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ type: 'boolean' }) eligible!: boolean;
  @Column({ name: 'reason_code', type: 'text', nullable: true }) reasonCode!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'engine_outcome', type: 'text', nullable: true }) engineOutcome!: string | null;
  @Column({ name: 'engine_result_id', type: 'uuid', nullable: true }) engineResultId!: string | null;
  @Column({ type: 'boolean' }) departs!: boolean;
  @Column({ name: 'decided_by', type: 'uuid' }) decidedBy!: string;
  @CreateDateColumn({ name: 'decided_at', type: 'timestamptz' }) decidedAt!: Date;
  // The day the camp council met (Decree 52/2019 Art 5(3)(c): medical papers are dated against it).
  @Column({ name: 'meeting_date', type: 'date', nullable: true }) meetingDate!: string | null;
}
