// Times the pure eligibility engine on synthetic dossiers: several runs over the same seeded facts, the median
// reported, beside the time arithmetic alone measured in the same process as the baseline. The engine figure is the
// verdict with its full working (every rule's result, reason and comparisons); the facts hash, which the engine
// computes only when read, is timed alone and with the engine. The engine is also timed on facts read from dossiers in
// the exchange format (the seeds' synthetic dossiers through dossierToFacts), as a screening gives it.
import { Rng } from '../seeds/common/prng.js';
import { syntheticDossier } from '../seeds/synthetic/synthetic-dossiers.js';
import { syntheticRoundCalendar } from '../seeds/synthetic/synthetic-round.js';
import { dossierToFacts } from '../src/eligibility/dossier-to-facts.js';
import { dayNumber } from '../src/kernel/calendar-date.js';
import {
  evaluateDossier,
  factsHash,
  packFor,
  ROUND_PRESETS,
  type EligibilityFacts,
} from '../src/eligibility/core/index.js';
import { prng } from '../src/eligibility/core/synthetic/prng.js';
import { syntheticFacts } from '../src/eligibility/core/synthetic/synthetic-facts.js';
import { computeTimeFigures } from '../src/eligibility/core/time/time-figures.js';
import { median } from './median.js';

export interface EngineBenchOptions {
  dossiers?: number;
  runs?: number;
  seed?: number;
  roundCode?: string;
}

export interface EngineBenchResult {
  roundCode: string;
  dossiers: number;
  runs: number;
  engineRunsPerSecond: number[];
  medianPerSecond: number;
  wallMedianPerSecond: number;
  baselineMedianPerSecond: number;
  hashOnlyMedianPerSecond: number;
  withHashMedianPerSecond: number;
  exchangeMedianPerSecond: number;
  ratioToBaseline: number;
  statuses: Record<string, number>;
  goalPerSecond: number;
}

const GOAL = 50_000;

// Rates are per second of this process's CPU time: on a shared machine the wall clock also counts the time other
// processes held the core. The wall-clock rate is kept beside it.
interface Rate {
  cpu: number;
  wall: number;
}

function timed(work: () => void, count: number): Rate {
  const cpu0 = process.cpuUsage();
  const wall0 = process.hrtime.bigint();
  work();
  const wall = Number(process.hrtime.bigint() - wall0) / 1e9;
  const used = process.cpuUsage(cpu0);
  return { cpu: count / ((used.user + used.system) / 1e6), wall: count / wall };
}

export function benchEligibilityEngine(options: EngineBenchOptions = {}): EngineBenchResult {
  const { dossiers = 100_000, runs = 5, seed = 20250831, roundCode = 'QD-266-2025' } = options;
  const round = ROUND_PRESETS[roundCode];
  const cutoffIso = round.cutoffDate.value as string;
  const r = prng(seed);
  const facts: EligibilityFacts[] = Array.from({ length: dossiers }, () => syntheticFacts(r, cutoffIso));
  const cutoff = dayNumber(cutoffIso);
  const cap = packFor(round).aggregationCapYears;
  const statuses: Record<string, number> = {};
  const calendar = syntheticRoundCalendar(roundCode);
  const camp = {
    id: 'bench',
    code: 'BENCH',
    name: 'Trại giam',
    province: 'Hà Nội',
    teams: [{ id: 'bench-team', code: 'D1' }],
    weight: 1,
  };
  const dossierRng = new Rng(seed);
  const exchangeFacts: EligibilityFacts[] = Array.from({ length: dossiers }, (_, i) =>
    dossierToFacts(syntheticDossier(dossierRng, calendar, camp, `TH${String(i).padStart(7, '0')}`).document, {
      councilMeetingDate: calendar.councilMeetingDate,
    }),
  );
  // A sink the optimiser cannot drop, so every loop really does its work.
  let sink = 0;

  // One untimed pass over all the data first, so the runs measure optimised code rather than the JIT's first tiers
  // (a first timed run after a short warm-up came out 10-20 % below the others).
  for (let i = 0; i < dossiers; i++)
    sink += evaluateDossier(facts[i], round).results.length + evaluateDossier(exchangeFacts[i], round).results.length;

  const engine: Rate[] = [];
  const baseline: Rate[] = [];
  const hashOnly: Rate[] = [];
  const withHash: Rate[] = [];
  const exchange: Rate[] = [];
  for (let run = 0; run < runs; run++) {
    baseline.push(
      timed(() => {
        for (const f of facts) sink += computeTimeFigures(f, cutoff, cap).servedDays;
      }, dossiers),
    );
    hashOnly.push(
      timed(() => {
        for (const f of facts) sink += factsHash(f).length;
      }, dossiers),
    );
    engine.push(
      timed(() => {
        for (const f of facts) {
          const ev = evaluateDossier(f, round);
          sink += ev.results.length;
          if (run === 0) statuses[ev.status] = (statuses[ev.status] ?? 0) + 1;
        }
      }, dossiers),
    );
    withHash.push(
      timed(() => {
        for (const f of facts) sink += evaluateDossier(f, round).factsHash.length;
      }, dossiers),
    );
    exchange.push(
      timed(() => {
        for (const f of exchangeFacts) sink += evaluateDossier(f, round).results.length;
      }, dossiers),
    );
  }
  if (sink === 0) throw new Error('benchmark did no work');
  const med = median(engine.map((x) => x.cpu));
  const base = median(baseline.map((x) => x.cpu));
  return {
    roundCode,
    dossiers,
    runs,
    engineRunsPerSecond: engine.map((x) => Math.round(x.cpu)),
    medianPerSecond: Math.round(med),
    wallMedianPerSecond: Math.round(median(engine.map((x) => x.wall))),
    baselineMedianPerSecond: Math.round(base),
    hashOnlyMedianPerSecond: Math.round(median(hashOnly.map((x) => x.cpu))),
    withHashMedianPerSecond: Math.round(median(withHash.map((x) => x.cpu))),
    exchangeMedianPerSecond: Math.round(median(exchange.map((x) => x.cpu))),
    ratioToBaseline: Math.round((med / base) * 1000) / 1000,
    statuses,
    goalPerSecond: GOAL,
  };
}

export function formatEngineBench(r: EngineBenchResult): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return [
    `Eligibility engine, round ${r.roundCode}: ${n(r.dossiers)} synthetic dossiers, ${r.runs} runs`,
    `  engine runs (dossiers per CPU-second, one core): ${r.engineRunsPerSecond.map(n).join(', ')}`,
    `  engine median (verdict and full working): ${n(r.medianPerSecond)} dossiers/s (goal ${n(r.goalPerSecond)}/s: ${r.medianPerSecond >= r.goalPerSecond ? 'met' : 'NOT met'}); wall-clock median ${n(r.wallMedianPerSecond)}/s`,
    `  baseline, time arithmetic alone: ${n(r.baselineMedianPerSecond)} dossiers/s; engine/baseline = ${r.ratioToBaseline}`,
    `  facts hash alone (canonical JSON + SHA-256): ${n(r.hashOnlyMedianPerSecond)} dossiers/s`,
    `  engine with the facts hash read, as a stored result needs it: ${n(r.withHashMedianPerSecond)} dossiers/s`,
    `  engine on facts read from exchange-format dossiers (dossierToFacts): ${n(r.exchangeMedianPerSecond)} dossiers/s`,
    `  outcomes of the first run: ${Object.entries(r.statuses)
      .map(([k, v]) => `${k} ${n(v)}`)
      .join(', ')}`,
  ].join('\n');
}
