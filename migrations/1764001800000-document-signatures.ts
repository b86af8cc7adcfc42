import type { MigrationInterface, QueryRunner } from 'typeorm';

// Documents are stored signed by their issuing unit (PAdES): the SHA-256 of the unsigned render (re-derivable from
// the snapshot) is kept beside the stored file's, with who signed, when, and the certificate's fingerprint.
export class DocumentSignatures1764001800000 implements MigrationInterface {
  name = 'DocumentSignatures1764001800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents ADD COLUMN render_sha256 text, ADD COLUMN signed_by text,
      ADD COLUMN signed_at timestamptz, ADD COLUMN signer_certificate_sha256 text`);
    await q.query(`ALTER TABLE documents ADD CONSTRAINT ck_documents_signature
      CHECK ((signed_by IS NULL) = (signed_at IS NULL) AND (signed_by IS NULL) = (signer_certificate_sha256 IS NULL))`);
    await q.query(`ALTER TABLE documents ADD CONSTRAINT ck_documents_render_sha256
      CHECK (render_sha256 IS NULL OR render_sha256 ~ '^[0-9a-f]{64}$')`);
    await q.query(`CREATE INDEX ix_documents_render_sha256 ON documents (render_sha256)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_documents_render_sha256`);
    await q.query(`ALTER TABLE documents DROP CONSTRAINT ck_documents_render_sha256`);
    await q.query(`ALTER TABLE documents DROP CONSTRAINT ck_documents_signature`);
    await q.query(`ALTER TABLE documents DROP COLUMN render_sha256, DROP COLUMN signed_by, DROP COLUMN signed_at,
      DROP COLUMN signer_certificate_sha256`);
  }
}
