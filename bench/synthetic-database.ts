import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { auditConfigIn } from '../src/audit/standalone-audit.js';
import type { AppConfig } from '../src/config/app-config.js';
import { createDataSource } from '../src/database/data-source.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { prepareDatabase } from '../src/database/migrate.js';
import { createStandaloneAudit } from '../src/audit/standalone-audit.js';
import { loadConfig } from '../src/config/app-config.js';
import type { RoundParameters } from '../src/eligibility/core/index.js';
import { addDays } from '../src/kernel/calendar-date.js';
import { loadDemoDataIfEmpty } from '../seeds/demo/load-demo.js';
import { liveParameters } from '../seeds/demo/live-round.js';
import { loadSynthetic, screenRound } from '../seeds/synthetic/synthetic-loader.js';
import { syntheticRoundCalendar } from '../seeds/synthetic/synthetic-round.js';

export interface SyntheticDatabase {
  dataSource: DataSource;
  // The owner's URL (migrations) and the application's least-privilege one, for a benchmark that boots the application.
  url: string;
  appUrl: string;
  dataDir: string;
  roundCode: string;
  // The audit area beside the database it signs for, so a kept BENCH_DATA_DIR keeps its checkpoints too.
  auditConfig: AppConfig['audit'];
  // Stops PostgreSQL and removes a throw-away data directory (the data source must be destroyed first).
  close(): Promise<void>;
}

// A throw-away embedded PostgreSQL (or the one kept in BENCH_DATA_DIR) with the real migrations and a synthetic round
// of at least `dossiers` dossiers copied from `presetCode`, loaded by the project's synthetic loader when short.
export async function openSyntheticRound(o: {
  prefix: string;
  dossiers: number;
  presetCode: string;
  // Load the demo organisation first (on this day): its national bodies and their staff, above which the synthetic
  // camps are built, so that a synthetic round can be walked as far as the President.
  demoToday?: string;
}): Promise<SyntheticDatabase> {
  const keep = process.env.BENCH_DATA_DIR;
  const dataDir = keep ?? mkdtempSync(join(tmpdir(), `amnesty-bench-${o.prefix}-`));
  const db = await startEmbeddedPostgres({ dataDir, persistent: !!keep });
  const close = async () => {
    await db.stop();
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await prepareDatabase({ ownerUrl: db.url, appUrl: db.appUrl });
    const auditConfig = auditConfigIn(join(dataDir, 'audit'));
    if (o.demoToday) await loadDemoDataIfEmpty(db.url, o.demoToday, auditConfig);
    const dataSource = createDataSource(db.url, { poolSize: 4 });
    await dataSource.initialize();
    const roundCode = syntheticRoundCalendar(o.presetCode).code;
    const [{ count }] = await dataSource.query(
      'SELECT count(*)::int AS count FROM dossiers d JOIN rounds r ON r.id = d.round_id WHERE r.code = $1',
      [roundCode],
    );
    if (count < o.dossiers) {
      const loaded = await loadSynthetic({
        databaseUrl: db.url,
        dossiers: o.dossiers - count,
        presetCode: o.presetCode,
        audit: auditConfig,
      });
      console.log(`loaded ${loaded.dossiers.toLocaleString('en')} dossiers in ${loaded.seconds.toFixed(1)} s`);
    }
    return { dataSource, url: db.url, appUrl: db.appUrl, dataDir, roundCode, auditConfig, close };
  } catch (error) {
    await close();
    throw error;
  }
}

// Screens the dossiers of the synthetic round that have no verdict yet (all of them on a fresh database, none on a
// kept one already screened); returns the round's id.
export async function screenedRound(db: SyntheticDatabase, env: NodeJS.ProcessEnv): Promise<string> {
  const [{ id: roundId }] = await db.dataSource.query('SELECT id FROM rounds WHERE code = $1', [db.roundCode]);
  const [{ unscreened }] = await db.dataSource.query(
    `SELECT count(*)::int AS unscreened FROM dossiers d WHERE d.round_id = $1
     AND NOT EXISTS (SELECT 1 FROM dossier_verdicts v WHERE v.dossier_id = d.id)`,
    [roundId],
  );
  if (unscreened > 0) {
    console.log(`screening the round (${unscreened.toLocaleString('en')} dossiers without a verdict)…`);
    const standalone = createStandaloneAudit(db.dataSource, { ...loadConfig(env), audit: db.auditConfig });
    const screening = await screenRound(db.dataSource, standalone.audit, roundId);
    await standalone.close();
    console.log(`screened in ${screening.seconds.toFixed(0)} s: ${JSON.stringify(screening.outcomes)}`);
  }
  return roundId;
}

// A synthetic round's parameters with every value its preset leaves unknown filled in with an illustrative one, as the
// living demo fills them, so that every dossier can be evaluated to a verdict.
export function completeParameters(stored: RoundParameters, presetCode: string): RoundParameters {
  const calendar = syntheticRoundCalendar(presetCode);
  return liveParameters({
    decisionNumber: stored.decision.number.value as string,
    decisionDate: stored.decision.date.value as string,
    guidance: stored.decision.guidance.value as string,
    cutoffDate: calendar.cutoffDate,
    campCouncil: calendar.councilMeetingDate,
    councilReview: addDays(calendar.cutoffDate, -7),
    grantDecision: addDays(calendar.cutoffDate, -3),
    effective: addDays(calendar.cutoffDate, 1),
  });
}

// Setup, not measured: the round's values the preset leaves unknown filled in as the dry run and the living demo fill
// them, so that every dossier can be screened to a verdict.
export async function completeRound(dataSource: DataSource, roundId: string, presetCode: string): Promise<void> {
  const [round] = await dataSource.query('SELECT parameters FROM rounds WHERE id = $1', [roundId]);
  const parameters = { ...completeParameters(round.parameters, presetCode), code: round.parameters.code };
  await dataSource.query('UPDATE rounds SET parameters = $2 WHERE id = $1', [
    roundId,
    { ...parameters, title: round.parameters.title },
  ]);
}

// The environment of an application a benchmark boots over the synthetic database: its owner URL, the audit area
// beside it (signing key, checkpoints), no demo data and no job workers, quiet logs.
export function appEnvironment(db: SyntheticDatabase, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: db.url,
    AUDIT_DIR: join(db.dataDir, 'audit'),
    DEMO_DATA: 'false',
    RUN_WORKERS: 'false',
    LOG_LEVEL: 'error',
    ...extra,
  };
}
