import type { MigrationInterface, QueryRunner } from 'typeorm';

// Each audit row may commit to the content hashes of the protected rows its command wrote (dossier versions, stage
// history, frozen list entries, documents), so a later edit of those rows no longer matches the chain.
export class AuditRowHashes1764000610000 implements MigrationInterface {
  name = 'AuditRowHashes1764000610000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN row_hashes jsonb NULL`);
    await q.query(
      `ALTER TABLE audit_log ADD CONSTRAINT ck_audit_log_row_hashes CHECK (row_hashes IS NULL OR jsonb_typeof(row_hashes) = 'array')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log DROP CONSTRAINT ck_audit_log_row_hashes`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN row_hashes`);
  }
}
