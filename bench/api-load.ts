import { availableParallelism } from 'node:os';
import { Rng } from '../seeds/common/prng.js';

// The load of bench:api: concurrent officials, each running a mix of what officials do, and the report of a case.

export type Kind = 'list page' | 'dossier page' | 'evaluation' | 'stage command' | 'liveness (baseline)';

export interface Sample {
  kind: Kind;
  ms: number;
  status: number;
  // The answer's start, kept for refusals and errors so the report can say why.
  why?: string;
}

export interface Official {
  ministry: string;
  team: string;
  teamId: string;
  // The team's dossiers waiting at the application stage, with the version last read.
  waiting: { id: string; version: number }[];
}

export interface Workload {
  roundId: string;
  ids: string[];
  documents: unknown[];
  // Complete round parameters sent with each evaluation (the synthetic round keeps the preset's unknowns).
  parameters: unknown;
}

export const percentile = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] : NaN;

export async function call(baseUrl: string, token: string | null, method: string, path: string, body?: unknown) {
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

const SORTS = ['name', 'inmate', 'birth', 'facility'];

// One request of the officials' mix: list pages of the round as a ministry officer (45 %), dossier pages (25 %),
// evaluations of a dossier against the round (20 %) and stage commands on their own team's dossiers as a team officer
// (10 %: put to the team meeting; a refusal by the table, such as a closed application window, is counted apart).
export async function oneRequest(baseUrl: string, w: Workload, official: Official, roll: number, pick: number) {
  if (roll < 0.45) {
    const sort = SORTS[Math.floor(pick * SORTS.length)];
    const r = await call(baseUrl, official.ministry, 'GET', `/api/dossiers?roundId=${w.roundId}&sort=${sort}`);
    return { kind: 'list page' as const, ...r };
  }
  if (roll < 0.7) {
    const r = await call(baseUrl, official.ministry, 'GET', `/api/dossiers/${w.ids[Math.floor(pick * w.ids.length)]}`);
    return { kind: 'dossier page' as const, ...r };
  }
  if (roll < 0.9) {
    const dossier = w.documents[Math.floor(pick * w.documents.length)];
    const r = await call(baseUrl, official.ministry, 'POST', '/api/eligibility/evaluate', {
      round: w.parameters,
      dossier,
    });
    return { kind: 'evaluation' as const, ...r };
  }
  const next = official.waiting.shift();
  if (!next) return null;
  const r = await call(baseUrl, official.team, 'POST', `/api/dossiers/${next.id}/events`, {
    event: 'submit_for_ballot',
    version: next.version,
  });
  return { kind: 'stage command' as const, ...r };
}

// Every official runs requests one after another for `seconds`; the baseline runs the liveness probe instead.
export async function run(o: {
  baseUrl: string;
  workload: Workload;
  clients: Official[];
  seconds: number;
  baseline: boolean;
}): Promise<Sample[]> {
  const samples: Sample[] = [];
  const until = Date.now() + o.seconds * 1000;
  await Promise.all(
    o.clients.map(async (official, index) => {
      const rng = new Rng(1000 + index);
      while (Date.now() < until) {
        if (o.baseline) {
          const r = await call(o.baseUrl, null, 'GET', '/health/live');
          samples.push({ kind: 'liveness (baseline)', ms: r.ms, status: r.status });
          continue;
        }
        const r = await oneRequest(o.baseUrl, o.workload, official, rng.next(), rng.next());
        if (r) samples.push({ kind: r.kind, ms: r.ms, status: r.status, why: r.text.slice(0, 300) });
      }
    }),
  );
  return samples;
}

export interface CaseFigures {
  rate: number;
  p95: number;
  errors: number;
}

// Throughput, p50 and p95 per kind and overall, refusals and errors; with `cpu`, the CPU seconds the case cost the API
// processes and PostgreSQL, per request (the machine is shared: wall times move with the neighbours, CPU much less).
export function report(o: {
  label: string;
  samples: Sample[];
  seconds: number;
  baselineRate: number | null;
  cpu?: { api: number; postgres: number; client: number };
}): CaseFigures {
  const { samples } = o;
  const ok = samples.filter((s) => s.status < 400);
  const refused = samples.filter((s) => s.status >= 400 && s.status < 500);
  const errors = samples.filter((s) => s.status >= 500);
  const rate = samples.length / o.seconds;
  const all = ok.map((s) => s.ms);
  const p95 = percentile(all, 0.95);
  console.log(
    `${o.label}: ${samples.length.toLocaleString('en')} requests in ${o.seconds} s = ${rate.toFixed(1)}/s` +
      (o.baselineRate ? ` (${((rate / o.baselineRate) * 100).toFixed(1)} % of the liveness baseline's rate)` : '') +
      `; p50 ${percentile(all, 0.5).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms; ` +
      `refused (4xx) ${refused.length}, errors (5xx) ${errors.length}`,
  );
  if (o.cpu && samples.length) {
    const per = (s: number) => ((s * 1000) / samples.length).toFixed(1);
    console.log(
      `  CPU: API processes ${o.cpu.api.toFixed(1)} s (${per(o.cpu.api)} ms per request), ` +
        `PostgreSQL ${o.cpu.postgres.toFixed(1)} s (${per(o.cpu.postgres)} ms per request), ` +
        `the clients (this process) ${o.cpu.client.toFixed(1)} s`,
    );
    // What the cores could serve if this mix had them to itself: on a shared machine the wall-clock rate says more
    // about the neighbours than about the service.
    const ceiling = (availableParallelism() * samples.length) / (o.cpu.api + o.cpu.postgres);
    console.log(`  CPU-bound ceiling on ${availableParallelism()} idle cores: ${ceiling.toFixed(0)} requests/s`);
  }
  for (const kind of [...new Set(samples.map((s) => s.kind))]) {
    const of = ok.filter((s) => s.kind === kind).map((s) => s.ms);
    const statuses = [...new Set(samples.filter((s) => s.kind === kind).map((s) => s.status))].sort().join('/');
    console.log(
      `  ${kind.padEnd(20)} ${String(samples.filter((s) => s.kind === kind).length).padStart(7)} requests, ` +
        `p50 ${percentile(of, 0.5).toFixed(0).padStart(5)} ms, p95 ${percentile(of, 0.95).toFixed(0).padStart(5)} ms (statuses ${statuses})`,
    );
  }
  const firstBad = errors[0] ?? refused[0];
  if (firstBad) console.log(`  first refusal or error: ${firstBad.kind} ${firstBad.status} ${firstBad.why ?? ''}`);
  return { rate, p95, errors: errors.length };
}
