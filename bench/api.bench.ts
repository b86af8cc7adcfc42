import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashPassword } from '../src/auth/password.js';
import { createApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/app-config.js';
import { Rng } from '../seeds/common/prng.js';
import { appEnvironment, completeParameters, openSyntheticRound, screenedRound } from './synthetic-database.js';

// `npm run bench:api`: officials at the same time. A 150,000-dossier synthetic round, screened (kept in BENCH_DATA_DIR
// between runs), behind the real HTTP application on 127.0.0.1; CLIENTS (default "20,100") concurrent sessions, each
// of its own official, run for BENCH_SECONDS (default 20) a mix of what officials do: list pages of the round as a
// ministry officer (45 %), dossier pages (25 %), evaluations of a dossier against the round (20 %) and stage commands
// on their own team's dossiers as a team officer (10 %: put to the team meeting; a refusal by the table, such as a
// closed application window, is counted apart from errors). Baseline, in the same run: the liveness probe under the
// same concurrency, which is the HTTP stack alone. Prints throughput, p50 and p95 per kind and overall, and errors.
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 150_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CLIENTS = (process.env.CLIENTS ?? '20,100').split(',').map(Number);
const PASSWORD = 'bench-api-2026';
const GOAL_P95_MS = 250;

type Kind = 'list page' | 'dossier page' | 'evaluation' | 'stage command' | 'liveness (baseline)';

interface Sample {
  kind: Kind;
  ms: number;
  status: number;
  // The answer's start, kept for refusals and errors so the report can say why.
  why?: string;
}

const percentile = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] : NaN;

async function call(baseUrl: string, token: string | null, method: string, path: string, body?: unknown) {
  const started = process.hrtime.bigint();
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, text, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

async function login(baseUrl: string, username: string): Promise<string> {
  const res = await call(baseUrl, null, 'POST', '/api/auth/login', { username, password: PASSWORD });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.text.slice(0, 200)}`);
  return (JSON.parse(res.text) as { token: string }).token;
}

interface Official {
  ministry: string;
  team: string;
  teamId: string;
  // The team's dossiers waiting at the application stage, with the version last read.
  waiting: { id: string; version: number }[];
}

async function officials(app: INestApplication, baseUrl: string, count: number, roundId: string): Promise<Official[]> {
  const ds = app.get(DataSource);
  const hash = await hashPassword(PASSWORD);
  const teams: { id: string; code: string }[] = await ds.query(
    `SELECT t.id, t.code FROM dossiers d JOIN org_units t ON t.id = d.team_id
      WHERE d.round_id = $1 AND d.stage = 'application' GROUP BY t.id, t.code ORDER BY count(*) DESC LIMIT $2`,
    [roundId, count],
  );
  const out: Official[] = [];
  // A kept database has the accounts of an earlier run; each team officer moves to this run's team.
  for (const [i, team] of teams.entries()) {
    const [ministryUser, teamUser] = [`bench.api.bo.${i}`, `bench.api.doi.${i}`];
    await ds.query(
      `INSERT INTO users (username, password_hash, full_name, role, org_unit_id)
       SELECT $1, $3, $1, 'MINISTRY_OFFICER', id FROM org_units WHERE code = 'BCA'
       UNION ALL SELECT $2, $3, $2, 'TEAM_OFFICER', $4::uuid
       ON CONFLICT (username) DO UPDATE SET org_unit_id = EXCLUDED.org_unit_id`,
      [ministryUser, teamUser, hash, team.id],
    );
    const waiting: { id: string; version: number }[] = await ds.query(
      `SELECT id, version FROM dossiers WHERE team_id = $1 AND round_id = $2 AND stage = 'application' ORDER BY id`,
      [team.id, roundId],
    );
    out.push({
      ministry: await login(baseUrl, ministryUser),
      team: await login(baseUrl, teamUser),
      teamId: team.id,
      waiting,
    });
  }
  return out;
}

async function run(o: {
  baseUrl: string;
  roundId: string;
  clients: Official[];
  ids: string[];
  documents: unknown[];
  // Complete round parameters sent with each evaluation (the synthetic round keeps the preset's unknowns).
  parameters: unknown;
  baseline: boolean;
}): Promise<Sample[]> {
  const samples: Sample[] = [];
  const until = Date.now() + SECONDS * 1000;
  const sorts = ['name', 'inmate', 'birth', 'facility'];
  await Promise.all(
    o.clients.map(async (official, index) => {
      const rng = new Rng(1000 + index);
      while (Date.now() < until) {
        if (o.baseline) {
          const r = await call(o.baseUrl, null, 'GET', '/health/live');
          samples.push({ kind: 'liveness (baseline)', ms: r.ms, status: r.status });
          continue;
        }
        const roll = rng.next();
        if (roll < 0.45) {
          const sort = sorts[Math.floor(rng.next() * sorts.length)];
          const r = await call(o.baseUrl, official.ministry, 'GET', `/api/dossiers?roundId=${o.roundId}&sort=${sort}`);
          samples.push({ kind: 'list page', ms: r.ms, status: r.status });
        } else if (roll < 0.7) {
          const id = o.ids[Math.floor(rng.next() * o.ids.length)];
          const r = await call(o.baseUrl, official.ministry, 'GET', `/api/dossiers/${id}`);
          samples.push({ kind: 'dossier page', ms: r.ms, status: r.status, why: r.text.slice(0, 300) });
        } else if (roll < 0.9) {
          const dossier = o.documents[Math.floor(rng.next() * o.documents.length)];
          const r = await call(o.baseUrl, official.ministry, 'POST', '/api/eligibility/evaluate', {
            round: o.parameters,
            dossier,
          });
          samples.push({ kind: 'evaluation', ms: r.ms, status: r.status, why: r.text.slice(0, 300) });
        } else {
          const next = official.waiting.shift();
          if (!next) continue;
          const r = await call(o.baseUrl, official.team, 'POST', `/api/dossiers/${next.id}/events`, {
            event: 'submit_for_ballot',
            version: next.version,
          });
          samples.push({ kind: 'stage command', ms: r.ms, status: r.status, why: r.text.slice(0, 300) });
        }
      }
    }),
  );
  return samples;
}

function report(label: string, samples: Sample[], baselineRate: number | null): void {
  const ok = samples.filter((s) => s.status < 400);
  const refused = samples.filter((s) => s.status >= 400 && s.status < 500);
  const errors = samples.filter((s) => s.status >= 500);
  const rate = samples.length / SECONDS;
  const all = ok.map((s) => s.ms);
  console.log(
    `${label}: ${samples.length.toLocaleString('en')} requests in ${SECONDS} s = ${rate.toFixed(1)}/s` +
      (baselineRate ? ` (${((rate / baselineRate) * 100).toFixed(1)} % of the liveness baseline's rate)` : '') +
      `; p50 ${percentile(all, 0.5).toFixed(0)} ms, p95 ${percentile(all, 0.95).toFixed(0)} ms; ` +
      `refused (4xx) ${refused.length}, errors (5xx) ${errors.length}`,
  );
  const kinds = [...new Set(samples.map((s) => s.kind))];
  for (const kind of kinds) {
    const of = ok.filter((s) => s.kind === kind).map((s) => s.ms);
    const statuses = [...new Set(samples.filter((s) => s.kind === kind).map((s) => s.status))].sort().join('/');
    console.log(
      `  ${kind.padEnd(20)} ${String(samples.filter((s) => s.kind === kind).length).padStart(7)} requests, ` +
        `p50 ${percentile(of, 0.5).toFixed(0).padStart(5)} ms, p95 ${percentile(of, 0.95).toFixed(0).padStart(5)} ms (statuses ${statuses})`,
    );
  }
  if (refused.length) {
    const first = refused[0];
    console.log(`  first refusal: ${first.kind} ${first.status} ${first.why ?? ''}`);
  }
}

