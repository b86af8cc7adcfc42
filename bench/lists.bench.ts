import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashPassword } from '../src/auth/password.js';
import { ScopeService } from '../src/auth/scope.service.js';
import type { SessionUser } from '../src/auth/session-user.js';
import { AuthRepository } from '../src/auth/auth.repository.js';
import { createApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/app-config.js';
import { DossierListRepository } from '../src/dossiers/dossier-list.repository.js';
import { DossierListService } from '../src/dossiers/dossier-list.service.js';
import type { DossierQueryDto } from '../src/dossiers/dossier-query.dto.js';
import { appEnvironment, openSyntheticRound, screenedRound } from './synthetic-database.js';
import { upperMedian as median } from './median.js';

// npm run bench:lists — a 150,000-dossier synthetic round, screened, in a throw-away PostgreSQL with its default
// settings (or the one kept in BENCH_DATA_DIR, loaded and screened once); the real HTTP application on a random port; the list page (GET /dossiers) asked several times per
// filter and sort as a ministry officer (every facility of the ministry) and as the warden of the largest facility.
// Baseline, in the same run: the unfiltered first page of the round read with one plain indexed statement and its
// count, without scope or joins, and the same HTTP stack answering the liveness probe.
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 150_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const GOAL_MS = 300;
const PASSWORD = 'bench-lists-2026';

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function account(ds: DataSource, username: string, role: string, unitCode: string): Promise<void> {
  await ds.query(
    `INSERT INTO users (username, password_hash, full_name, role, org_unit_id)
     SELECT $1, $2, $1, $3, id FROM org_units WHERE code = $4 ON CONFLICT (username) DO NOTHING`,
    [username, await hashPassword(PASSWORD), role, unitCode],
  );
}

async function login(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

async function getPage(baseUrl: string, token: string, path: string): Promise<string> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 300)}`);
  return body;
}

interface Case {
  name: string;
  query: Record<string, string>;
}

function cases(ids: {
  roundId: string;
  facilityId: string | null;
  teamId: string | null;
  category: string;
  firstName: string;
}): Case[] {
  const out: Case[] = [
    { name: 'no filter, by name', query: {} },
    { name: 'round', query: { roundId: ids.roundId } },
    { name: 'stage camp council', query: { roundId: ids.roundId, stage: 'camp_council' } },
    { name: 'verdict eligible', query: { roundId: ids.roundId, verdict: 'ELIGIBLE' } },
    { name: 'verdict needs review', query: { roundId: ids.roundId, verdict: 'NEEDS_REVIEW' } },
    { name: 'category', query: { roundId: ids.roundId, category: ids.category } },
    { name: 'rests on unverified values', query: { roundId: ids.roundId, unverified: 'yes' } },
    { name: 'verified values only', query: { roundId: ids.roundId, unverified: 'no' } },
    { name: 'name search', query: { roundId: ids.roundId, q: ids.firstName } },
  ];
  if (ids.facilityId) out.push({ name: 'facility', query: { roundId: ids.roundId, facilityId: ids.facilityId } });
  if (ids.facilityId && ids.teamId)
    out.push({ name: 'facility and team', query: { facilityId: ids.facilityId, teamId: ids.teamId } });
  for (const sort of ['inmate', 'birth', 'facility', 'team', 'round', 'stage', 'verdict', 'category'])
    for (const dir of ['asc', 'desc'])
      out.push({ name: `sort ${sort} ${dir}`, query: { roundId: ids.roundId, sort, dir } });
  out.push({ name: 'sort name desc', query: { roundId: ids.roundId, sort: 'name', dir: 'desc' } });
  return out;
}

// The statements one list request runs, captured from the service itself, for EXPLAIN.
async function statementsOf(app: INestApplication, user: SessionUser, query: DossierQueryDto) {
  const dataSource = app.get(DataSource);
  const captured: { sql: string; params: unknown[] }[] = [];
  const spy = Object.create(dataSource) as DataSource;
  spy.query = (async (sql: string, params?: unknown[]) => {
    captured.push({ sql, params: params ?? [] });
    return dataSource.query(sql, params);
  }) as DataSource['query'];
  const service = new DossierListService(new DossierListRepository(spy), app.get(ScopeService), loadConfig());
  await service.list(user, query);
  return captured;
}

async function main(): Promise<void> {
  const db = await openSyntheticRound({ prefix: 'lists', dossiers: DOSSIERS, presetCode: 'QD-1244-2025' });
  let app: INestApplication | null = null;
  try {
    const env = appEnvironment(db);
    const roundId = await screenedRound(db, env);
    await db.dataSource.destroy();
    const loaded = { roundId };
    app = await createApp(loadConfig(env), db.url);
    await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const ds = app.get(DataSource);
    const [largest] = await ds.query(
      `SELECT f.code, f.id, count(*)::int AS n FROM dossiers d JOIN org_units f ON f.id = d.facility_id
       JOIN org_units m ON f.path LIKE m.path || '%' AND m.code = 'BCA'
       WHERE d.round_id = $1 GROUP BY f.code, f.id ORDER BY n DESC LIMIT 1`,
      [loaded.roundId],
    );
    await account(ds, 'bench.bocongan', 'MINISTRY_OFFICER', 'BCA');
    await account(ds, 'bench.giamthi', 'WARDEN', largest.code);
    const [team] = await ds.query(
      `SELECT t.id FROM dossiers d JOIN org_units t ON t.id = d.team_id WHERE d.facility_id = $1
       GROUP BY t.id ORDER BY count(*) DESC LIMIT 1`,
      [largest.id],
    );
    const [visible] = await ds.query(
      `SELECT count(*)::int AS n FROM dossiers d JOIN org_units f ON f.id = d.facility_id
       JOIN org_units m ON f.path LIKE m.path || '%' AND m.code = 'BCA' WHERE d.round_id = $1`,
      [loaded.roundId],
    );
    const [{ category }] = await ds.query(
      `SELECT category FROM dossier_verdicts WHERE category <> 'GENERAL' GROUP BY category ORDER BY count(*) DESC LIMIT 1`,
    );
    const [{ first }] = await ds.query(`SELECT split_part(full_name, ' ', 1) AS first FROM dossiers LIMIT 1`);
    // What autovacuum does after a bulk load: statistics and the visibility map (index-only scans).
    await ds.query('VACUUM ANALYZE');
    const users = [
      { username: 'bench.bocongan', label: `ministry officer (${visible.n.toLocaleString('en')} dossiers visible)` },
      { username: 'bench.giamthi', label: `warden of ${largest.code} (${largest.n.toLocaleString('en')} dossiers)` },
    ];

    const baselineSql: number[] = [];
    const baselineHttp: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const sql = await timed(async () => {
        await ds.query(
          'SELECT id, full_name, inmate_number, stage FROM dossiers WHERE round_id = $1 ORDER BY id LIMIT 51',
          [loaded.roundId],
        );
        await ds.query('SELECT count(*) FROM dossiers WHERE round_id = $1', [loaded.roundId]);
      });
      const http = await timed(() => fetch(`${baseUrl}/health/live`).then((r) => r.text()));
      if (i > 0) {
        baselineSql.push(sql);
        baselineHttp.push(http);
      }
    }
    console.log(
      `\nbaseline: plain first page + count of the round ${median(baselineSql).toFixed(0)} ms; HTTP liveness probe ${median(baselineHttp).toFixed(1)} ms`,
    );

    const results: { user: string; name: string; ms: number; path: string; query: Record<string, string> }[] = [];
    for (const u of users) {
      const token = await login(baseUrl, u.username);
      const ids = {
        roundId: loaded.roundId,
        facilityId: u.username === 'bench.bocongan' ? largest.id : null,
        teamId: team?.id ?? null,
        category,
        firstName: first,
      };
      console.log(`\n${u.label}: median of ${RUNS} requests (first request of each case not counted)`);
      for (const c of cases(ids)) {
        const path = `/dossiers?${new URLSearchParams(c.query).toString()}`;
        const times: number[] = [];
        let html = '';
        for (let i = 0; i < RUNS + 1; i++) {
          const ms = await timed(async () => {
            html = await getPage(baseUrl, token, path);
          });
          if (i > 0) times.push(ms);
        }
        // The next page through its keyset cursor, as the page's own link gives it.
        const next = /href="([^"]*)" rel="next"/.exec(html)?.[1]?.replaceAll('&#x3D;', '=').replaceAll('&amp;', '&');
        const m = median(times);
        results.push({ user: u.username, name: c.name, ms: m, path, query: c.query });
        let line = `  ${c.name.padEnd(30)} ${m.toFixed(0).padStart(5)} ms`;
        if (next) {
          const nextTimes: number[] = [];
          for (let i = 0; i < RUNS; i++) nextTimes.push(await timed(() => getPage(baseUrl, token, next)));
          const nm = median(nextTimes);
          results.push({ user: u.username, name: `${c.name}, next page`, ms: nm, path: next, query: c.query });
          line += `   next page ${nm.toFixed(0).padStart(5)} ms`;
        }
        console.log(line);
      }
    }
    const over = results.filter((r) => r.ms > GOAL_MS);
    const slowest = results.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(
      `\n${results.length} list requests measured; slowest ${slowest.ms.toFixed(0)} ms (${slowest.user}: ${slowest.name}); ` +
        `goal ≤ ${GOAL_MS} ms each: ${over.length === 0 ? 'met' : `NOT met by ${over.length}: ${over.map((r) => `${r.user} ${r.name}`).join('; ')}`}`,
    );
    console.log(
      `load average (1 min) at the end: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores; a busy machine slows every figure`,
    );
    const user = (await app.get(AuthRepository).findByUsername(slowest.user))!;
    const { passwordHash: _h, active: _a, ...session } = user;
    const statements = await statementsOf(app, session, { ...slowest.query, pageSize: 50 } as DossierQueryDto);
    for (const s of statements) {
      if (!/FROM dossiers d/.test(s.sql)) continue;
      const plan: { 'QUERY PLAN': string }[] = await ds.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params);
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the slowest request's statement:\n${s.sql.replace(/\s+/g, ' ')}`);
      console.log(plan.map((p) => `  ${p['QUERY PLAN']}`).join('\n'));
    }
  } finally {
    await app?.close();
    if (db.dataSource.isInitialized) await db.dataSource.destroy();
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
