import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'appraisal_flags' })
export class AppraisalFlagEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'dossier_id', type: 'uuid' }) dossierId!: string;
  @Column({ name: 'dossier_version', type: 'integer' }) dossierVersion!: number;
  @Column({ type: 'text' }) agency!: string;
  @Column({ type: 'text' }) field!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) message!: string;
  @Column({ type: 'text', default: 'open' }) status!: string;
  @Column({ type: 'text', nullable: true }) resolution!: string | null;
  @Column({ name: 'raised_by', type: 'uuid' }) raisedBy!: string;
  @CreateDateColumn({ name: 'raised_at', type: 'timestamptz' }) raisedAt!: Date;
  @Column({ name: 'resolved_by', type: 'uuid', nullable: true }) resolvedBy!: string | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
}

@Entity({ name: 'appraisal_opinions' })
export class AppraisalOpinionEntity {
  @Column({ name: 'dossier_id', type: 'uuid', primary: true }) dossierId!: string;
  @Column({ type: 'text', primary: true }) agency!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ type: 'text' }) opinion!: string;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'given_by', type: 'uuid' }) givenBy!: string;
  @CreateDateColumn({ name: 'given_at', type: 'timestamptz' }) givenAt!: Date;
  @Column({ type: 'integer', default: 1 }) version!: number;
}

// The báo cáo giải trình, frozen when the standing body issues it.
@Entity({ name: 'explanatory_reports' })
export class ExplanatoryReportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ type: 'jsonb' }) items!: unknown[];
  @Column({ name: 'dossier_ids', type: 'uuid', array: true }) dossierIds!: string[];
  @Column({ name: 'content_hash', type: 'text' }) contentHash!: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
