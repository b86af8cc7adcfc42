import 'reflect-metadata';
import { availableParallelism, loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { hashPassword } from '../src/auth/password.js';
import { createApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/app-config.js';
import { explainRequest, recordStatements } from './api-explain.js';
import {
  call,
  type CaseFigures,
  type Official,
  oneRequest,
  percentile,
  report,
  run,
  type Workload,
} from './api-load.js';
import { startApiServer } from './api-server.js';
import { ownCpuSeconds, pgCpuSeconds } from './process-tree.js';
import { appEnvironment, completeParameters, openSyntheticRound, screenedRound } from './synthetic-database.js';

// `npm run bench:api`: officials at the same time. A 150,000-dossier synthetic round, screened (kept in BENCH_DATA_DIR
// between runs), behind `npm start` as production runs it on 127.0.0.1: first one API process (the baseline), then
// API_PROCESSES forks behind one port (default: one per core). CLIENTS (default "20,100") concurrent sessions, each of
// its own official, run for BENCH_SECONDS (default 20) the mix of api-load.ts; beside each, the liveness probe under
// the same concurrency (the HTTP stack alone). Before the load, EXPLAIN (ANALYZE, BUFFERS) of the statements one
// request of each kind runs. Prints throughput, p50 and p95 per kind, errors, CPU per request and the ratios.
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 150_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CLIENTS = (process.env.CLIENTS ?? '20,100').split(',').map(Number);
const PROCESSES = Number(process.env.API_PROCESSES ?? availableParallelism());
const PASSWORD = 'bench-api-2026';
const GOAL_P95_MS = 250;
// Issue 19's starting point, measured on one process before this benchmark ran several.
const GOAL_RATE = 160;

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

// Each client is a ministry officer (lists, dossiers, evaluations) and a team officer of one of the teams with the
// most dossiers waiting at the application stage. A kept database has the accounts of an earlier run; each team
// officer moves to this run's team.
async function officials(ds: DataSource, baseUrl: string, count: number, roundId: string): Promise<Official[]> {
  const hash = await hashPassword(PASSWORD);
  const teams: { id: string }[] = await ds.query(
    `SELECT t.id FROM dossiers d JOIN org_units t ON t.id = d.team_id
      WHERE d.round_id = $1 AND d.stage = 'application' GROUP BY t.id ORDER BY count(*) DESC LIMIT $2`,
    [roundId, count],
  );
  const login = async (username: string) => {
    const res = await call(baseUrl, null, 'POST', '/api/auth/login', { username, password: PASSWORD });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.text.slice(0, 200)}`);
    return (JSON.parse(res.text) as { token: string }).token;
  };
  const out: Official[] = [];
  for (const [i, team] of teams.entries()) {
    const [ministryUser, teamUser] = [`bench.api.bo.${i}`, `bench.api.doi.${i}`];
    await ds.query(
      `INSERT INTO users (username, password_hash, full_name, role, org_unit_id)
       SELECT $1, $3, $1, 'MINISTRY_OFFICER', id FROM org_units WHERE code = 'BCA'
       UNION ALL SELECT $2, $3, $2, 'TEAM_OFFICER', $4::uuid
       ON CONFLICT (username) DO UPDATE SET org_unit_id = EXCLUDED.org_unit_id`,
      [ministryUser, teamUser, hash, team.id],
    );
    out.push({ ministry: await login(ministryUser), team: await login(teamUser), teamId: team.id, waiting: [] });
  }
  return out;
}

// The dossiers each team has waiting now (a configuration's commands moved the earlier ones on).
async function refreshWaiting(ds: DataSource, clients: Official[], roundId: string): Promise<void> {
  for (const official of clients) {
    official.waiting = await ds.query(
      `SELECT id, version FROM dossiers WHERE team_id = $1 AND round_id = $2 AND stage = 'application' ORDER BY id`,
      [official.teamId, roundId],
    );
  }
}

async function main(): Promise<void> {
  const db = await openSyntheticRound({ prefix: 'api', dossiers: DOSSIERS, presetCode: 'QD-1244-2025' });
  try {
    const env = appEnvironment(db, { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '20' });
    const roundId = await screenedRound(db, env);
    const ds = db.dataSource;
    const ids: string[] = (
      await ds.query(
        `SELECT d.id FROM dossiers d JOIN org_units f ON f.id = d.facility_id
           JOIN org_units m ON f.path LIKE m.path || '%' AND m.code = 'BCA'
          WHERE d.round_id = $1 ORDER BY md5(d.id::text) LIMIT 2000`,
        [roundId],
      )
    ).map((r: { id: string }) => r.id);
    const [stored] = await ds.query('SELECT parameters FROM rounds WHERE id = $1', [roundId]);
    // The round's values the preset leaves unknown, filled in as the dry run and the living demo fill them.
    const workload: Workload = {
      roundId,
      ids,
      documents: [],
      parameters: completeParameters(stored.parameters, 'QD-1244-2025'),
    };

    // One application in this process: the officials' sessions, the dossiers evaluations send (as the exchange format
    // carries them, read once through the API), and the plans of one request of each kind, recorded as it runs.
    const app = await createApp(loadConfig(env), db.url, { logger: false });
    await app.listen(0, '127.0.0.1');
    const inProcess = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const clients = await officials(ds, inProcess, Math.max(...CLIENTS), roundId);
    for (const id of ids.slice(0, 50)) {
      const r = await call(inProcess, clients[0].ministry, 'GET', `/api/dossiers/${id}/export`);
      if (r.status !== 200) throw new Error(`export ${id}: ${r.status} ${r.text.slice(0, 200)}`);
      workload.documents.push(JSON.parse(r.text));
    }
    await refreshWaiting(ds, clients, roundId);
    console.log(`hot queries: EXPLAIN (ANALYZE, BUFFERS) of one request of each kind (warm, the slowest three)`);
    const record = recordStatements(app.get(DataSource));
    for (const [label, roll, pick] of [
      ['list page, sorted by name', 0.1, 0],
      ['list page, sorted by facility', 0.1, 0.9],
      ['dossier page', 0.5, 0.3],
      ['evaluation', 0.8, 0.3],
      ['stage command', 0.95, 0],
    ] as const) {
      await oneRequest(inProcess, workload, clients[1], roll, pick);
      const statements = await record(() => oneRequest(inProcess, workload, clients[1], roll, pick));
      await explainRequest({ owner: ds, label, statements });
    }
    await app.close();

    console.log(
      `bench:api — ${DOSSIERS.toLocaleString('en')} dossiers, ${SECONDS} s per case, ${availableParallelism()} cores, ` +
        `load average at start ${load()}`,
    );
    const figures = new Map<string, CaseFigures>();
    for (const processes of [...new Set([1, PROCESSES])]) {
      await refreshWaiting(ds, clients, roundId);
      const server = await startApiServer(env, processes);
      try {
        for (const n of CLIENTS) {
          const group = clients.slice(0, n);
          const label = `${processes} API process${processes > 1 ? 'es' : ''}, ${n} clients`;
          const common = { baseUrl: server.baseUrl, workload, clients: group, seconds: SECONDS };
          const baseline = await run({ ...common, baseline: true });
          const baselineRate = baseline.length / SECONDS;
          report({
            label: `${label}, liveness probe (baseline)`,
            samples: baseline,
            seconds: SECONDS,
            baselineRate: null,
          });
          const cpuBefore = { api: server.cpuSeconds(), postgres: pgCpuSeconds(db.dataDir), client: ownCpuSeconds() };
          const mixed = await run({ ...common, baseline: false });
          const cpu = {
            api: server.cpuSeconds() - cpuBefore.api,
            postgres: pgCpuSeconds(db.dataDir) - cpuBefore.postgres,
            client: ownCpuSeconds() - cpuBefore.client,
          };
          const result = report({
            label: `${label}, officials' mix`,
            samples: mixed,
            seconds: SECONDS,
            baselineRate,
            cpu,
          });
          figures.set(`${processes}/${n}`, result);
          console.log(`  load average ${load()}`);
          if (n === 20) {
            const p95 = percentile(
              mixed.filter((s) => s.status < 400).map((s) => s.ms),
              0.95,
            );
            console.log(
              `  goal at 20 clients: p95 ≤ ${GOAL_P95_MS} ms: ${p95 <= GOAL_P95_MS ? 'met' : 'NOT met'}, ` +
                `≥ ${GOAL_RATE} requests/s: ${result.rate >= GOAL_RATE ? 'met' : 'NOT met'}`,
            );
          }
        }
      } finally {
        await server.stop();
      }
    }
    for (const n of CLIENTS) {
      const [one, many] = [figures.get(`1/${n}`), figures.get(`${PROCESSES}/${n}`)];
      if (!one || !many || PROCESSES === 1) continue;
      console.log(
        `${n} clients, ${PROCESSES} processes against 1: throughput ×${(many.rate / one.rate).toFixed(2)}, ` +
          `p95 ×${(many.p95 / one.p95).toFixed(2)}`,
      );
    }
    console.log(`load average at the end ${load()}`);
  } finally {
    await db.dataSource.destroy();
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
