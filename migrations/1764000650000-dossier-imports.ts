import type { MigrationInterface, QueryRunner } from 'typeorm';

// Workbooks uploaded for import that passed every check, waiting for their uploader to confirm the preview.
export class DossierImports1764000650000 implements MigrationInterface {
  name = 'DossierImports1764000650000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier_imports (
        id uuid NOT NULL,
        created_by uuid NOT NULL,
        file_name text NOT NULL,
        file_sha256 text NOT NULL,
        dossier_count integer NOT NULL,
        documents jsonb NOT NULL,
        places jsonb NOT NULL,
        summary jsonb NOT NULL,
        status text NOT NULL DEFAULT 'PREVIEWED',
        created_at timestamptz NOT NULL DEFAULT now(),
        committed_at timestamptz NULL,
        CONSTRAINT pk_dossier_imports PRIMARY KEY (id),
        CONSTRAINT fk_dossier_imports_created_by FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT ck_dossier_imports_status CHECK (status IN ('PREVIEWED','COMMITTED')),
        CONSTRAINT ck_dossier_imports_committed CHECK ((status = 'COMMITTED') = (committed_at IS NOT NULL)),
        CONSTRAINT ck_dossier_imports_count CHECK (dossier_count BETWEEN 1 AND 5000)
      )`);
    await q.query(`CREATE INDEX ix_dossier_imports_created_by ON dossier_imports (created_by, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dossier_imports');
  }
}
