import { createDataSource } from '../../src/database/data-source.js';
import { Role } from '../../src/kernel/roles.js';
import { WORKFLOW_ENTITIES } from '../../src/workflow/workflow.registry.js';
import { createTestOrg } from '../factories/org.factory.js';

// How PostgreSQL's information_schema names the column types the entities declare.
const DATA_TYPES: Record<string, string> = {
  int: 'integer',
  int4: 'integer',
  int8: 'bigint',
  timestamptz: 'timestamp with time zone',
  timestamp: 'timestamp without time zone',
  varchar: 'character varying',
  bool: 'boolean',
};

// The workflow's entities and its hand-written migration must describe the same tables.
describe('workflow entities and migration agree', () => {
  const ds = createDataSource(process.env.TEST_DATABASE_URL!, { poolSize: 1, applicationName: 'pipeline-schema' });
  beforeAll(() => ds.initialize());
  afterAll(() => ds.destroy());

  it.each(WORKFLOW_ENTITIES.map((e) => [e.name, e]))('%s', async (_name, entity) => {
    const meta = ds.getMetadata(entity);
    const rows: { column_name: string; data_type: string; is_nullable: string }[] = await ds.query(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = $1`,
      [meta.tableName],
    );
    const table = new Map(rows.map((r) => [r.column_name, r]));
    expect(rows.length).toBeGreaterThan(0);
    for (const column of meta.columns) {
      const db = table.get(column.databaseName);
      expect({ column: column.databaseName, present: !!db }).toEqual({ column: column.databaseName, present: true });
      expect({ column: column.databaseName, nullable: db!.is_nullable === 'YES' }).toEqual({
        column: column.databaseName,
        nullable: column.isNullable,
      });
    }
    expect([...table.keys()].filter((c) => !meta.columns.some((m) => m.databaseName === c))).toEqual([]);
    for (const column of meta.columns) {
      const declared = typeof column.type === 'string' ? column.type : String(column.type.name).toLowerCase();
      expect({ column: column.databaseName, type: table.get(column.databaseName)!.data_type }).toEqual({
        column: column.databaseName,
        type: column.isArray ? 'ARRAY' : (DATA_TYPES[declared] ?? declared),
      });
    }
  });

  it('refuses to rewrite the evidence: history, ballots and lists are append-only', async () => {
    // TRUNCATE fires the statement trigger even on an empty table; row triggers are exercised by the pipeline test.
    for (const table of [
      'workflow_history',
      'ballot_results',
      'list_sources',
      'list_submissions',
      'list_dispositions',
    ]) {
      await expect(ds.query(`TRUNCATE ${table}`)).rejects.toThrow(/append-only/);
    }
  });

  it('checks every reference of a bulk insert in one pass', async () => {
    // A real user of its own, so the only missing reference is the ghost, whichever suites ran before.
    const org = await createTestOrg(ds);
    const [u] = await ds.query(`SELECT id FROM users WHERE username = $1`, [org.users[Role.DEPARTMENT_OFFICER]]);
    const ghost = '00000000-0000-4000-8000-000000000000';
    await expect(
      ds.query(
        `INSERT INTO workflow_history (dossier_id, round_id, event, from_stage, to_stage, version_read, version_written, actor_id, actor_role, actor_unit_id)
       VALUES ($1, $1, 'forward', 'department', 'ministry', 1, 2, $2, 'DEPARTMENT_OFFICER', $1)`,
        [ghost, u.id],
      ),
    ).rejects.toThrow(/does not exist/);
    await expect(
      ds.query(
        `INSERT INTO list_dispositions (list_id, dossier_id, disposition, reason_code, decided_by) VALUES ($1, $1, 'removed', 'deceased', $2)`,
        [ghost, u.id],
      ),
    ).rejects.toThrow(/does not exist/);
  });
});
