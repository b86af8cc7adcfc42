import { DataSource } from 'typeorm';
import { loadConfig } from './config/app-config.js';
import { ChildProcessRegistry } from './common/child-processes.js';
import { openDatabase } from './database/database-target.js';
import { DatabaseStartError } from './database/start-error.js';
import { createApp } from './bootstrap.js';
import { seedDemo } from '../seeds/demo/seed-demo.js';
import { DEMO_PASSWORD } from '../seeds/demo/accounts.js';
import { Clock } from './common/clock.js';
import { JobQueue } from './jobs/job-queue.service.js';
import { createRootLogger } from './observability/logger.js';
import { Readiness } from './observability/readiness.js';

// boot: reap what a crash left → config → database (embedded unless DATABASE_URL; adopted or joined when it already
// runs) → migrations and grants → demo data if empty → HTTP
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createRootLogger(config.logLevel);
  const reaped = new ChildProcessRegistry(config.runDir).reapOrphans();
  if (reaped.length) log.info({ browsers: reaped.length }, 'Stopped browser processes left by a previous run');
  const db = await openDatabase(config, { log: (line) => log.info(line) });
  if (!config.databaseUrl) log.info({ dataDir: config.dataDir, joined: db.joined }, 'Embedded PostgreSQL running');
  if (db.applied.length) log.info({ migrations: db.applied }, 'Applied migrations');
  const app = await createApp(config, db.appUrl, { shutdownHooks: false });
  // An empty database gets the demo, dated from today: loaded, screened by the engine and its live round walked
  // forward through the application's own services before the first user looks at it.
  const demo = config.loadDemoData ? await seedDemo(app, db.appUrl, app.get(Clock).today(), config.audit) : null;
  await app.listen(config.port);
  // Ordered shutdown: /health/ready answers 503 and, on SIGTERM, requests are still served for SHUTDOWN_GRACE_MS so
  // a load balancer can take the instance out (Ctrl-C skips the wait); then no new HTTP requests; running jobs stop
  // at their next checkpoint (a finished chunk, a committed batch) and go back to the queue; the queue stops; the
  // application closes (browsers included); the connection pool closes; PostgreSQL stops last, so nothing is cut
  // off mid-query.
  let stopping = false;
  const shutdown = async (signal: 'SIGINT' | 'SIGTERM') => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Stopping');
    app.get(Readiness).beginShutdown();
    if (signal === 'SIGTERM' && config.shutdownGraceMs > 0)
      await new Promise((resolve) => setTimeout(resolve, config.shutdownGraceMs));
    const server = app.getHttpServer();
    server.close();
    server.closeIdleConnections?.();
    await app.get(JobQueue).stop();
    await app.close();
    const dataSource = app.get(DataSource);
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.stop();
    log.info('Stopped');
    log.flush();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  log.info(
    { url: `http://localhost:${config.port}`, docs: '/api/docs', openapi: '/api/docs-json' },
    'amnesty-pipeline is ready',
  );
  if (demo) {
    log.info({ summary: demo.loaded ? demo.summary : 'already present' }, 'Demo data');
    if (demo.loaded) log.info({ rounds: demo.screened }, 'Demo screening');
    if (demo.progress) log.info({ byStage: demo.progress.byStage }, 'Demo live round, dossiers by stage');
    log.info(
      { password: DEMO_PASSWORD, accounts: demo.accounts.map((a) => `${a.username} (${a.role})`) },
      'Demo accounts (one password for all)',
    );
  }
}

main().catch((error) => {
  // A start failure is one line saying what is wrong and what to do; anything else keeps its stack.
  console.error(error instanceof DatabaseStartError ? `Cannot start: ${error.message}` : error);
  process.exit(1);
});
