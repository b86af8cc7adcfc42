import { DataSource } from 'typeorm';
import { PresentationUnits1764003300000 } from '../../migrations/1764003300000-presentation-units.js';
import { useFreshDatabase } from '../seeds/support/fresh-database.js';

// The presentation units' migration goes down and up again on a migrated database of its own: the certificate's
// reference to the commune or military unit, the unit kind and the role come and go together.
describe('the presentation units migration', () => {
  const db = useFreshDatabase('presentation_units');

  const state = async () => {
    const column = await db.client().query(
      `SELECT count(*)::int AS n FROM information_schema.columns
          WHERE table_name = 'amnesty_certificates' AND column_name = 'presentation_unit_id'`,
    );
    const checks = await db.client().query(
      `SELECT c.conname, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
        WHERE c.conname IN ('ck_users_role', 'ck_org_units_kind') ORDER BY c.conname`,
    );
    return {
      column: column.rows[0].n as number,
      kinds: (checks.rows[0].def as string).includes("'LOCAL_UNIT'"),
      roles: (checks.rows[1].def as string).includes("'LOCAL_UNIT_OFFICER'"),
      otherKindsKept: (checks.rows[0].def as string).includes("'COURT'"),
      otherRolesKept: (checks.rows[1].def as string).includes("'SUPREME_COURT_OFFICER'"),
    };
  };

  const migrated = { column: 1, kinds: true, roles: true, otherKindsKept: true, otherRolesKept: true };

  it('removes the reference, the unit kind and the role, and puts them back', async () => {
    const source = new DataSource({ type: 'postgres', url: db.url() });
    await source.initialize();
    const runner = source.createQueryRunner();
    try {
      const migration = new PresentationUnits1764003300000();
      expect(await state()).toEqual(migrated);
      await migration.down(runner);
      expect(await state()).toEqual({ ...migrated, column: 0, kinds: false, roles: false });
      await migration.up(runner);
      expect(await state()).toEqual(migrated);
    } finally {
      await runner.release();
      await source.destroy();
    }
  });
});
