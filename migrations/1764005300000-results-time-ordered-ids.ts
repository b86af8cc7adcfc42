import type { MigrationInterface, QueryRunner } from 'typeorm';

// A screening writes 150,000 results at a time. With random ids (gen_random_uuid) every result landed on a random
// leaf of the primary key, so each batch dirtied (and after each checkpoint logged whole) pages all over an index
// that grows with every screening; time-ordered ids (uuidv7, PostgreSQL 18) append to its right edge. Ids stay
// unique and opaque; results are still ordered by evaluated_at first, the id only breaking ties. A server older than
// PostgreSQL 18 (through DATABASE_URL) has no uuidv7() and keeps random ids: the same results, only more index writes.
export class ResultsTimeOrderedIds1764005300000 implements MigrationInterface {
  name = 'ResultsTimeOrderedIds1764005300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
      IF current_setting('server_version_num')::int >= 180000 THEN
        ALTER TABLE eligibility_results ALTER COLUMN id SET DEFAULT uuidv7();
      END IF;
    END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE eligibility_results ALTER COLUMN id SET DEFAULT gen_random_uuid()`);
  }
}
