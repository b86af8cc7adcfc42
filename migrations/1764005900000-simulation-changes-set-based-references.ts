import type { MigrationInterface, QueryRunner } from 'typeorm';

// A simulation saves every changed verdict at once (tens of thousands of rows in one COPY). Its three row-level foreign
// keys checked (and locked) the simulation, the dossier and the facility of each row one at a time: on the
// 150,000-dossier bench that was 80% of the statement, 1.2 s of 1.5 s for 80,000 rows. The same rules are kept
// set-based, as the workflow's were (1764000200100): one anti-join per inserting statement; the two cascades (a
// simulation or a dossier deleted takes its changed verdicts with it) as statement triggers on the deleted rows; and
// a guard that stops a referenced facility, simulation or dossier from being re-keyed, or a facility from being deleted.
// No code deletes a dossier or a facility, so their side looks the changes up without an index of its own, as the
// foreign keys did.
const DROPPED: [string, string][] = [
  ['fk_simulation_changes_simulation', 'FOREIGN KEY (simulation_id) REFERENCES simulations (id) ON DELETE CASCADE'],
  ['fk_simulation_changes_dossier', 'FOREIGN KEY (dossier_id) REFERENCES dossiers (id) ON DELETE CASCADE'],
  ['fk_simulation_changes_facility', 'FOREIGN KEY (facility_id) REFERENCES org_units (id)'],
];

// Deleting a row of these takes its changed verdicts with it: [table, the changes' column].
const CASCADES: [string, string][] = [
  ['simulations', 'simulation_id'],
  ['dossiers', 'dossier_id'],
];

// These rows may not be re-keyed while changed verdicts refer to them, nor a facility deleted: [table, column].
const GUARDS: [string, string, boolean][] = [
  ['simulations', 'simulation_id', false],
  ['dossiers', 'dossier_id', false],
  ['org_units', 'facility_id', true],
];

export class SimulationChangesSetBasedReferences1764005900000 implements MigrationInterface {
  name = 'SimulationChangesSetBasedReferences1764005900000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name] of DROPPED) await q.query(`ALTER TABLE simulation_changes DROP CONSTRAINT ${name}`);
    await q.query(`
      CREATE FUNCTION simulation_changes_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Three anti-joins (one per parent, the simulation and facilities taken once each), not one test per row.
        IF EXISTS (SELECT 1 FROM (SELECT DISTINCT simulation_id FROM new_rows) n
                   WHERE NOT EXISTS (SELECT 1 FROM simulations p WHERE p.id = n.simulation_id))
        OR EXISTS (SELECT 1 FROM (SELECT DISTINCT facility_id FROM new_rows) n
                   WHERE NOT EXISTS (SELECT 1 FROM org_units p WHERE p.id = n.facility_id))
        OR EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM dossiers p WHERE p.id = n.dossier_id))
        THEN
          RAISE EXCEPTION '%: a new row refers to a row that does not exist', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END $$`);
    for (const event of ['INSERT', 'UPDATE'])
      await q.query(`CREATE TRIGGER trg_simulation_changes_references_${event.toLowerCase()} AFTER ${event} ON simulation_changes
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION simulation_changes_check_references()`);
    for (const [table, column] of CASCADES) {
      await q.query(`
        CREATE FUNCTION ${table}_delete_simulation_changes() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM simulation_changes c USING old_rows o WHERE c.${column} = o.id;
          RETURN NULL;
        END $$`);
      await q.query(`CREATE TRIGGER trg_${table}_delete_simulation_changes AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_delete_simulation_changes()`);
    }
    for (const [table, column, restrictDelete] of GUARDS) {
      const when = restrictDelete
        ? `TG_OP = 'DELETE' OR NEW.id IS DISTINCT FROM OLD.id`
        : 'NEW.id IS DISTINCT FROM OLD.id';
      await q.query(`
        CREATE FUNCTION ${table}_keep_simulation_changes() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (${when}) AND EXISTS (SELECT 1 FROM simulation_changes c WHERE c.${column} = OLD.id) THEN
            RAISE EXCEPTION '%: row is referenced by a simulation''s changed verdicts', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
          END IF;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END $$`);
      await q.query(`CREATE TRIGGER trg_${table}_keep_simulation_changes
        BEFORE ${restrictDelete ? 'DELETE OR ' : ''}UPDATE OF id ON ${table}
        FOR EACH ROW EXECUTE FUNCTION ${table}_keep_simulation_changes()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of GUARDS) {
      await q.query(`DROP TRIGGER trg_${table}_keep_simulation_changes ON ${table}`);
      await q.query(`DROP FUNCTION ${table}_keep_simulation_changes()`);
    }
    for (const [table] of CASCADES) {
      await q.query(`DROP TRIGGER trg_${table}_delete_simulation_changes ON ${table}`);
      await q.query(`DROP FUNCTION ${table}_delete_simulation_changes()`);
    }
    for (const event of ['insert', 'update'])
      await q.query(`DROP TRIGGER trg_simulation_changes_references_${event} ON simulation_changes`);
    await q.query(`DROP FUNCTION simulation_changes_check_references()`);
    for (const [name, definition] of DROPPED)
      await q.query(`ALTER TABLE simulation_changes ADD CONSTRAINT ${name} ${definition}`);
  }
}
