import { DataSource } from 'typeorm';
import { AppraisalReached1764007110000 } from '../../migrations/1764007110000-appraisal-reached.js';
import { useFreshDatabase } from '../seeds/support/fresh-database.js';

// The table of facilities whose lists reached the appraisal team, and the trigger that writes it with the history,
// leave on the way down and come back on the way up.
describe('the appraisal-reached migration', () => {
  const db = useFreshDatabase('appraisal_reached');

  const state = async () => {
    const { rows } = await db.client().query(
      `SELECT to_regclass('appraisal_reached') IS NOT NULL AS "table",
              (SELECT count(*)::int FROM pg_trigger WHERE tgname = 'trg_workflow_history_appraisal_reached') AS triggers`,
    );
    return rows[0] as { table: boolean; triggers: number };
  };

  it('goes down and up again', async () => {
    const source = new DataSource({ type: 'postgres', url: db.url() });
    await source.initialize();
    const runner = source.createQueryRunner();
    const migration = new AppraisalReached1764007110000();
    try {
      expect(await state()).toEqual({ table: true, triggers: 1 });
      await migration.down(runner);
      expect(await state()).toEqual({ table: false, triggers: 0 });
      await migration.up(runner);
      expect(await state()).toEqual({ table: true, triggers: 1 });
    } finally {
      await runner.release();
      await source.destroy();
    }
  });
});
