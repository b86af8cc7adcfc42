import type { MigrationInterface, QueryRunner } from 'typeorm';

// The round values a stored result rests on (`reliesOn`: each value's long label, source and confidence) were ~2.5 KB
// of every ~6 KB result, the same few texts in every result of a round. They are stored once here, keyed by a hash
// of their content (so a row never changes and is never removed), and a result stores [ruleId, id] pairs
// (stored-result.ts, format 2). eligibility_relies_on() gives either kind of result's list in the one shape readers
// know: the references resolved in order, or the list a result stored before them carries.
export class ResultReliances1764006900000 implements MigrationInterface {
  name = 'ResultReliances1764006900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE eligibility_reliances (
      id text PRIMARY KEY,
      label text NOT NULL,
      source text NOT NULL,
      confidence text NOT NULL
    )`);
    await q.query(`CREATE FUNCTION eligibility_relies_on(result json) RETURNS json LANGUAGE sql STABLE AS $$
      SELECT CASE WHEN result->'reliances' IS NULL THEN COALESCE(result->'reliesOn', '[]'::json) ELSE (
        SELECT COALESCE(json_agg(json_build_object('ruleId', x->>0, 'label', r.label, 'source', r.source,
                                                   'confidence', r.confidence) ORDER BY n), '[]'::json)
        FROM json_array_elements(result->'reliances') WITH ORDINALITY AS e(x, n)
        JOIN eligibility_reliances r ON r.id = x->>1
      ) END
    $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION eligibility_relies_on(json)');
    await q.query('DROP TABLE eligibility_reliances');
  }
}
