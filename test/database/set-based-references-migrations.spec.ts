import { DataSource } from 'typeorm';
import { ResultsSetBasedReferences1764006400000 } from '../../migrations/1764006400000-results-set-based-references.js';
import { DossierChildrenSetBasedReferences1764006700000 } from '../../migrations/1764006700000-dossier-children-set-based-references.js';
import { CertificateRegisterAppendOnly1764006800000 } from '../../migrations/1764006800000-certificate-register-append-only.js';
import { useFreshDatabase } from '../seeds/support/fresh-database.js';

// The migrations that trade row-level foreign keys for statement checks, and the one that makes the certificate
// register append-only, go down and up again on a migrated database of their own: the foreign keys come back on the
// way down, and the triggers and functions leave with them.
describe('the set-based reference and append-only migrations', () => {
  const db = useFreshDatabase('set_based_references');

  const state = async () => {
    const { rows } = await db.client().query(
      `SELECT
         (SELECT count(*)::int FROM pg_constraint WHERE contype = 'f' AND conrelid = 'eligibility_results'::regclass)
           AS "resultKeys",
         (SELECT count(*)::int FROM pg_constraint WHERE contype = 'f' AND confrelid = 'dossiers'::regclass
             AND conrelid <> 'eligibility_results'::regclass)
           AS "childKeys",
         (SELECT count(*)::int FROM pg_trigger WHERE NOT tgisinternal AND tgname ~ 'references|keep_results|children')
           AS triggers,
         (SELECT count(*)::int FROM pg_trigger WHERE tgname ~ '^trg_certificate_register_no_') AS "registerGuards"`,
    );
    return rows[0] as { resultKeys: number; childKeys: number; triggers: number; registerGuards: number };
  };

  it('puts the foreign keys back on the way down and takes them away again on the way up', async () => {
    const source = new DataSource({ type: 'postgres', url: db.url() });
    await source.initialize();
    const runner = source.createQueryRunner();
    const migrations = [
      new CertificateRegisterAppendOnly1764006800000(),
      new DossierChildrenSetBasedReferences1764006700000(),
      new ResultsSetBasedReferences1764006400000(),
    ];
    try {
      const migrated = await state();
      expect(migrated).toMatchObject({ resultKeys: 0, registerGuards: 2 });
      expect(migrated.triggers).toBeGreaterThan(0);
      for (const m of migrations) await m.down(runner);
      const before = await state();
      // A result's dossier, round and screening; the dossier of each of the eleven child tables.
      expect(before).toMatchObject({ resultKeys: 3, childKeys: migrated.childKeys + 11, registerGuards: 0 });
      expect(before.triggers).toBeLessThan(migrated.triggers);
      for (const m of [...migrations].reverse()) await m.up(runner);
      expect(await state()).toEqual(migrated);
    } finally {
      await runner.release();
      await source.destroy();
    }
  });
});
