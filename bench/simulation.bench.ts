// `npm run bench:simulation`: a simulation of a draft over a synthetic round of 150,000 dossiers (BENCH_ROUND_DOSSIERS),
// timed against reading the same dossiers' stored facts alone in the same run. Each run times, in order: the read-only
// baseline; a cold simulation of draft A (nothing cached: every dossier's facts read and evaluated against base and
// draft); then draft B, which changes one more value than A, re-run as a user would (the base's outcomes reused).
// BENCH_DATA_DIR keeps the loaded database between invocations (loading 150,000 dossiers takes minutes); a kept
// database written before the facts were stored has them filled by a first simulation, timed apart.
import pg from 'pg';
import { createStandaloneAudit } from '../src/audit/standalone-audit.js';
import { ScopeService } from '../src/auth/scope.service.js';
import { ScopeRepository } from '../src/auth/scope.repository.js';
import type { SessionUser } from '../src/auth/session-user.js';
import { Role } from '../src/auth/user.entity.js';
import { loadConfig } from '../src/config/app-config.js';
import { EligibilityRepository } from '../src/eligibility/eligibility.repository.js';
import { ROUND_PRESETS, type RoundParameters } from '../src/eligibility/core/index.js';
import { roundParameterErrors } from '../src/eligibility/eligibility.service.js';
import { OrgUnitKind } from '../src/org/org-unit.entity.js';
import { RoundRepository } from '../src/rounds/round.repository.js';
import { RoundService } from '../src/rounds/round.service.js';
import { FACTS_FORMAT } from '../src/eligibility/stored-facts.js';
import { factsOrDocuments, staleFactsCount } from '../src/dossiers/dossier-facts.repository.js';
import { SimulationCache } from '../src/simulation/simulation-cache.js';
import { STATUSES, STATUS_LABELS, type SimulationFigures } from '../src/simulation/simulation-figures.js';
import { SimulationRepository } from '../src/simulation/simulation.repository.js';
import { SimulationService } from '../src/simulation/simulation.service.js';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { openSyntheticRound } from './synthetic-database.js';
import { pgCpuSeconds } from './process-tree.js';
import { median } from './median.js';

const PRESET = 'QD-1244-2025';
const GOAL_SECONDS = 10;

const n = (x: number) => x.toLocaleString('en');

function comparison(a: SimulationFigures, b: SimulationFigures, names: [string, string]): string {
  const rows = [`  ${'verdict'.padEnd(22)}${'base'.padStart(10)}${names[0].padStart(12)}${names[1].padStart(12)}`];
  for (const s of STATUSES)
    rows.push(
      `  ${STATUS_LABELS[s].padEnd(22)}${n(a.base[s]).padStart(10)}${n(a.draft[s]).padStart(12)}${n(b.draft[s]).padStart(12)}`,
    );
  rows.push(
    `  ${'verdicts changed'.padEnd(22)}${''.padStart(10)}${n(a.changed.total).padStart(12)}${n(b.changed.total).padStart(12)}`,
  );
  const top = (f: SimulationFigures) =>
    f.changed.rules
      .slice(0, 3)
      .map((r) => `${r.ruleId} ${n(r.dossiers)}`)
      .join(', ');
  rows.push(`  rules that made the difference: ${names[0]}: ${top(a)}; ${names[1]}: ${top(b)}`);
  const unverified = (f: SimulationFigures) => STATUSES.map((s) => n(f.unverified.draft.dossiers[s])).join('/');
  rows.push(
    `  draft verdicts resting on K/? values (eligible/ineligible/review): ${names[0]} ${unverified(a)}; ${names[1]} ${unverified(b)}`,
  );
  return rows.join('\n');
}

