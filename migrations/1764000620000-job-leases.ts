import type { MigrationInterface, QueryRunner } from 'typeorm';

// Jobs resume after a crash: a worker holds a lease on each job it runs and renews it every few seconds, so a live
// worker can tell a dead one's job within seconds (the queue's own expiry is minutes). A screening records the last
// dossier of its last committed batch, where a retry continues.
export class JobLeases1764000620000 implements MigrationInterface {
  name = 'JobLeases1764000620000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_leases (
        job_id uuid NOT NULL,
        queue text NOT NULL,
        worker text NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        beat_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_job_leases PRIMARY KEY (job_id)
      )`);
    await q.query(`ALTER TABLE screenings ADD COLUMN resume_after uuid NULL`);
    await q.query(`ALTER TABLE screenings ADD COLUMN attempts integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE screenings DROP COLUMN attempts`);
    await q.query(`ALTER TABLE screenings DROP COLUMN resume_after`);
    await q.query(`DROP TABLE job_leases`);
  }
}
