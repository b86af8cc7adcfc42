import type { MigrationInterface, QueryRunner } from 'typeorm';

// Generated documents and their rendering jobs. A document row holds the frozen print data (the snapshot) it is
// rendered from and its hash, so the same text can always be produced again; the PDF file is stored with its SHA-256.
// Progress lives in document_jobs, readable by the API while a worker renders.
export class Documents1764000300000 implements MigrationInterface {
  name = 'Documents1764000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE documents (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        source_type text NOT NULL,
        source_id uuid NOT NULL,
        issuer_unit_id uuid NOT NULL,
        number text NOT NULL,
        title text NOT NULL,
        snapshot jsonb NOT NULL,
        snapshot_hash text NOT NULL,
        file_sha256 text NULL,
        file_path text NULL,
        file_size bigint NULL,
        pages integer NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        rendered_at timestamptz NULL,
        CONSTRAINT pk_documents PRIMARY KEY (id),
        CONSTRAINT fk_documents_issuer FOREIGN KEY (issuer_unit_id) REFERENCES org_units (id),
        CONSTRAINT fk_documents_created_by FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT ck_documents_kind CHECK (kind IN ('team-minutes','council-minutes','eligible-list','ineligible-list',
          'proposal-sheet','appraisal-note','explanatory-report','submission','certificate')),
        CONSTRAINT ck_documents_snapshot_hash CHECK (snapshot_hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ck_documents_file_sha256 CHECK (file_sha256 IS NULL OR file_sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ck_documents_file CHECK ((file_sha256 IS NULL) = (file_path IS NULL) AND (file_sha256 IS NULL) = (rendered_at IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_documents_file_sha256 ON documents (file_sha256)`);
    // Verification looks documents up by the printed prefix of the snapshot hash.
    await q.query(`CREATE INDEX ix_documents_snapshot_hash ON documents (snapshot_hash text_pattern_ops)`);
    await q.query(`CREATE INDEX ix_documents_source ON documents (source_type, source_id)`);

    await q.query(`
      CREATE TABLE document_jobs (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL,
        state text NOT NULL DEFAULT 'queued',
        chunks_done integer NOT NULL DEFAULT 0,
        chunks_total integer NOT NULL DEFAULT 0,
        pages_done integer NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0,
        error text NULL,
        worker text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz NULL,
        finished_at timestamptz NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_document_jobs PRIMARY KEY (id),
        CONSTRAINT fk_document_jobs_document FOREIGN KEY (document_id) REFERENCES documents (id),
        CONSTRAINT ck_document_jobs_state CHECK (state IN ('queued','rendering','completed','failed')),
        CONSTRAINT ck_document_jobs_progress CHECK (chunks_done >= 0 AND chunks_done <= chunks_total AND pages_done >= 0)
      )`);
    await q.query(`CREATE INDEX ix_document_jobs_document ON document_jobs (document_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document_jobs`);
    await q.query(`DROP TABLE documents`);
  }
}
