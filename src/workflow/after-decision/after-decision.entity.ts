import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

// The President's decision and its list posted at one camp where granted persons serve (Luật Đặc xá 2018, Điều 18,
// khoản 1): one day per camp and decision.
@Entity({ name: 'decision_postings' })
export class DecisionPostingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'decision_id', type: 'uuid' }) decisionId!: string;
  @Column({ name: 'facility_id', type: 'uuid' }) facilityId!: string;
  @Column({ name: 'posted_on', type: 'date' }) postedOn!: string;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}

// A copy of a certificate sent to one of the bodies of Điều 18, khoản 4.
@Entity({ name: 'certificate_copies' })
export class CertificateCopyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'certificate_id', type: 'uuid' }) certificateId!: string;
  @Column({ type: 'text' }) recipient!: string;
  @Column({ type: 'text' }) addressee!: string;
  @Column({ name: 'sent_on', type: 'date' }) sentOn!: string;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
