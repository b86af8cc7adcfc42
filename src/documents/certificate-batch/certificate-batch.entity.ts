import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

// The certificates of one facility's released persons in a round issued together as one document.
@Entity({ name: 'certificate_batches' })
export class CertificateBatchEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'facility_id', type: 'uuid' }) facilityId!: string;
  @Column({ name: 'issuer_unit_id', type: 'uuid' }) issuerUnitId!: string;
  @Column({ type: 'integer' }) certificates!: number;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

// The issuing unit's register of certificate numbers: one row per certificate issued by a batch, numbered in the unit's
// own sequence.
@Entity({ name: 'certificate_register' })
export class CertificateRegisterEntity {
  @PrimaryColumn({ name: 'certificate_id', type: 'uuid' }) certificateId!: string;
  @Column({ name: 'batch_id', type: 'uuid' }) batchId!: string;
  @Column({ name: 'issuer_unit_id', type: 'uuid' }) issuerUnitId!: string;
  @Column({ type: 'integer' }) seq!: number;
  @Column({ type: 'text' }) number!: string;
}
