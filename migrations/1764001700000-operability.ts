import type { MigrationInterface, QueryRunner } from 'typeorm';

// Failed screenings and document jobs keep a stable code beside their Vietnamese message, so programs can act on the
// cause without parsing text; audit rows keep the id of the request (or job) that caused them, to find its log lines.
// request_id is operational metadata, not evidence: the audit chain's hash does not cover it.
export class Operability1764001700000 implements MigrationInterface {
  name = 'Operability1764001700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE screenings ADD COLUMN error_code text NULL`);
    await q.query(`ALTER TABLE document_jobs ADD COLUMN error_code text NULL`);
    await q.query(`ALTER TABLE audit_log ADD COLUMN request_id text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log DROP COLUMN request_id`);
    await q.query(`ALTER TABLE document_jobs DROP COLUMN error_code`);
    await q.query(`ALTER TABLE screenings DROP COLUMN error_code`);
  }
}
