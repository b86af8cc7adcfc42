import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum DocumentJobState {
  QUEUED = 'queued',
  RENDERING = 'rendering',
  COMPLETED = 'completed',
  FAILED = 'failed',
}

@Entity({ name: 'documents' })
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ name: 'source_type', type: 'text' }) sourceType!: string;
  @Column({ name: 'source_id', type: 'uuid' }) sourceId!: string;
  @Column({ name: 'issuer_unit_id', type: 'uuid' }) issuerUnitId!: string;
  @Column({ type: 'text' }) number!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'jsonb' }) snapshot!: unknown;
  @Column({ name: 'snapshot_hash', type: 'text' }) snapshotHash!: string;
  @Column({ name: 'file_sha256', type: 'text', nullable: true }) fileSha256!: string | null;
  @Column({ name: 'render_sha256', type: 'text', nullable: true }) renderSha256!: string | null;
  @Column({ name: 'signed_by', type: 'text', nullable: true }) signedBy!: string | null;
  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true }) signedAt!: Date | null;
  @Column({ name: 'signer_certificate_sha256', type: 'text', nullable: true }) signerCertificateSha256!: string | null;
  @Column({ name: 'file_path', type: 'text', nullable: true }) filePath!: string | null;
  @Column({ name: 'file_size', type: 'bigint', nullable: true }) fileSize!: string | null;
  @Column({ type: 'integer', nullable: true }) pages!: number | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'rendered_at', type: 'timestamptz', nullable: true }) renderedAt!: Date | null;
}

@Entity({ name: 'document_jobs' })
export class DocumentJobEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Column({ type: 'text' }) state!: DocumentJobState;
  @Column({ name: 'chunks_done', type: 'integer' }) chunksDone!: number;
  @Column({ name: 'chunks_total', type: 'integer' }) chunksTotal!: number;
  @Column({ name: 'pages_done', type: 'integer' }) pagesDone!: number;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ name: 'error_code', type: 'text', nullable: true }) errorCode!: string | null;
  @Column({ type: 'text', nullable: true }) worker!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