async function main(): Promise<void> {
  const db = await openSyntheticRound({ prefix: 'api', dossiers: DOSSIERS, presetCode: 'QD-1244-2025' });
  let app: INestApplication | null = null;
  try {
    const env = appEnvironment(db, { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '20' });
    const roundId = await screenedRound(db, env);
    await db.dataSource.destroy();
    app = await createApp(loadConfig(env), db.url);
    await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const ds = app.get(DataSource);
    const ids: string[] = (
      await ds.query(
        `SELECT d.id FROM dossiers d JOIN org_units f ON f.id = d.facility_id
           JOIN org_units m ON f.path LIKE m.path || '%' AND m.code = 'BCA'
          WHERE d.round_id = $1 ORDER BY md5(d.id::text) LIMIT 2000`,
        [roundId],
      )
    ).map((r: { id: string }) => r.id);
    const clients = await officials(app, baseUrl, Math.max(...CLIENTS), roundId);
    // The round's values the preset leaves unknown, filled in as the dry run and the living demo fill them.
    const [stored] = await ds.query('SELECT parameters FROM rounds WHERE id = $1', [roundId]);
    const parameters = completeParameters(stored.parameters, 'QD-1244-2025');
    // Evaluations send dossiers as the exchange format carries them, read once through the API.
    const documents: unknown[] = [];
    for (const id of ids.slice(0, 50)) {
      const r = await call(baseUrl, clients[0].ministry, 'GET', `/api/dossiers/${id}/export`);
      if (r.status !== 200) throw new Error(`export ${id}: ${r.status} ${r.text.slice(0, 200)}`);
      documents.push(JSON.parse(r.text));
    }
    console.log(
      `bench:api — ${DOSSIERS.toLocaleString('en')} dossiers, one API process, ${SECONDS} s per case, ` +
        `${cpus().length} cores, load average at start ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
    for (const n of CLIENTS) {
      const group = clients.slice(0, n);
      const baseline = await run({ baseUrl, roundId, clients: group, ids, documents, parameters, baseline: true });
      const baselineRate = baseline.length / SECONDS;
      report(`${n} clients, liveness probe (baseline)`, baseline, null);
      const mixed = await run({ baseUrl, roundId, clients: group, ids, documents, parameters, baseline: false });
      report(`${n} clients, officials' mix`, mixed, baselineRate);
      const p95 = percentile(
        mixed.filter((s) => s.status < 400).map((s) => s.ms),
        0.95,
      );
      if (n === 20)
        console.log(`  goal at 20 clients: p95 ≤ ${GOAL_P95_MS} ms: ${p95 <= GOAL_P95_MS ? 'met' : 'NOT met'}`);
    }
    console.log(
      `load average at the end ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await app?.close();
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
