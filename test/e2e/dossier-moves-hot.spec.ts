import { DataSource } from 'typeorm';
import { DossierMovesHot1764007100000 } from '../../migrations/1764007100000-dossier-moves-hot.js';
import { Role } from '../../src/auth/user.entity.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { useFreshDatabase } from '../seeds/support/fresh-database.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// A stage move writes `stage`, `version` and `updated_at` (transition.repository.ts). No index of `dossiers` may read
// any of them, and the table keeps room on its pages, so that a move rewrites each row on its own page and touches no
// index: a heap-only (HOT) update.
const MOVE_COLUMNS = ['stage', 'version', 'updated_at'];

type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

// The indexes of `dossiers` that read a column a move writes: as a key, in an INCLUDE, an expression or a predicate.
async function indexesReadingMoveColumns(query: Query): Promise<string[]> {
  const rows = (await query(
    `SELECT DISTINCT c.relname AS name
     FROM pg_index i
     JOIN pg_class c ON c.oid = i.indexrelid
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attname = ANY($1::text[])
     WHERE i.indrelid = 'dossiers'::regclass
       AND (a.attnum = ANY(i.indkey::int2[])
            OR pg_get_expr(i.indexprs, i.indrelid) ~ ('\\m' || a.attname || '\\M')
            OR pg_get_expr(i.indpred, i.indrelid) ~ ('\\m' || a.attname || '\\M'))
     ORDER BY 1`,
    [MOVE_COLUMNS],
  )) as { name: string }[];
  return rows.map((r) => r.name);
}

describe('a stage move is a heap-only update of the dossier row', () => {
  let t: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrg(t.dataSource);
  });
  afterAll(() => t.close());

  it('leaves room on the pages and keeps the columns a move writes out of every index', async () => {
    expect(await indexesReadingMoveColumns((sql, p) => t.dataSource.query(sql, p))).toEqual([]);
    const [{ options }] = await t.dataSource.query(
      `SELECT reloptions AS options FROM pg_class WHERE oid = 'dossiers'::regclass`,
    );
    expect(options).toContain('fillfactor=50');
  });

  it("moves a team's dossiers filed through the API without touching an index", async () => {
    const officer = new HttpClient(t.baseUrl);
    expect((await officer.login(org.users[Role.TEAM_OFFICER], TEST_PASSWORD)).status).toBe(200);
    const ids: string[] = [];
    for (let i = 0; i < 24; i += 1) {
      const doc = buildDossier({ roundCode: org.roundCode, facilityCode: org.facility.code, teamCode: org.team.code });
      const res = await officer.post('/api/dossiers', doc);
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    // The columns the move statement writes, for every dossier of the team at once, counted inside the transaction
    // (the statistics of the current transaction are exact; the cumulative ones are flushed later).
    const counted = await t.dataSource
      .transaction(async (m) => {
        await m.query(
          `UPDATE dossiers SET stage = 'team_ballot', version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`,
          [ids],
        );
        const [row] = await m.query(
          `SELECT pg_stat_get_xact_tuples_updated('dossiers'::regclass)::int AS updated,
                  pg_stat_get_xact_tuples_hot_updated('dossiers'::regclass)::int AS hot`,
        );
        throw Object.assign(new Error('roll back'), { counted: row });
      })
      .catch((e: { counted?: { updated: number; hot: number } }) => {
        if (!e.counted) throw e;
        return e.counted;
      });
    expect(counted).toEqual({ updated: ids.length, hot: ids.length });
  });
});

describe('the migration that makes stage moves heap-only', () => {
  const db = useFreshDatabase('dossier_moves_hot');

  it('goes down to the indexes it replaced and up again', async () => {
    const query: Query = async (sql, p) => (await db.client().query(sql, p as unknown[])).rows;
    const source = new DataSource({ type: 'postgres', url: db.url() });
    await source.initialize();
    const runner = source.createQueryRunner();
    const migration = new DossierMovesHot1764007100000();
    try {
      await migration.down(runner);
      expect(await indexesReadingMoveColumns(query)).toEqual([
        'ix_dossiers_round_id',
        'ix_dossiers_round_stage',
        'ix_dossiers_round_units',
      ]);
      await migration.up(runner);
      expect(await indexesReadingMoveColumns(query)).toEqual([]);
    } finally {
      await runner.release();
      await source.destroy();
    }
  });
});
