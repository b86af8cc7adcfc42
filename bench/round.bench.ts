// `npm run bench:round`: the national dry run. A synthetic round of ROUND_DOSSIERS dossiers (default 150,000) across
// the synthetic camp network of both ministries, walked from the load to the President's decision and the audit
// check through the services, on a throw-away embedded PostgreSQL with its default (durable) settings. Each phase
// prints its wall time, CPU (Node.js and PostgreSQL), peak memory and what it processed; then the baselines of the
// phase goals, measured in the same run.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap.js';
import { Clock } from '../src/common/clock.js';
import { loadConfig } from '../src/config/app-config.js';
import { EligibilityRepository } from '../src/eligibility/eligibility.repository.js';
import { readAllDocuments } from './eligibility-screening.js';
import { PhaseMeter, type PhaseFigures } from './phase-meter.js';
import { dryRun, type PhaseOutcome } from './round-dry-run.js';
import { certificatesGoal, roundBaselines } from './round-baselines.js';
import { openSyntheticRound } from './synthetic-database.js';

const PRESET = 'QD-1244-2025';
const GOAL_SECONDS = 300;

async function main(): Promise<void> {
  const dossiers = Number(process.env.ROUND_DOSSIERS ?? 150_000);
  const lanes = Number(process.env.ROUND_LANES ?? 2);
  const storageDir = mkdtempSync(join(tmpdir(), 'amnesty-bench-round-storage-'));
  const started = performance.now();
  const today = new Clock().today();
  const db = await openSyntheticRound({ prefix: 'round', dossiers: 0, presetCode: PRESET, demoToday: today });
  const config = loadConfig({
    ...process.env,
    DEMO_DATA: 'false',
    STORAGE_DIR: storageDir,
    AUDIT_DIR: join(db.dataDir, 'audit'),
  });
  const app = await createApp(config, db.appUrl, { logger: false, shutdownHooks: false });
  await app.init();
  const meter = new PhaseMeter(db.dataDir);
  const figures: PhaseFigures[] = [];
  let read: { dossiers: number; seconds: number } | null = null;
  console.log(
    `national dry run: ${dossiers.toLocaleString('en')} dossiers, ${lanes} camp lane(s), ${availableParallelism()} cores, ` +
      `load average at start ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  console.log(PhaseMeter.header());
  try {
    const result = await dryRun(
      { app, databaseUrl: db.url, auditConfig: db.auditConfig, dossiers, presetCode: PRESET, lanes },
      async (name, work) => {
        if (typeof work === 'string') {
          console.log(PhaseMeter.skipped(name, work));
          return;
        }
        const f = await meter.measure<PhaseOutcome>(name, work);
        figures.push(f);
        console.log(PhaseMeter.line(f));
        // The screening's baseline reads the same documents, before the walk moves the dossiers on.
        if (name === 'screening') {
          const [{ id }] = await db.dataSource.query('SELECT id FROM rounds WHERE code = $1', [db.roundCode]);
          const t0 = performance.now();
          const n = await readAllDocuments(db.dataSource, new EligibilityRepository(), id);
          read = { dossiers: n, seconds: (performance.now() - t0) / 1000 };
        }
      },
    );
    console.log(PhaseMeter.total(figures, (performance.now() - started) / 1000));
    console.log(
      `dossiers by stage at the end: ${Object.entries(result.byStage)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ')}`,
    );
    const walked = figures.reduce((s, f) => s + f.seconds, 0);
    console.log(
      `whole round (phases above): ${walked.toFixed(1)} s against the goal of ≤ ${GOAL_SECONDS} s: ${walked <= GOAL_SECONDS ? 'met' : 'NOT met'}` +
        `; load average at the end ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
    console.log(await certificatesGoal(app, result.roundId, figures));
    if (process.env.ROUND_BASELINES !== '0')
      for (const line of await roundBaselines({
        dataSource: app.get(DataSource),
        url: db.url,
        dataDir: db.dataDir,
        roundId: result.roundId,
        dossiers,
        figures,
        forwards: result.forwards,
        read,
      }))
        console.log(line);
  } finally {
    await app.close();
    const dataSource = app.get(DataSource);
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.dataSource.destroy();
    await db.close();
    rmSync(storageDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
