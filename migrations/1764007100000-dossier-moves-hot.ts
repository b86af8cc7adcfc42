import type { MigrationInterface, QueryRunner } from 'typeorm';

// A stage move writes `stage`, `version` and `updated_at`. While `stage` was a key of two indexes and `version` was in
// the INCLUDE of a third, no move could be a heap-only (HOT) update: every moved row added an entry to each index on
// `dossiers` (fourteen), the two trigram indexes on names and numbers among them, though neither changed.
// Without those columns in any index, and with half of each page left free for the new row versions (a team's or a
// camp's dossiers, loaded together, move together), a move rewrites the row on its own page and touches no index.
// The indexes keep their leading columns, so the scoped reads still find their rows by round, facility and team and
// test the stage on the row; a round's counts by stage come from the grouped counts (`dossier_list_counts`), not from
// an index. The fill factor applies to pages written from now on: an existing table reaches it as its rows move, or
// at once with VACUUM FULL.
export class DossierMovesHot1764007100000 implements MigrationInterface {
  name = 'DossierMovesHot1764007100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossiers SET (fillfactor = 50)`);
    await q.query(`DROP INDEX ix_dossiers_round_stage`);
    await q.query(`DROP INDEX ix_dossiers_round_units`);
    await q.query(`CREATE INDEX ix_dossiers_round_units ON dossiers (round_id, facility_id, team_id)`);
    await q.query(`DROP INDEX ix_dossiers_round_id`);
    await q.query(`CREATE INDEX ix_dossiers_round_id ON dossiers (round_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_dossiers_round_id`);
    await q.query(`CREATE INDEX ix_dossiers_round_id ON dossiers (round_id, id) INCLUDE (version)`);
    await q.query(`DROP INDEX ix_dossiers_round_units`);
    await q.query(`CREATE INDEX ix_dossiers_round_units ON dossiers (round_id, facility_id, team_id, stage)`);
    await q.query(`CREATE INDEX ix_dossiers_round_stage ON dossiers (round_id, stage)`);
    await q.query(`ALTER TABLE dossiers RESET (fillfactor)`);
  }
}
