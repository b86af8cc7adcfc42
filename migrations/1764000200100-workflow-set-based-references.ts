import type { MigrationInterface, QueryRunner } from 'typeorm';

// A hop writes 15,000 history rows, list entries and dispositions at once. Row-level foreign keys check (and lock)
// every referenced row one at a time, which cost more than the writes themselves. The same rules are kept set-based:
// one anti-join per inserting statement, plus guards that stop a referenced row from being deleted or re-keyed.
// list_snapshots and list_entries are append-only already, so only users, dossiers and dossier_versions need guards.
const DROPPED: [string, string, string][] = [
  ['list_entries', 'fk_list_entries_list', 'FOREIGN KEY (list_id) REFERENCES list_snapshots (id)'],
  [
    'list_entries',
    'fk_list_entries_version',
    'FOREIGN KEY (dossier_id, dossier_version) REFERENCES dossier_versions (dossier_id, version)',
  ],
  [
    'list_dispositions',
    'fk_list_dispositions_entry',
    'FOREIGN KEY (list_id, dossier_id) REFERENCES list_entries (list_id, dossier_id)',
  ],
  [
    'list_dispositions',
    'fk_list_dispositions_outgoing',
    'FOREIGN KEY (outgoing_list_id) REFERENCES list_snapshots (id)',
  ],
  ['list_dispositions', 'fk_list_dispositions_user', 'FOREIGN KEY (decided_by) REFERENCES users (id)'],
  ['workflow_history', 'fk_workflow_history_dossier', 'FOREIGN KEY (dossier_id) REFERENCES dossiers (id)'],
  ['workflow_history', 'fk_workflow_history_actor', 'FOREIGN KEY (actor_id) REFERENCES users (id)'],
];

// Each check: the inserting table, and a condition on its new rows `n` that is true for a row without its parent.
const CHECKS: [string, string][] = [
  [
    'list_entries',
    `NOT EXISTS (SELECT 1 FROM list_snapshots p WHERE p.id = n.list_id)
    OR NOT EXISTS (SELECT 1 FROM dossier_versions p WHERE p.dossier_id = n.dossier_id AND p.version = n.dossier_version)`,
  ],
  [
    'list_dispositions',
    `NOT EXISTS (SELECT 1 FROM list_entries p WHERE p.list_id = n.list_id AND p.dossier_id = n.dossier_id)
    OR (n.outgoing_list_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM list_snapshots p WHERE p.id = n.outgoing_list_id))
    OR NOT EXISTS (SELECT 1 FROM users p WHERE p.id = n.decided_by)`,
  ],
  [
    'workflow_history',
    `NOT EXISTS (SELECT 1 FROM dossiers p WHERE p.id = n.dossier_id)
    OR NOT EXISTS (SELECT 1 FROM users p WHERE p.id = n.actor_id)`,
  ],
];

// Referenced side: [table, key columns, condition on OLD that is true while the row is still referenced].
const GUARDS: [string, string, string][] = [
  [
    'users',
    'id',
    `EXISTS (SELECT 1 FROM workflow_history c WHERE c.actor_id = OLD.id)
    OR EXISTS (SELECT 1 FROM list_dispositions c WHERE c.decided_by = OLD.id)`,
  ],
  ['dossiers', 'id', 'EXISTS (SELECT 1 FROM workflow_history c WHERE c.dossier_id = OLD.id)'],
  [
    'dossier_versions',
    'dossier_id, version',
    'EXISTS (SELECT 1 FROM list_entries c WHERE c.dossier_id = OLD.dossier_id AND c.dossier_version = OLD.version)',
  ],
];

export class WorkflowSetBasedReferences1764000200100 implements MigrationInterface {
  name = 'WorkflowSetBasedReferences1764000200100';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, name] of DROPPED) await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${name}`);
    for (const [table, orphan] of CHECKS) {
      await q.query(`
        CREATE FUNCTION ${table}_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM new_rows n WHERE ${orphan}) THEN
            RAISE EXCEPTION '%: a new row refers to a row that does not exist', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
          END IF;
          RETURN NULL;
        END $$`);
      await q.query(`CREATE TRIGGER trg_${table}_references AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_check_references()`);
    }
    for (const [table, keys, referenced] of GUARDS) {
      await q.query(`
        CREATE FUNCTION ${table}_keep_workflow_references() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (TG_OP = 'DELETE' OR (${keys
            .split(', ')
            .map((k) => `NEW.${k} IS DISTINCT FROM OLD.${k}`)
            .join(' OR ')})) AND (${referenced}) THEN
            RAISE EXCEPTION '%: row is referenced by the workflow records', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
          END IF;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END $$`);
      await q.query(`CREATE TRIGGER trg_${table}_keep_workflow_references BEFORE DELETE OR UPDATE OF ${keys} ON ${table}
        FOR EACH ROW EXECUTE FUNCTION ${table}_keep_workflow_references()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of GUARDS) {
      await q.query(`DROP TRIGGER trg_${table}_keep_workflow_references ON ${table}`);
      await q.query(`DROP FUNCTION ${table}_keep_workflow_references()`);
    }
    for (const [table] of CHECKS) {
      await q.query(`DROP TRIGGER trg_${table}_references ON ${table}`);
      await q.query(`DROP FUNCTION ${table}_check_references()`);
    }
    for (const [table, name, definition] of DROPPED)
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${name} ${definition}`);
  }
}
