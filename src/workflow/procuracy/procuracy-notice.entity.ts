import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

// A camp's written notice of one posted list's results to the competent procuracy (Luật Đặc xá 2018, Điều 15, khoản 5).
@Entity({ name: 'procuracy_notices' })
export class ProcuracyNoticeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'facility_id', type: 'uuid' }) facilityId!: string;
  @Column({ name: 'list_id', type: 'uuid' }) listId!: string;
  @Column({ name: 'procuracy_unit_id', type: 'uuid' }) procuracyUnitId!: string;
  @Column({ type: 'text' }) number!: string;
  @Column({ name: 'notified_on', type: 'date' }) notifiedOn!: string;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
