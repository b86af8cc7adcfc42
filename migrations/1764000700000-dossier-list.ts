import type { MigrationInterface, QueryRunner } from 'typeorm';

// Lists at national scale. A list page filters and sorts a round of 150,000 dossiers by their latest verdict, so the
// latest verdict of each dossier is kept in a narrow table of its own, refreshed by a statement trigger from whatever
// is inserted into eligibility_results (a screening's COPY as much as a single re-evaluation); whether a result rests
// on round values not yet checked against the source (`reliesOn`) is stored beside its outcome when it is written.
// Indexes serve the first page of each sort and the counts of a round.
export class DossierList1764000700000 implements MigrationInterface {
  name = 'DossierList1764000700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE eligibility_results ADD COLUMN relies_on_unverified boolean NOT NULL DEFAULT false`);
    await q.query(
      `UPDATE eligibility_results SET relies_on_unverified = json_array_length(coalesce(result->'reliesOn', '[]'::json)) > 0`,
    );
    await q.query(`
      CREATE TABLE dossier_verdicts (
        dossier_id uuid NOT NULL,
        round_id uuid NOT NULL,
        result_id uuid NOT NULL,
        evaluated_at timestamptz NOT NULL,
        outcome text NOT NULL,
        category text NULL,
        relies_on_unverified boolean NOT NULL,
        CONSTRAINT pk_dossier_verdicts PRIMARY KEY (dossier_id),
        CONSTRAINT fk_dossier_verdicts_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id) ON DELETE CASCADE,
        CONSTRAINT ck_dossier_verdicts_outcome CHECK (outcome IN ('ELIGIBLE','INELIGIBLE','NEEDS_REVIEW'))
      )`);
    await q.query(`
      INSERT INTO dossier_verdicts (dossier_id, round_id, result_id, evaluated_at, outcome, category, relies_on_unverified)
      SELECT DISTINCT ON (dossier_id) dossier_id, round_id, id, evaluated_at, outcome, category, relies_on_unverified
        FROM eligibility_results ORDER BY dossier_id, evaluated_at DESC, id DESC`);
    await q.query(`
      CREATE FUNCTION dossier_verdicts_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO dossier_verdicts AS v (dossier_id, round_id, result_id, evaluated_at, outcome, category, relies_on_unverified)
        SELECT DISTINCT ON (n.dossier_id) n.dossier_id, n.round_id, n.id, n.evaluated_at, n.outcome, n.category,
               n.relies_on_unverified
          FROM new_results n ORDER BY n.dossier_id, n.evaluated_at DESC, n.id DESC
        ON CONFLICT (dossier_id) DO UPDATE SET round_id = excluded.round_id, result_id = excluded.result_id,
          evaluated_at = excluded.evaluated_at, outcome = excluded.outcome, category = excluded.category,
          relies_on_unverified = excluded.relies_on_unverified
          WHERE (excluded.evaluated_at, excluded.result_id) >= (v.evaluated_at, v.result_id);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_eligibility_results_verdicts AFTER INSERT ON eligibility_results
        REFERENCING NEW TABLE AS new_results FOR EACH STATEMENT EXECUTE FUNCTION dossier_verdicts_refresh()`);
    await q.query(
      `CREATE INDEX ix_dossier_verdicts_round ON dossier_verdicts (round_id, outcome, category) INCLUDE (dossier_id, relies_on_unverified)`,
    );
    // Counts of a round within a scope read this index alone; the others give the first page of a sort in order.
    await q.query(`CREATE INDEX ix_dossiers_round_units ON dossiers (round_id, facility_id, team_id, stage)`);
    await q.query(`CREATE INDEX ix_dossiers_round_name ON dossiers (round_id, full_name, id)`);
    await q.query(`CREATE INDEX ix_dossiers_round_inmate ON dossiers (round_id, inmate_number, id)`);
    await q.query(`CREATE INDEX ix_dossiers_round_birth ON dossiers (round_id, birth_date, id)`);
    await q.query(`CREATE INDEX ix_dossiers_facility_name ON dossiers (facility_id, full_name, id)`);
    // A search for part of a name or an inmate number (pg_trgm is a trusted extension shipped with PostgreSQL).
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX ix_dossiers_name_trgm ON dossiers USING gin (lower(full_name) gin_trgm_ops)`);
    await q.query(`CREATE INDEX ix_dossiers_inmate_trgm ON dossiers USING gin (inmate_number gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_dossiers_inmate_trgm`);
    await q.query(`DROP INDEX ix_dossiers_name_trgm`);
    await q.query(`DROP INDEX ix_dossiers_facility_name`);
    await q.query(`DROP INDEX ix_dossiers_round_birth`);
    await q.query(`DROP INDEX ix_dossiers_round_inmate`);
    await q.query(`DROP INDEX ix_dossiers_round_name`);
    await q.query(`DROP INDEX ix_dossiers_round_units`);
    await q.query(`DROP TRIGGER tr_eligibility_results_verdicts ON eligibility_results`);
    await q.query(`DROP FUNCTION dossier_verdicts_refresh()`);
    await q.query(`DROP TABLE dossier_verdicts`);
    await q.query(`ALTER TABLE eligibility_results DROP COLUMN relies_on_unverified`);
  }
}
