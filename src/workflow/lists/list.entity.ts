import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum ListKind {
  CAMP_ELIGIBLE = 'CAMP_ELIGIBLE',
  CAMP_INELIGIBLE = 'CAMP_INELIGIBLE',
  RESUBMISSION = 'RESUBMISSION',
  DEPARTMENT = 'DEPARTMENT',
  MINISTRY = 'MINISTRY',
  APPRAISAL = 'APPRAISAL',
  STANDING_BODY = 'STANDING_BODY',
  COUNCIL_ELIGIBLE = 'COUNCIL_ELIGIBLE',
  COUNCIL_INELIGIBLE = 'COUNCIL_INELIGIBLE',
  PRESIDENT_DECISION = 'PRESIDENT_DECISION',
  // One name put back on the eligible list by an accepted complaint (Luật Đặc xá 2018, Điều 37).
  COMPLAINT = 'COMPLAINT',
  // A provincial or military-region court's list of persons on suspension (Luật Đặc xá 2018, Điều 15, khoản 3).
  COURT = 'COURT',
  // The persons on suspension the court president left off the court's list, with the coded reason of each.
  COURT_INELIGIBLE = 'COURT_INELIGIBLE',
}

// A frozen list: written once, never updated (the database refuses it), pinning the dossier versions it carries.
@Entity({ name: 'list_snapshots' })
export class ListSnapshotEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) kind!: ListKind;
  @Column({ name: 'from_stage', type: 'text' }) fromStage!: string;
  @Column({ name: 'to_stage', type: 'text' }) toStage!: string;
  @Column({ name: 'owner_unit_id', type: 'uuid' }) ownerUnitId!: string;
  @Column({ name: 'recipient_unit_id', type: 'uuid', nullable: true }) recipientUnitId!: string | null;
  @Column({ name: 'entry_count', type: 'integer' }) entryCount!: number;
  @Column({ name: 'content_hash', type: 'text' }) contentHash!: string;
  @Column({ name: 'posted_on', type: 'date', nullable: true }) postedOn!: string | null;
  @Column({ name: 'explanatory_report_id', type: 'uuid', nullable: true }) explanatoryReportId!: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'list_entries' })
export class ListEntryEntity {
  @Column({ name: 'list_id', type: 'uuid', primary: true }) listId!: string;
  @Column({ name: 'dossier_id', type: 'uuid', primary: true }) dossierId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ name: 'dossier_version', type: 'integer' }) dossierVersion!: number;
  @Column({ name: 'content_hash', type: 'text' }) contentHash!: string;
  @Column({ name: 'full_name', type: 'text' }) fullName!: string;
  @Column({ name: 'facility_id', type: 'uuid' }) facilityId!: string;
  @Column({ name: 'reason_code', type: 'text', nullable: true }) reasonCode!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
}

@Entity({ name: 'list_sources' })
export class ListSourceEntity {
  @Column({ name: 'list_id', type: 'uuid', primary: true }) listId!: string;
  @Column({ name: 'source_list_id', type: 'uuid', primary: true }) sourceListId!: string;
}

@Entity({ name: 'list_submissions' })
export class ListSubmissionEntity {
  @Column({ name: 'list_id', type: 'uuid', primary: true }) listId!: string;
  @Column({ name: 'recipient_unit_id', type: 'uuid' }) recipientUnitId!: string;
  @Column({ name: 'submitted_by', type: 'uuid' }) submittedBy!: string;
  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' }) submittedAt!: Date;
}

// What the receiving unit did with each name it received: forwarded, removed (coded) or sent back.
@Entity({ name: 'list_dispositions' })
export class ListDispositionEntity {
  @Column({ name: 'list_id', type: 'uuid', primary: true }) listId!: string;
  @Column({ name: 'dossier_id', type: 'uuid', primary: true }) dossierId!: string;
  @Column({ type: 'text' }) disposition!: string;
  @Column({ name: 'reason_code', type: 'text', nullable: true }) reasonCode!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'outgoing_list_id', type: 'uuid', nullable: true }) outgoingListId!: string | null;
  @Column({ name: 'decided_by', type: 'uuid' }) decidedBy!: string;
  @CreateDateColumn({ name: 'decided_at', type: 'timestamptz' }) decidedAt!: Date;
}
