import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum RoundStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

@Entity({ name: 'rounds' })
export class RoundEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'rule_pack', type: 'text' }) rulePack!: string;
  @Column({ name: 'decision_number', type: 'text' }) decisionNumber!: string;
  @Column({ name: 'decision_date', type: 'date' }) decisionDate!: string;
  @Column({ name: 'guidance_ref', type: 'text', nullable: true }) guidanceRef!: string | null;
  @Column({ name: 'cutoff_date', type: 'date' }) cutoffDate!: string;
  // The President's decision as validated data: every threshold with its source and confidence.
  @Column({ type: 'jsonb' }) parameters!: Record<string, unknown>;
  @Column({ type: 'jsonb', default: {} }) deadlines!: Record<string, unknown>;
  @Column({ type: 'text', default: RoundStatus.OPEN }) status!: RoundStatus;
  @Column({ name: 'posted_at', type: 'date', nullable: true }) postedAt!: string | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