async function main(): Promise<void> {
  const dossiers = Number(process.env.BENCH_ROUND_DOSSIERS ?? 150_000);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const { dataSource, url, dataDir, roundCode, auditConfig, close } = await openSyntheticRound({
    prefix: 'simulation',
    dossiers,
    presetCode: PRESET,
  });
  try {
    const threads = loadConfig().screeningThreads;
    const standalone = createStandaloneAudit(dataSource, { ...loadConfig(), audit: auditConfig });
    const audit = standalone.audit;
    const cache = new SimulationCache();
    const repository = new SimulationRepository();
    const roundService = new RoundService(dataSource, new RoundRepository(dataSource), audit);
    const service = new SimulationService(
      dataSource,
      repository,
      new EligibilityRepository(),
      roundService,
      new ScopeService(new ScopeRepository()),
      audit,
      cache,
      { screeningThreads: threads, simulationFactsKept: loadConfig().simulationFactsKept },
    );
    // The standing body simulates over every facility.
    const [unit] = await dataSource.query(`SELECT id, name, path FROM org_units ORDER BY path LIMIT 1`);
    const [user] = await dataSource.query(
      `INSERT INTO users (username, password_hash, full_name, role, org_unit_id) VALUES ($1, 'x', 'Thường trực (đo hiệu năng)', $2, $3)
       ON CONFLICT DO NOTHING RETURNING id`,
      [`bench-standing-${Date.now()}`, Role.COUNCIL_STANDING_OFFICER, unit.id],
    );
    const standing: SessionUser = {
      id: user.id,
      username: 'bench',
      fullName: 'Thường trực (đo hiệu năng)',
      role: Role.COUNCIL_STANDING_OFFICER,
      agency: null,
      orgUnitId: unit.id,
      orgUnitName: unit.name,
      orgUnitKind: OrgUnitKind.NATIONAL_BODY,
      orgUnitPath: unit.path,
    };
    const [round] = await dataSource.query('SELECT id, version, parameters FROM rounds WHERE code = $1', [roundCode]);
    // A round kept from an older run may lack a parameter added since (the preset's value is taken, as a new round would).
    if (roundParameterErrors(round.parameters).length) {
      round.parameters = { ...ROUND_PRESETS[PRESET], ...round.parameters, code: roundCode };
      await roundService.update(standing, roundCode, { expectedVersion: round.version, parameters: round.parameters });
    }
    const base = round.parameters as RoundParameters;
    const cap = base.exclusions.items.findIndex((e) => e.kind === 'REMAINING_TERM_CAP');
    const draftA = [{ path: 'time.general.fraction.value', value: { numerator: 1, denominator: 2 } }];
    const draftB = [
      ...draftA,
      {
        path: `exclusions.items[${cap}].general`,
        value: { value: { years: 5, months: 0, days: 0 }, source: 'Dự thảo của Thường trực', confidence: 'K' },
      },
    ];
    const facilityIds = (await dataSource.query(`SELECT id FROM org_units WHERE kind = 'FACILITY'`)).map(
      (r: { id: string }) => r.id,
    );

    // Dossiers loaded before the facts were stored (a kept BENCH_DATA_DIR) are mapped by the first simulation, which
    // writes their facts back: done once here, not counted as a cold run.
    const stale = await staleFactsCount(
      { query: async (sql, params) => ({ rows: await dataSource.query(sql, params) }) },
      round.id,
      FACTS_FORMAT,
    );
    if (stale) {
      const started = performance.now();
      const fill = await service.create(standing, { name: 'facts', roundCode, changes: draftA });
      await service.run(fill.id);
      console.log(
        `first simulation, mapping ${n(stale)} dossiers without stored facts from their documents and writing them back: ` +
          `${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }

    const readOnly: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    // CPU seconds per phase of this process (every thread) and of the database server: on a machine shared with other
    // work, less noisy than time; and with the time, how much of the machine's cores the phase kept busy.
    const cpu = { read: [] as number[], cold: [] as number[], warm: [] as number[] };
    const server = { read: [] as number[], cold: [] as number[], warm: [] as number[] };
    const cpuSince = (from: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(from);
      return (used.user + used.system) / 1e6;
    };
    // The baseline reads as a simulation thread does (facts-reader.ts), on a connection of its own, in series.
    const reader = new pg.Client({ connectionString: url });
    await reader.connect();
    const load: string[] = [];
    let last: { a: SimulationFigures; b: SimulationFigures } | null = null;
    let work = '';
    let rss = 0;
    for (let run = 0; run < runs; run += 1) {
      load.push(loadavg()[0].toFixed(1));
      let started = performance.now();
      let cpuFrom = process.cpuUsage();
      let pgFrom = pgCpuSeconds(dataDir);
      let after = '00000000-0000-0000-0000-000000000000';
      let read = 0;
      for (;;) {
        const keys = await repository.dossierKeys(dataSource.manager, {
          roundId: round.id,
          facilityIds,
          after,
          limit: 2000,
        });
        if (!keys.length) break;
        read += (await factsOrDocuments(reader, keys, FACTS_FORMAT)).length;
        after = keys[keys.length - 1].id;
      }
      readOnly.push((performance.now() - started) / 1000);
      cpu.read.push(cpuSince(cpuFrom));
      server.read.push(pgCpuSeconds(dataDir) - pgFrom);

      cache.clear();
      started = performance.now();
      cpuFrom = process.cpuUsage();
      pgFrom = pgCpuSeconds(dataDir);
      const a = await service.create(standing, { name: `A ${run}`, roundCode, changes: draftA });
      const doneA = await service.run(a.id);
      cold.push((performance.now() - started) / 1000);
      cpu.cold.push(cpuSince(cpuFrom));
      server.cold.push(pgCpuSeconds(dataDir) - pgFrom);
      started = performance.now();
      cpuFrom = process.cpuUsage();
      pgFrom = pgCpuSeconds(dataDir);
      const b = await service.create(standing, { name: `B ${run}`, roundCode, changes: draftB });
      const doneB = await service.run(b.id);
      warm.push((performance.now() - started) / 1000);
      cpu.warm.push(cpuSince(cpuFrom));
      server.warm.push(pgCpuSeconds(dataDir) - pgFrom);
      load.push(loadavg()[0].toFixed(1));
      if (doneA.status !== 'DONE' || doneB.status !== 'DONE' || doneA.total !== read)
        throw new Error(`simulation ended ${doneA.status}/${doneB.status} with ${doneA.total}/${read} dossiers`);
      const figures = async (id: string) => (await service.get(standing, id)).figures as SimulationFigures;
      last = { a: await figures(a.id), b: await figures(b.id) };
      work = `A ${JSON.stringify(last.a.work)}; B ${JSON.stringify(last.b.work)}`;
      // The process's resident memory with the threads' caches full (outcomes of three parameter sets, facts).
      rss = Math.max(rss, process.memoryUsage().rss);
    }
    await reader.end();
    await cache.close();
    await standalone.close();
    await dataSource.destroy();
    const readMedian = median(readOnly);
    const coldMedian = median(cold);
    const warmMedian = median(warm);
    const list = (xs: number[]) => xs.map((s) => s.toFixed(1)).join(', ');
    console.log(
      `== simulation of a draft over ${n(dossiers)} dossiers, ${threads} evaluation thread(s), ${runs} runs ==`,
    );
    console.log(
      `baseline, reading the same dossiers' stored facts only: median ${readMedian.toFixed(1)} s (${list(readOnly)})`,
    );
    console.log(
      `cold simulation (base and draft evaluated for every dossier, figures and changed verdicts saved): median ${coldMedian.toFixed(1)} s ` +
        `(${list(cold)}); simulation / read = ${(coldMedian / readMedian).toFixed(2)}×; goal ≤ ${GOAL_SECONDS} s: ${coldMedian <= GOAL_SECONDS ? 'met' : 'NOT met'}`,
    );
    console.log(
      `re-run after changing one value (base reused, draft evaluated): median ${warmMedian.toFixed(1)} s (${list(warm)}); ` +
        `re-run / read = ${(warmMedian / readMedian).toFixed(2)}×`,
    );
    const cores = cpus().length;
    const phase = (name: string, k: keyof typeof cpu, wall: number[]) =>
      `${name} ${median(cpu[k]).toFixed(1)} + ${median(server[k]).toFixed(1)} ` +
      `(${Math.round((100 * (median(cpu[k]) + median(server[k]))) / (cores * median(wall)))}% of ${cores} cores)`;
    console.log(
      `CPU seconds, this process (all threads) + the database server, medians: ${phase('read', 'read', readOnly)}, ` +
        `${phase('cold', 'cold', cold)}, ${phase('re-run', 'warm', warm)}; 1-minute load average at each run's start and end: ${load.join(', ')}`,
    );
    console.log(`work of the last run: ${work}; resident memory after a run: ${n(Math.round(rss / 2 ** 20))} MB`);
    // BENCH_FIGURES_OUT: the last run's figures of both drafts (without the work counts), to compare two builds.
    if (last && process.env.BENCH_FIGURES_OUT) {
      const { work: _a, ...a } = last.a;
      const { work: _b, ...b } = last.b;
      writeFileSync(process.env.BENCH_FIGURES_OUT, JSON.stringify({ a, b }, null, 1));
    }
    if (last) {
      console.log(
        `comparison of two drafts on ${roundCode}: A = ${JSON.stringify(draftA.map((c) => `${c.path} = ${JSON.stringify(c.value)}`))}, B = A + remaining-term cap 5 years`,
      );
      console.log(comparison(last.a, last.b, ['draft A', 'draft B']));
    }
  } finally {
    await close();
  }
}

await main();
