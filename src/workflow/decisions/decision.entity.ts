import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'president_decisions' })
export class PresidentDecisionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ type: 'text' }) number!: string;
  @Column({ name: 'decision_date', type: 'date' }) decisionDate!: string;
  @Column({ name: 'council_list_id', type: 'uuid' }) councilListId!: string;
  @Column({ name: 'list_id', type: 'uuid' }) listId!: string;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}

@Entity({ name: 'amnesty_certificates' })
export class AmnestyCertificateEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'dossier_id', type: 'uuid' }) dossierId!: string;
  @Column({ name: 'decision_id', type: 'uuid' }) decisionId!: string;
  @Column({ type: 'text' }) number!: string;
  @Column({ name: 'facility_id', type: 'uuid' }) facilityId!: string;
  @Column({ name: 'released_on', type: 'date', nullable: true }) releasedOn!: string | null;
  @Column({ name: 'issued_by', type: 'uuid', nullable: true }) issuedBy!: string | null;
  // Luật Đặc xá 2018, Điều 20, khoản 2, điểm a: the commune's or military unit's confirmation of the presentation.
  @Column({ name: 'presented_on', type: 'date', nullable: true }) presentedOn!: string | null;
  @Column({ name: 'presented_to', type: 'text', nullable: true }) presentedTo!: string | null;
  // The commune or military unit the person presents to, named when the certificate is issued (Điều 18, khoản 4: its
  // copy goes there); empty where that unit has no account, and the issuing unit records the presentation itself.
  @Column({ name: 'presentation_unit_id', type: 'uuid', nullable: true }) presentationUnitId!: string | null;
  @Column({ name: 'presentation_recorded_by', type: 'uuid', nullable: true }) presentationRecordedBy!: string | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
