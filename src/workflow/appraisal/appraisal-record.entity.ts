import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

// The appraisal team's record (biên bản thẩm định), frozen when drawn (Luật Đặc xá 2018, Điều 16, khoản 2).
@Entity({ name: 'appraisal_records' })
export class AppraisalRecordEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ type: 'jsonb' }) content!: unknown;
  @Column({ name: 'dossier_ids', type: 'uuid', array: true }) dossierIds!: string[];
  @Column({ name: 'eligible_count', type: 'integer' }) eligibleCount!: number;
  @Column({ name: 'ineligible_count', type: 'integer' }) ineligibleCount!: number;
  @Column({ name: 'content_hash', type: 'text' }) contentHash!: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
