import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Address, Application, Commitment, PostQuarterEvaluation } from './dossier-format.js';

// The current state of a candidate's dossier. Its child rows live in the dossier_* tables (dossier-children.entity.ts);
// every version ever saved is kept whole in dossier_versions, which is what lists and documents pin.
@Entity({ name: 'dossiers' })
export class DossierEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'facility_id', type: 'uuid' }) facilityId!: string;
  @Column({ name: 'team_id', type: 'uuid', nullable: true }) teamId!: string | null;
  @Column({ name: 'inmate_number', type: 'text' }) inmateNumber!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'full_name', type: 'text' }) fullName!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) aliases!: string[];
  @Column({ name: 'birth_date', type: 'text' }) birthDate!: string;
  @Column({ type: 'text' }) sex!: string;
  @Column({ type: 'text' }) ethnicity!: string;
  @Column({ type: 'text' }) nationality!: string;
  @Column({ name: 'id_number', type: 'text', nullable: true }) idNumber!: string | null;
  @Column({ name: 'registered_residence', type: 'jsonb' }) registeredResidence!: Address;
  @Column({ name: 'residence_after_release', type: 'jsonb' }) residenceAfterRelease!: Address;
  @Column({ name: 'sentence_kind', type: 'text' }) sentenceKind!: 'FIXED' | 'LIFE';
  @Column({ name: 'sentence_years', type: 'integer', nullable: true }) sentenceYears!: number | null;
  @Column({ name: 'sentence_months', type: 'integer', nullable: true }) sentenceMonths!: number | null;
  @Column({ name: 'sentence_days', type: 'integer', nullable: true }) sentenceDays!: number | null;
  @Column({ type: 'jsonb', nullable: true }) commutation!: Record<string, unknown> | null;
  @Column({ name: 'drug_use_evidence', type: 'boolean', default: false }) drugUseEvidence!: boolean;
  @Column({ name: 'earlier_amnesty', type: 'jsonb', nullable: true }) earlierAmnesty!: Record<string, unknown> | null;
  @Column({ name: 'pending_prosecution', type: 'boolean', default: false }) pendingProsecution!: boolean;
  @Column({ name: 'pending_protest', type: 'jsonb', nullable: true }) pendingProtest!: Record<string, unknown> | null;
  @Column({ name: 'post_quarter_evaluation', type: 'jsonb', nullable: true })
  postQuarterEvaluation!: PostQuarterEvaluation | null;
  @Column({ type: 'jsonb', nullable: true }) application!: Application | null;
  @Column({ type: 'jsonb', nullable: true }) commitment!: Commitment | null;
  @Column({ name: 'security_concern', type: 'text', nullable: true }) securityConcern!: string | null;
  @Column({ name: 'council_meeting_date', type: 'date', nullable: true }) councilMeetingDate!: string | null;
  @Column({ type: 'text', default: 'application' }) stage!: string;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ name: 'dossier_versions' })
export class DossierVersionEntity {
  @Column({ name: 'dossier_id', type: 'uuid', primary: true }) dossierId!: string;
  @Column({ type: 'integer', primary: true }) version!: number;
  @Column({ type: 'jsonb' }) document!: Record<string, unknown>;
  @Column({ name: 'content_hash', type: 'text' }) contentHash!: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
