import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

// A court's proposal for one person on suspension, with the commune's or military unit's comment on the person's
// conduct during the suspension (Luật Đặc xá 2018, Điều 14, khoản 5; Điều 15, khoản 3).
@Entity({ name: 'court_proposals' })
export class CourtProposalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'dossier_id', type: 'uuid' }) dossierId!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'court_unit_id', type: 'uuid' }) courtUnitId!: string;
  @Column({ name: 'proposal_number', type: 'text' }) proposalNumber!: string;
  @Column({ name: 'proposed_on', type: 'date' }) proposedOn!: string;
  @Column({ type: 'text' }) proposal!: string;
  @Column({ name: 'comment_issuer', type: 'text' }) commentIssuer!: string;
  @Column({ name: 'comment_issuer_kind', type: 'text' }) commentIssuerKind!: string;
  @Column({ name: 'comment_number', type: 'text', nullable: true }) commentNumber!: string | null;
  @Column({ name: 'comment_date', type: 'date' }) commentDate!: string;
  @Column({ type: 'text' }) comment!: string;
  @Column({ name: 'lawful_conduct', type: 'boolean' }) lawfulConduct!: boolean;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
