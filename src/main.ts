import cluster from 'node:cluster';
import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import { loadConfig, type AppConfig } from './config/app-config.js';
import { ChildProcessRegistry } from './common/child-processes.js';
import { openDatabase } from './database/database-target.js';
import { DatabaseStartError } from './database/start-error.js';
import { createApp } from './bootstrap.js';
import { seedDemo, type DemoSeedResult } from '../seeds/demo/seed-demo.js';
import { DEMO_PASSWORD } from '../seeds/demo/accounts.js';
import { Clock } from './common/clock.js';
import { createRootLogger } from './observability/logger.js';
import { ApiCluster, FORK_DATABASE_URL } from './server/api-cluster.js';
import { onStopSignal, stopServing } from './server/serve-http.js';

// boot: reap what a crash left → config → database (embedded unless DATABASE_URL; adopted or joined when it already
// runs) → migrations and grants → demo data if empty → HTTP: served here, or by API_PROCESSES forks (node's cluster)
// that only serve. The stop runs the other way: HTTP and jobs (serve-http.ts), then PostgreSQL, by whoever started it.
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createRootLogger(config.logLevel);
  if (cluster.isWorker) return serveFork(config, log);
  const reaped = new ChildProcessRegistry(config.runDir).reapOrphans();
  if (reaped.length) log.info({ browsers: reaped.length }, 'Stopped browser processes left by a previous run');
  const db = await openDatabase(config, { log: (line) => log.info(line) });
  if (!config.databaseUrl) log.info({ dataDir: config.dataDir, joined: db.joined }, 'Embedded PostgreSQL running');
  if (db.applied.length) log.info({ migrations: db.applied }, 'Applied migrations');
  if (config.apiProcesses > 1) {
    // The demo is loaded once, before any fork serves; its application is closed again (it works no jobs).
    let demo: DemoSeedResult | null = null;
    if (config.loadDemoData) {
      const seeder = await createApp({ ...config, runWorkers: false }, db.appUrl, { shutdownHooks: false });
      demo = await seedOnce(seeder, db.appUrl, config);
      await stopServing(seeder, { shutdownGraceMs: 0 }, 'SIGINT');
    }
    const api = new ApiCluster({
      processes: config.apiProcesses,
      databaseUrl: db.appUrl,
      runWorkers: config.runWorkers,
      log,
    });
    onStopSignal(log, async (signal) => {
      await api.stop(signal);
      await db.stop();
    });
    try {
      const pids = await api.start();
      log.info({ pids, queueWorker: config.runWorkers ? pids[0] : null }, 'API processes listening');
    } catch (error) {
      await api.stop('SIGINT');
      await db.stop();
      throw error;
    }
    return announce(log, config, demo);
  }
  const app = await createApp(config, db.appUrl, { shutdownHooks: false });
  const demo = config.loadDemoData ? await seedOnce(app, db.appUrl, config) : null;
  await (config.host ? app.listen(config.port, config.host) : app.listen(config.port));
  onStopSignal(log, async (signal) => {
    await stopServing(app, config, signal);
    await db.stop();
  });
  announce(log, config, demo);
}

// A fork of the cluster: serves HTTP on the shared port over the database its primary opened; stops when the primary
// passes on a signal (a second one, such as Ctrl-C reaching the whole terminal's group, is ignored).
async function serveFork(config: AppConfig, log: Logger): Promise<void> {
  new ChildProcessRegistry(config.runDir).reapOrphans();
  const app = await createApp(config, process.env[FORK_DATABASE_URL]!, { shutdownHooks: false });
  await (config.host ? app.listen(config.port, config.host) : app.listen(config.port));
  onStopSignal(log, (signal) => stopServing(app, config, signal), { repeated: 'ignore' });
}

// An empty database gets the demo, dated from today: loaded, screened by the engine and its live round walked forward
// through the application's own services before the first user looks at it.
function seedOnce(app: INestApplication, appUrl: string, config: AppConfig): Promise<DemoSeedResult> {
  return seedDemo(app, appUrl, app.get(Clock).today(), config.audit);
}

function announce(log: Logger, config: AppConfig, demo: DemoSeedResult | null): void {
  log.info(
    { url: `http://localhost:${config.port}`, docs: '/api/docs', openapi: '/api/docs-json' },
    'amnesty-pipeline is ready',
  );
  // A parent that started this process with an IPC channel (a benchmark) learns it, without reading the logs.
  process.send?.('ready');
  if (!demo) return;
  log.info({ summary: demo.loaded ? demo.summary : 'already present' }, 'Demo data');
  if (demo.loaded) log.info({ rounds: demo.screened }, 'Demo screening');
  if (demo.progress) log.info({ byStage: demo.progress.byStage }, 'Demo live round, dossiers by stage');
  log.info(
    { password: DEMO_PASSWORD, accounts: demo.accounts.map((a) => `${a.username} (${a.role})`) },
    'Demo accounts (one password for all)',
  );
}

main().catch((error) => {
  // A start failure is one line saying what is wrong and what to do; anything else keeps its stack.
  console.error(error instanceof DatabaseStartError ? `Cannot start: ${error.message}` : error);
  process.exit(1);
});
