import 'reflect-metadata';
import { DossierVersionsFactsStoredPlain1764006960000 } from '../../migrations/1764006960000-dossier-versions-facts-stored-plain.js';
import { loadSynthetic } from '../../seeds/synthetic/synthetic-loader.js';
import { useFreshDatabase } from '../seeds/support/fresh-database.js';
import { withQueryRunner } from './migration-runner.js';

// Versions' documents and their facts of the usual size (under 4 KB a row) are stored uncompressed once migrated, the
// rare longer document still compressed; on the way down the tables compress again from 2 KB.
describe('the dossier versions and facts storage migration', () => {
  const db = useFreshDatabase('versions_facts_storage');

  const compressed = async () => {
    const { rows } = await db.client().query(
      `SELECT (SELECT count(*)::int FROM dossier_versions WHERE pg_column_compression(document) IS NOT NULL) AS versions,
              (SELECT count(*)::int FROM dossier_versions
                WHERE pg_column_compression(document) IS NOT NULL AND octet_length(document::text) < 3000) AS short,
              (SELECT count(*)::int FROM dossier_facts WHERE pg_column_compression(facts) IS NOT NULL) AS facts,
              (SELECT count(*)::int FROM dossier_versions) AS written`,
    );
    return rows[0] as { versions: number; short: number; facts: number; written: number };
  };
  const load = (seed: number) =>
    loadSynthetic({ databaseUrl: db.url(), dossiers: 100, batchSize: 100, lanes: 1, workers: 0, seed });

  it('writes a load of dossiers uncompressed, and compressed again once migrated down', async () => {
    await load(1);
    const up = await compressed();
    expect(up).toMatchObject({ short: 0, facts: 0, written: 100 });
    expect(up.versions).toBeLessThan(10);

    const migration = new DossierVersionsFactsStoredPlain1764006960000();
    await withQueryRunner(db.url(), async (runner) => {
      await migration.down(runner);
      await load(2);
      const down = await compressed();
      expect(down.written).toBe(200);
      expect(down.versions - up.versions).toBeGreaterThan(90);
      expect(down.facts).toBeGreaterThan(50);
      await migration.up(runner);
      const { rows } = await db
        .client()
        .query(
          `SELECT relname, reloptions FROM pg_class WHERE relname IN ('dossier_versions', 'dossier_facts') ORDER BY 1`,
        );
      expect(rows).toEqual([
        { relname: 'dossier_facts', reloptions: ['toast_tuple_target=4080'] },
        { relname: 'dossier_versions', reloptions: ['toast_tuple_target=4080'] },
      ]);
    });
  });
});
