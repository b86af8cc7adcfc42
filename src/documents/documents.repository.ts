import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DocumentJobState } from './documents.entity.js';

export interface DocumentRow {
  id: string;
  kind: string;
  source_type: string;
  source_id: string;
  issuer_unit_id: string;
  number: string;
  title: string;
  snapshot_hash: string;
  file_sha256: string | null;
  render_sha256: string | null;
  signed_by: string | null;
  signed_at: Date | null;
  signer_certificate_sha256: string | null;
  file_path: string | null;
  file_size: string | null;
  pages: number | null;
  created_by: string;
  created_at: Date;
  rendered_at: Date | null;
}

export interface DocumentJobRow {
  id: string;
  document_id: string;
  state: DocumentJobState;
  chunks_done: number;
  chunks_total: number;
  pages_done: number;
  attempts: number;
  error: string | null;
  error_code: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
}

export interface PublicDocumentRow {
  number: string;
  issuer: string;
  place_date: string;
  pages: number | null;
  snapshot_hash: string;
  file_sha256: string | null;
  render_sha256: string | null;
}

const DOCUMENT_COLUMNS = `id, kind, source_type, source_id, issuer_unit_id, number, title, snapshot_hash, file_sha256,
  render_sha256, signed_by, signed_at, signer_certificate_sha256, file_path, file_size, pages, created_by, created_at,
  rendered_at`;

