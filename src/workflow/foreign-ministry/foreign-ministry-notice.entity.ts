import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

// The notice to the Ministry of Foreign Affairs of foreigners on the President's decision, where the round asks for it
// (foreigners.notifyForeignMinistry; workflow/core/foreign-ministry.ts).
@Entity({ name: 'foreign_ministry_notices' })
export class ForeignMinistryNoticeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'decision_id', type: 'uuid' }) decisionId!: string;
  @Column({ name: 'list_id', type: 'uuid' }) listId!: string;
  @Column({ type: 'text' }) number!: string;
  @Column({ name: 'notified_on', type: 'date' }) notifiedOn!: string;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}

@Entity({ name: 'foreign_ministry_notice_dossiers' })
export class ForeignMinistryNoticeDossierEntity {
  @Column({ name: 'notice_id', type: 'uuid', primary: true }) noticeId!: string;
  @Column({ name: 'dossier_id', type: 'uuid', primary: true }) dossierId!: string;
}
