import type { MigrationInterface, QueryRunner } from 'typeorm';

// A load writes some twenty child rows per dossier (conduct ratings, intervals, obligations…), and each child table's
// row-level foreign key to dossiers ran one lookup (and lock) of the parent per row: on the 150,000-dossier load that
// was three million lookups of 150,000 dossiers, about a fifth of the database's time. The same rules are kept
// set-based, as the workflow's (1764000200100) and the simulation's (1764005900000) were: each inserting or updating
// statement looks its dossiers up once each, and locks them as the foreign key did (FOR KEY SHARE, so that none can
// be deleted or re-keyed before it commits); deleting a dossier takes its children with it (a statement trigger on the
// deleted rows, the foreign keys' ON DELETE CASCADE); and a dossier may not be re-keyed while it has children. The
// references between children (an offence to its judgment, a decision to its obligation) stay foreign keys.
const CHILDREN = [
  'dossier_judgments',
  'dossier_offences',
  'dossier_intervals',
  'dossier_reductions',
  'dossier_conduct_ratings',
  'dossier_discipline',
  'dossier_prior_convictions',
  'dossier_obligations',
  'dossier_enforcement_decisions',
  'dossier_special_circumstances',
  'dossier_evidence_documents',
];

const constraint = (table: string) => `fk_${table}_dossier`;

export class DossierChildrenSetBasedReferences1764006700000 implements MigrationInterface {
  name = 'DossierChildrenSetBasedReferences1764006700000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of CHILDREN) await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${constraint(table)}`);
    await q.query(`
      CREATE FUNCTION dossier_children_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
        found integer;
      BEGIN
        SELECT array_agg(DISTINCT dossier_id) INTO ids FROM new_rows;
        SELECT count(*) INTO found FROM (SELECT 1 FROM dossiers p WHERE p.id = ANY (ids) FOR KEY SHARE) locked;
        IF found < coalesce(cardinality(ids), 0) THEN
          RAISE EXCEPTION '%: a new row refers to a dossier that does not exist', TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of CHILDREN)
      for (const event of ['INSERT', 'UPDATE'])
        await q.query(`CREATE TRIGGER trg_${table}_dossier_${event.toLowerCase()} AFTER ${event} ON ${table}
          REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_children_check_references()`);
    // Children of children first, as the cascades ran; every child table has an index led by dossier_id.
    await q.query(`
      CREATE FUNCTION dossiers_delete_children() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${[...CHILDREN]
          .reverse()
          .map((t) => `DELETE FROM ${t} c USING old_rows o WHERE c.dossier_id = o.id;`)
          .join('\n        ')}
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER trg_dossiers_delete_children AFTER DELETE ON dossiers
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dossiers_delete_children()`);
    await q.query(`
      CREATE FUNCTION dossiers_keep_children() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.id IS DISTINCT FROM OLD.id AND (${CHILDREN.map(
          (t) => `EXISTS (SELECT 1 FROM ${t} c WHERE c.dossier_id = OLD.id)`,
        ).join('\n          OR ')}) THEN
          RAISE EXCEPTION '%: row is referenced by its dossier''s records', TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER trg_dossiers_keep_children BEFORE UPDATE OF id ON dossiers
      FOR EACH ROW EXECUTE FUNCTION dossiers_keep_children()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER trg_dossiers_keep_children ON dossiers');
    await q.query('DROP FUNCTION dossiers_keep_children()');
    await q.query('DROP TRIGGER trg_dossiers_delete_children ON dossiers');
    await q.query('DROP FUNCTION dossiers_delete_children()');
    for (const table of CHILDREN)
      for (const event of ['insert', 'update']) await q.query(`DROP TRIGGER trg_${table}_dossier_${event} ON ${table}`);
    await q.query('DROP FUNCTION dossier_children_check_references()');
    for (const table of CHILDREN)
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${constraint(table)} FOREIGN KEY (dossier_id) REFERENCES dossiers (id) ON DELETE CASCADE`,
      );
  }
}
