import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

// A complaint of a person left off the eligible list, at one level; decided once (Luật Đặc xá 2018, Điều 37).
@Entity({ name: 'complaints' })
export class ComplaintEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'dossier_id', type: 'uuid' }) dossierId!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'facility_id', type: 'uuid' }) facilityId!: string;
  @Column({ type: 'text' }) level!: string;
  @Column({ name: 'first_complaint_id', type: 'uuid', nullable: true }) firstComplaintId!: string | null;
  @Column({ name: 'deciding_unit_id', type: 'uuid' }) decidingUnitId!: string;
  @Column({ name: 'received_on', type: 'date' }) receivedOn!: string;
  @Column({ type: 'text' }) complainant!: string;
  @Column({ name: 'complainant_name', type: 'text' }) complainantName!: string;
  @Column({ type: 'text' }) content!: string;
  @Column({ name: 'due_on', type: 'date', nullable: true }) dueOn!: string | null;
  @Column({ type: 'text', nullable: true }) outcome!: string | null;
  @Column({ name: 'decision_reason', type: 'text', nullable: true }) decisionReason!: string | null;
  @Column({ name: 'decided_on', type: 'date', nullable: true }) decidedOn!: string | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'target_stage', type: 'text', nullable: true }) targetStage!: string | null;
  @Column({ name: 'list_id', type: 'uuid', nullable: true }) listId!: string | null;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
  @Column({ type: 'integer', default: 1 }) version!: number;
}
