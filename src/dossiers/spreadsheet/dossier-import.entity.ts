import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export enum DossierImportStatus {
  PREVIEWED = 'PREVIEWED',
  COMMITTED = 'COMMITTED',
}

// An uploaded workbook that passed every check, kept as the documents it will create until its uploader confirms
// the preview; committing creates them through the dossier service in one transaction and marks the row committed.
@Entity({ name: 'dossier_imports' })
export class DossierImportEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  @Column({ name: 'file_sha256', type: 'text' }) fileSha256!: string;
  @Column({ name: 'dossier_count', type: 'integer' }) dossierCount!: number;
  // The exchange-format documents, in the order of the workbook's rows.
  @Column({ type: 'jsonb' }) documents!: unknown[];
  // Where each document and its parts were read (sheet, row, column), to report a refusal at commit at its cell.
  @Column({ type: 'jsonb' }) places!: Record<string, unknown>;
  @Column({ type: 'jsonb' }) summary!: Record<string, unknown>;
  @Column({ type: 'text', default: DossierImportStatus.PREVIEWED }) status!: DossierImportStatus;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true }) committedAt!: Date | null;
}
