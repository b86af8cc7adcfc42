import { Injectable } from '@nestjs/common';
import { meetingRecordOf } from '../common/meeting-record.dto.js';
import type { EntityManager } from 'typeorm';
import type { BallotThreshold, CandidateOutcome, ThresholdBasis } from '../core/ballot.js';
import type { BallotOrigin } from '../core/lineage.js';
import type { TeamMeetingDto } from './ballot.dto.js';

@Injectable()
export class BallotRepository {
  async team(manager: EntityManager, teamId: string): Promise<{ id: string; facilityId: string; path: string } | null> {
    const rows = await manager.query(
      `SELECT t.id, f.id AS "facilityId", t.path FROM org_units t
       JOIN LATERAL (WITH RECURSIVE up AS (SELECT * FROM org_units WHERE id = t.parent_id
         UNION ALL SELECT o.* FROM org_units o JOIN up ON o.id = up.parent_id) SELECT id FROM up WHERE kind = 'FACILITY' LIMIT 1) f ON true
       WHERE t.id = $1 AND t.kind = 'TEAM'`,
      [teamId],
    );
    return rows[0] ?? null;
  }

  async insertMeeting(
    manager: EntityManager,
    input: {
      dto: TeamMeetingDto;
      facilityId: string;
      officerId: string;
      threshold: BallotThreshold;
      thresholdBasis: ThresholdBasis;
      outcomes: CandidateOutcome[];
    },
  ): Promise<string> {
    const { dto } = input;
    const [row] = await manager.query(
      `INSERT INTO team_meetings (round_id, team_id, facility_id, meeting_date, officer_id, members_present, members_absent, absentees,
         ballots_issued, ballots_returned, ballots_valid, ballots_invalid, threshold, record)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        dto.roundId,
        dto.teamId,
        input.facilityId,
        dto.meetingDate,
        input.officerId,
        dto.membersPresent,
        dto.membersAbsent,
        JSON.stringify(dto.absentees ?? []),
        dto.ballotsIssued,
        dto.ballotsReturned,
        dto.ballotsValid,
        dto.ballotsInvalid,
        JSON.stringify({ ...input.threshold, basis: input.thresholdBasis }),
        JSON.stringify(meetingRecordOf(dto.record)),
      ],
    );
    const passed = new Map(input.outcomes.map((o) => [o.key, o.passed]));
    await manager.query(
      `INSERT INTO ballot_results (meeting_id, dossier_id, position, votes_for, votes_against, votes_blank, passed, officer_opinion)
       SELECT $1, x.dossier_id, x.position, x.f, x.a, x.b, x.passed, x.opinion
       FROM unnest($2::uuid[], $3::int[], $4::int[], $5::int[], $6::int[], $7::bool[], $8::text[])
         AS x(dossier_id, position, f, a, b, passed, opinion)`,
      [
        row.id,
        dto.candidates.map((c) => c.dossierId),
        dto.candidates.map((_, i) => i + 1),
        dto.candidates.map((c) => c.votesFor),
        dto.candidates.map((c) => c.votesAgainst),
        dto.candidates.map((c) => c.votesBlank),
        dto.candidates.map((c) => passed.get(c.dossierId) ?? false),
        dto.candidates.map((c) => c.officerOpinion),
      ],
    );
    return row.id;
  }

  async meeting(manager: EntityManager, id: string) {
    const [meeting] = await manager.query(
      `SELECT m.id, m.round_id AS "roundId", m.team_id AS "teamId", t.name AS "teamName", t.path AS "teamPath",
         to_char(m.meeting_date, 'YYYY-MM-DD') AS "meetingDate", m.officer_id AS "officerId", u.full_name AS "officerName",
         m.members_present AS "membersPresent", m.members_absent AS "membersAbsent", m.absentees, m.ballots_issued AS "ballotsIssued",
         m.ballots_returned AS "ballotsReturned", m.ballots_valid AS "ballotsValid", m.ballots_invalid AS "ballotsInvalid", m.threshold
       FROM team_meetings m JOIN org_units t ON t.id = m.team_id JOIN users u ON u.id = m.officer_id WHERE m.id = $1`,
      [id],
    );
    if (!meeting) return null;
    const candidates = await manager.query(
      `SELECT b.dossier_id AS "dossierId", d.full_name AS "fullName", b.votes_for AS "votesFor", b.votes_against AS "votesAgainst",
         b.votes_blank AS "votesBlank", b.passed, b.officer_opinion AS "officerOpinion"
       FROM ballot_results b JOIN dossiers d ON d.id = b.dossier_id WHERE b.meeting_id = $1 ORDER BY b.position`,
      [id],
    );
    return { ...meeting, candidates };
  }

  async origins(manager: EntityManager, dossierIds: readonly string[]): Promise<BallotOrigin[]> {
    return manager.query(
      `SELECT b.dossier_id AS "dossierId", m.id AS "meetingId", m.team_id AS "teamId", to_char(m.meeting_date, 'YYYY-MM-DD') AS "meetingDate",
         b.votes_for AS "votesFor",
         CASE m.threshold->>'base' WHEN 'present' THEN m.members_present WHEN 'returned' THEN m.ballots_returned ELSE m.ballots_valid END AS base,
         b.passed
       FROM ballot_results b JOIN team_meetings m ON m.id = b.meeting_id WHERE b.dossier_id = ANY($1::uuid[])`,
      [dossierIds],
    );
  }
}
