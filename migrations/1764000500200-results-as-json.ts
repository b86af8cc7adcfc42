import type { MigrationInterface, QueryRunner } from 'typeorm';

// Stored results are written a whole round at a time and read a few at a time, whole or by a key or two. As jsonb,
// every write parsed each ~3 KB result into PostgreSQL's binary form: COPY of 50,000 synthetic results took 6.0 s of
// server CPU into a jsonb column against 2.5 s into a json one, which only checks the text, and that parsing was the
// largest single cost of a screening. The reads keep working: ->, ->> and json_array_elements exist for json.
export class ResultsAsJson1764000500200 implements MigrationInterface {
  name = 'ResultsAsJson1764000500200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE eligibility_results ALTER COLUMN result TYPE json USING result::json`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE eligibility_results ALTER COLUMN result TYPE jsonb USING result::jsonb`);
  }
}
