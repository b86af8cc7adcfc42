import type { MigrationInterface, QueryRunner } from 'typeorm';

// A stored result is ~3 KB of JSON, just over the size at which PostgreSQL compresses a row (~2 KB). Compressing
// 150,000 of them per screening cost more CPU than parsing them: COPY into the table took 178 µs a row with
// compression and 113 µs with rows kept inline as they are (measured on 10,000 synthetic results). Rows now stay
// uncompressed up to a page; larger ones are still compressed and moved out of line. The price is disk: about
// 4.7 KB a result instead of 2.5 KB.
export class ResultsInline1764000500100 implements MigrationInterface {
  name = 'ResultsInline1764000500100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE eligibility_results SET (toast_tuple_target = 8160)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE eligibility_results RESET (toast_tuple_target)`);
  }
}
