import pg from 'pg';
import { CHILD_TABLES_FOR_REPLACE } from '../../src/dossiers/dossier-bulk-writer.repository.js';
import { loadSynthetic } from '../../seeds/synthetic/synthetic-loader.js';
import { useFreshDatabase } from './support/fresh-database.js';

// The dossier references of the child tables (every table a dossier's edit replaces) are checked per statement
// (migration 1764006700000), not by row-level foreign keys: each rule the foreign keys kept must still hold.
const CHILDREN = CHILD_TABLES_FOR_REPLACE;
const GHOST = '00000000-0000-4000-8000-000000000000';

// A copy of one existing row of `table` (a fresh id, every other column as it was) pointing at `dossierId`; a conduct
// rating gets a period of its own (the key is ignored by the other tables).
const copyRow = (table: string, dossierId: string) =>
  `INSERT INTO ${table} SELECT (jsonb_populate_record(NULL::${table}, to_jsonb(c)
     || jsonb_build_object('id', gen_random_uuid(), 'dossier_id', '${dossierId}', 'period', '1990-Q1'))).*
   FROM (SELECT * FROM ${table} ORDER BY id LIMIT 1) c`;

describe('dossier child rows refer to their dossier, checked per statement', () => {
  const db = useFreshDatabase('dossier_children');
  let dossiers: string[] = [];
  const query = async (sql: string, params: unknown[] = []) => (await db.client().query(sql, params)).rows;
  // Runs `sql` in a transaction that is always rolled back, so each case starts from the loaded rows.
  const attempt = async (sql: string, params: unknown[] = []) => {
    await query('BEGIN');
    try {
      return await query(sql, params);
    } finally {
      await query('ROLLBACK');
    }
  };

  beforeAll(async () => {
    await loadSynthetic({ databaseUrl: db.url(), dossiers: 60, batchSize: 30, workers: 0, seed: 5 });
    dossiers = (await query('SELECT id FROM dossiers ORDER BY id')).map((r) => r.id as string);
  }, 120_000);

  it.each(CHILDREN)('%s: refuses a row whose dossier does not exist, accepts it with its dossier', async (table) => {
    await expect(attempt(copyRow(table, GHOST))).rejects.toThrow(/refers to a dossier that does not exist/);
    await expect(attempt(`${copyRow(table, dossiers[1])} RETURNING dossier_id`)).resolves.toEqual([
      { dossier_id: dossiers[1] },
    ]);
  });

  it('refuses a whole statement when one of its many rows has no dossier', async () => {
    const rows = await query('SELECT count(*)::int AS n FROM dossier_conduct_ratings');
    expect(rows[0].n).toBeGreaterThan(300);
    await expect(
      attempt(`UPDATE dossier_conduct_ratings SET dossier_id = CASE WHEN id = (SELECT id FROM dossier_conduct_ratings ORDER BY id DESC LIMIT 1)
        THEN '${GHOST}'::uuid ELSE dossier_id END`),
    ).rejects.toThrow(/refers to a dossier that does not exist/);
    await expect(
      attempt('UPDATE dossier_conduct_ratings SET dossier_id = dossier_id RETURNING id'),
    ).resolves.toHaveLength(rows[0].n);
  });

  it('refuses to re-key a dossier that has child rows', async () => {
    await expect(attempt('UPDATE dossiers SET id = $2 WHERE id = $1', [dossiers[0], GHOST])).rejects.toThrow(
      /referenced by its dossier's records/,
    );
  });

  it('deletes the child rows with their dossier', async () => {
    const id = dossiers[2];
    const counts = async () =>
      Promise.all(
        CHILDREN.map(async (t) =>
          Number((await query(`SELECT count(*) AS n FROM ${t} WHERE dossier_id = $1`, [id]))[0].n),
        ),
      );
    await query('BEGIN');
    try {
      expect((await counts()).reduce((s, n) => s + n, 0)).toBeGreaterThan(5);
      // Its content versions and facts refer to it by foreign key (no cascade for the versions): removed first.
      await query('DELETE FROM dossier_versions WHERE dossier_id = $1', [id]);
      await query('DELETE FROM dossiers WHERE id = $1', [id]);
      expect(await counts()).toEqual(CHILDREN.map(() => 0));
    } finally {
      await query('ROLLBACK');
    }
  });

  it('holds the dossier as a foreign key would: it cannot be deleted while a new child row is uncommitted', async () => {
    const other = new pg.Client({ connectionString: db.url() });
    await other.connect();
    try {
      await query('BEGIN');
      await query(copyRow('dossier_intervals', dossiers[3]));
      await other.query('BEGIN');
      await other.query(`SET LOCAL lock_timeout = '300ms'`);
      await other.query('DELETE FROM dossier_versions WHERE dossier_id = $1', [dossiers[3]]);
      await expect(other.query('DELETE FROM dossiers WHERE id = $1', [dossiers[3]])).rejects.toThrow(/lock timeout/);
    } finally {
      await other.query('ROLLBACK').catch(() => undefined);
      await other.end();
      await query('ROLLBACK');
    }
  });
});
