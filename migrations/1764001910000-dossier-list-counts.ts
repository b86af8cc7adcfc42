import type { MigrationInterface, QueryRunner } from 'typeorm';

// Counts of a national list without counting the round on every page. A list page over a round of 150,000 dossiers
// took half a second to count its matches by verdict, whatever the page; the counts of a round are now also kept
// grouped by what a list filters on (facility, team, stage, verdict, category, unverified values), refreshed by the
// list service when older than its configured age. Derived data, like dossier_verdicts: nothing is decided on it,
// and a list that matches few dossiers is still counted exactly (DossierListService).
export class DossierListCounts1764001910000 implements MigrationInterface {
  name = 'DossierListCounts1764001910000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier_list_counts (
        round_id uuid NOT NULL,
        facility_id uuid NOT NULL,
        team_id uuid NULL,
        stage text NOT NULL,
        outcome text NULL,
        category text NULL,
        relies_on_unverified boolean NULL,
        n integer NOT NULL,
        CONSTRAINT fk_dossier_list_counts_round FOREIGN KEY (round_id) REFERENCES rounds (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_dossier_list_counts_round ON dossier_list_counts (round_id, facility_id)`);
    await q.query(`
      CREATE TABLE dossier_list_count_rounds (
        round_id uuid NOT NULL,
        counted_at timestamptz NOT NULL,
        CONSTRAINT pk_dossier_list_count_rounds PRIMARY KEY (round_id),
        CONSTRAINT fk_dossier_list_count_rounds_round FOREIGN KEY (round_id) REFERENCES rounds (id) ON DELETE CASCADE
      )`);
    // The list of every round at once, in its default order (by name): the round's own index cannot give it.
    await q.query(`CREATE INDEX ix_dossiers_name ON dossiers (full_name, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_dossiers_name`);
    await q.query(`DROP TABLE dossier_list_count_rounds`);
    await q.query(`DROP TABLE dossier_list_counts`);
  }
}
