import { DossierRedundantIndexes1764006950000 } from '../../migrations/1764006950000-dossier-redundant-indexes.js';
import { useFreshDatabase } from '../seeds/support/fresh-database.js';
import { withQueryRunner } from './migration-runner.js';

// The two dossier indexes another index already covers leave on the way up and come back on the way down; a lookup by
// facility alone is then served by the (facility, name, id) index.
describe('the redundant dossier indexes migration', () => {
  const db = useFreshDatabase('redundant_indexes');

  const indexes = async () => {
    const { rows } = await db
      .client()
      .query(
        `SELECT indexname FROM pg_indexes WHERE tablename = 'dossiers' AND indexname IN ('ix_dossiers_facility', 'ix_dossiers_full_name') ORDER BY 1`,
      );
    return rows.map((r: { indexname: string }) => r.indexname);
  };

  it('serves a lookup by facility from the (facility, name, id) index once they are gone', async () => {
    expect(await indexes()).toEqual([]);
    const client = db.client();
    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query(
        `EXPLAIN SELECT id FROM dossiers WHERE facility_id = '00000000-0000-4000-8000-000000000001'`,
      );
      expect(rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')).toContain(
        'ix_dossiers_facility_name',
      );
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('puts both back on the way down and drops them again on the way up', async () => {
    const migration = new DossierRedundantIndexes1764006950000();
    await withQueryRunner(db.url(), async (runner) => {
      await migration.down(runner);
      expect(await indexes()).toEqual(['ix_dossiers_facility', 'ix_dossiers_full_name']);
      await migration.up(runner);
      expect(await indexes()).toEqual([]);
    });
  });
});
