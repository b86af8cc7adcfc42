import type { MigrationInterface, QueryRunner } from 'typeorm';

// A screening walks a round's dossiers in id order a batch at a time. Without an index that starts with the round and
// then orders by id, each batch read every remaining dossier of the round and sorted them: quadratic in the round.
export class RoundKeysetIndex1764000500000 implements MigrationInterface {
  name = 'RoundKeysetIndex1764000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_dossiers_round_id ON dossiers (round_id, id) INCLUDE (version)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_dossiers_round_id`);
  }
}