// Plain SQL for documents and their jobs; no decisions here.
@Injectable()
export class DocumentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertDocument(
    manager: EntityManager,
    row: {
      kind: string;
      sourceType: string;
      sourceId: string;
      issuerUnitId: string;
      number: string;
      title: string;
      snapshot: unknown;
      snapshotHash: string;
      createdBy: string;
    },
  ): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO documents (kind, source_type, source_id, issuer_unit_id, number, title, snapshot, snapshot_hash, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        row.kind,
        row.sourceType,
        row.sourceId,
        row.issuerUnitId,
        row.number,
        row.title,
        JSON.stringify(row.snapshot),
        row.snapshotHash,
        row.createdBy,
      ],
    );
    return id;
  }

  async insertJob(manager: EntityManager, documentId: string): Promise<string> {
    const [{ id }] = await manager.query(`INSERT INTO document_jobs (document_id) VALUES ($1) RETURNING id`, [
      documentId,
    ]);
    return id;
  }

  async findDocument(id: string): Promise<DocumentRow | null> {
    const rows: DocumentRow[] = await this.dataSource.query(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  // What the public verification page may show of a document: nothing personal.
  async findPublicRecord(id: string): Promise<PublicDocumentRow | null> {
    const rows = await this.dataSource.query(
      `SELECT d.number, u.name AS issuer, d.snapshot #>> '{heading,placeDate}' AS place_date, d.pages,
              d.snapshot_hash, d.file_sha256, d.render_sha256
         FROM documents d JOIN org_units u ON u.id = d.issuer_unit_id
        WHERE d.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async findSnapshot(
    id: string,
  ): Promise<{ kind: string; number: string; snapshot: unknown; snapshot_hash: string; created_at: Date } | null> {
    const rows = await this.dataSource.query(
      `SELECT kind, number, snapshot, snapshot_hash, created_at FROM documents WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async findJob(id: string): Promise<(DocumentJobRow & { kind: string; number: string }) | null> {
    const rows = await this.dataSource.query(
      `SELECT j.*, d.kind, d.number FROM document_jobs j JOIN documents d ON d.id = j.document_id WHERE j.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async findBySha256(sha256: string): Promise<DocumentRow[]> {
    return this.dataSource.query(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE file_sha256 = $1 ORDER BY created_at`,
      [sha256],
    );
  }

  // Documents whose unsigned render is these bytes (a re-render of the snapshot, or the file before its signature).
  async findByRenderSha256(sha256: string): Promise<DocumentRow[]> {
    return this.dataSource.query(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE render_sha256 = $1 ORDER BY created_at`,
      [sha256],
    );
  }

  // The issuing unit of a document as its signing certificate is looked up: code, name, parent, locality.
  async issuingUnit(
    documentId: string,
  ): Promise<{ code: string; name: string; parent_name: string | null; place: string | null }> {
    const [row] = await this.dataSource.query(
      `SELECT u.code, u.name, p.name AS parent_name, u.place
         FROM documents d JOIN org_units u ON u.id = d.issuer_unit_id LEFT JOIN org_units p ON p.id = u.parent_id
        WHERE d.id = $1`,
      [documentId],
    );
    return row;
  }

  async findBySnapshotPrefix(prefix: string): Promise<DocumentRow[]> {
    return this.dataSource.query(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE snapshot_hash LIKE $1 AND file_sha256 IS NOT NULL ORDER BY created_at`,
      [`${prefix.replace(/[^0-9a-f]/g, '')}%`],
    );
  }

  // Claims the job for this attempt; a job already completed is not rendered again (a redelivered queue message).
  // Progress and the last error stay until the render reports again: a resumed job starts from its stored chunks.
  // `countAttempt` is false for the merge of a document printed by chunk jobs: it goes on with the same attempt.
  async startJob(jobId: string, worker: string, countAttempt = true): Promise<{ document_id: string } | null> {
    // An UPDATE … RETURNING answers [rows, affected count] through TypeORM.
    const [rows] = await this.dataSource.query(
      `UPDATE document_jobs SET state = 'rendering', attempts = attempts + $3, worker = $2, started_at = now(),
              updated_at = now(), finished_at = NULL
        WHERE id = $1 AND state <> 'completed' RETURNING document_id`,
      [jobId, worker, countAttempt ? 1 : 0],
    );
    return rows[0] ?? null;
  }

  async recordProgress(
    jobId: string,
    progress: { chunksDone: number; chunksTotal: number; pagesDone: number },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE document_jobs SET chunks_done = $2, chunks_total = $3, pages_done = $4, updated_at = now() WHERE id = $1 AND state = 'rendering'`,
      [jobId, progress.chunksDone, progress.chunksTotal, progress.pagesDone],
    );
  }

  async completeDocument(
    manager: EntityManager,
    done: {
      documentId: string;
      jobId: string;
      sha256: string;
      renderSha256: string;
      signature: { signedBy: string; signedAt: Date; certificateSha256: string } | null;
      filePath: string;
      fileSize: number;
      pages: number;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE documents SET file_sha256 = $2, file_path = $3, file_size = $4, pages = $5, rendered_at = now(),
              render_sha256 = $6, signed_by = $7, signed_at = $8, signer_certificate_sha256 = $9
        WHERE id = $1`,
      [
        done.documentId,
        done.sha256,
        done.filePath,
        done.fileSize,
        done.pages,
        done.renderSha256,
        done.signature?.signedBy ?? null,
        done.signature?.signedAt ?? null,
        done.signature?.certificateSha256 ?? null,
      ],
    );
    await manager.query(
      `UPDATE document_jobs SET state = 'completed', pages_done = $2, chunks_done = chunks_total, error = NULL, error_code = NULL, finished_at = now(), updated_at = now()
        WHERE id = $1`,
      [done.jobId, done.pages],
    );
  }

  async creatorOf(manager: EntityManager, documentId: string): Promise<{ id: string; name: string }> {
    const [row] = await manager.query(
      `SELECT u.id, u.full_name AS name FROM documents d JOIN users u ON u.id = d.created_by WHERE d.id = $1`,
      [documentId],
    );
    return row;
  }

  // A job that will be tried again waits as 'queued' with the reason of its last failure; it flips back to
  // 'rendering' when the queue delivers it again. A final failure is 'failed'. The reason is a code and a Vietnamese
  // sentence; the exception's own text goes to the log only.
  async failJob(jobId: string, failure: { code: string; message: string }, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE document_jobs SET state = $3, error = $2, error_code = $5, finished_at = CASE WHEN $4 THEN now() END,
              updated_at = now()
        WHERE id = $1 AND state <> 'completed'`,
      [jobId, failure.message, final ? DocumentJobState.FAILED : DocumentJobState.QUEUED, final, failure.code],
    );
  }
}
