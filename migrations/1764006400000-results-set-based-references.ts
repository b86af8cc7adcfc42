import type { MigrationInterface, QueryRunner } from 'typeorm';

// A screening writes 150,000 results, 2,000 per statement. Their three row-level foreign keys (dossier, round,
// screening) ran one lookup per row and key, and each lookup locked its row (FOR KEY SHARE): a screening dirtied, and
// after a checkpoint logged whole, one page of dossiers per result (EXPLAIN of 2,000 results: 175 ms of key checks,
// and 131 ms, 15 MB of WAL, for the dossiers' locks alone against 9 ms for the same lookups without). The same rules
// are kept set-based, as for the workflow records (1764000200100): one anti-join per inserting or updating statement,
// and guards that stop a referenced dossier, round or screening from being deleted or re-keyed. As there, nothing is
// locked: no code deletes or re-keys any of the three.
const REFERENCES: [string, string, string][] = [
  ['dossier_id', 'dossiers', 'fk_eligibility_results_dossier'],
  ['round_id', 'rounds', 'fk_eligibility_results_round'],
  ['screening_id', 'screenings', 'fk_eligibility_results_screening'],
];

const EVENTS = ['INSERT', 'UPDATE'];

export class ResultsSetBasedReferences1764006400000 implements MigrationInterface {
  name = 'ResultsSetBasedReferences1764006400000';

  async up(q: QueryRunner): Promise<void> {
    for (const [, , constraint] of REFERENCES)
      await q.query(`ALTER TABLE eligibility_results DROP CONSTRAINT ${constraint}`);
    const checks = REFERENCES.map(
      ([column, table]) => `
          IF EXISTS (SELECT 1 FROM new_rows n
                      WHERE n.${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${table} p WHERE p.id = n.${column})) THEN
            RAISE EXCEPTION 'insert or update on table "eligibility_results" violates a reference to "${table}"'
              USING ERRCODE = 'foreign_key_violation', DETAIL = 'Key (${column}) is not present in table "${table}".';
          END IF;`,
    );
    await q.query(`
      CREATE FUNCTION eligibility_results_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN${checks.join('')}
        RETURN NULL;
      END $$`);
    for (const event of EVENTS)
      await q.query(`CREATE TRIGGER trg_eligibility_results_references_${event.toLowerCase()} AFTER ${event}
        ON eligibility_results REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
        EXECUTE FUNCTION eligibility_results_check_references()`);
    for (const [column, table] of REFERENCES) {
      await q.query(`
        CREATE FUNCTION ${table}_keep_results() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (TG_OP = 'DELETE' OR NEW.id IS DISTINCT FROM OLD.id)
             AND EXISTS (SELECT 1 FROM eligibility_results c WHERE c.${column} = OLD.id) THEN
            RAISE EXCEPTION 'update or delete on table "%" violates a reference from "eligibility_results"', TG_TABLE_NAME
              USING ERRCODE = 'foreign_key_violation', DETAIL = 'Key (id) is still referenced from table "eligibility_results".';
          END IF;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END $$`);
      await q.query(`CREATE TRIGGER trg_${table}_keep_results BEFORE DELETE OR UPDATE OF id ON ${table}
        FOR EACH ROW EXECUTE FUNCTION ${table}_keep_results()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [, table] of REFERENCES) {
      await q.query(`DROP TRIGGER trg_${table}_keep_results ON ${table}`);
      await q.query(`DROP FUNCTION ${table}_keep_results()`);
    }
    for (const event of EVENTS)
      await q.query(`DROP TRIGGER trg_eligibility_results_references_${event.toLowerCase()} ON eligibility_results`);
    await q.query(`DROP FUNCTION eligibility_results_check_references()`);
    for (const [column, table, constraint] of REFERENCES)
      await q.query(
        `ALTER TABLE eligibility_results ADD CONSTRAINT ${constraint} FOREIGN KEY (${column}) REFERENCES ${table} (id)`,
      );
  }
}
