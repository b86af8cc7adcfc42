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

// boot: reap what a crash left → config → database (embedded unless DATABASE_URL; adopted or joined when it already
// runs) → migrations and grants → demo data if empty → HTTP
async function main(): Promise<void> {
  const config = loadConfig();
  const reaped = new ChildProcessRegistry(config.runDir).reapOrphans();
  if (reaped.length) console.log(`Stopped ${reaped.length} browser process(es) left by a previous run.`);
  const db = await openDatabase(config, { log: (line) => console.log(line) });
  if (!config.databaseUrl)
    console.log(
      `Embedded PostgreSQL ${db.joined ? 'joined (run by another process)' : 'running'}, data in ${config.dataDir}`,
    );
  if (db.applied.length) console.log(`Applied migrations: ${db.applied.join(', ')}`);
  const app = await createApp(config, db.appUrl, {
    logger: process.env.LOG_LEVEL === 'debug' ? undefined : ['error', 'warn'],
    shutdownHooks: false,
  });
  // An empty database gets the demo, dated from today: loaded, screened by the engine and its live round walked
  // forward through the application's own services before the first user looks at it.
  const demo = config.loadDemoData ? await seedDemo(app, db.appUrl, app.get(Clock).today()) : null;
  await app.listen(config.port);
  // Ordered shutdown: no new HTTP requests; running jobs stop at their next checkpoint (a finished chunk, a committed
  // batch) and go back to the queue; the queue stops; the application closes (browsers included); the connection
  // pool closes; PostgreSQL stops last, so nothing is cut off mid-query.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping…`);
    const server = app.getHttpServer();
    server.close();
    server.closeIdleConnections?.();
    await app.get(JobQueue).stop();
    await app.close();
    const dataSource = app.get(DataSource);
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  console.log(
    `\namnesty-pipeline is ready: http://localhost:${config.port}  (API docs: http://localhost:${config.port}/api/docs)`,
  );
  if (demo) {
    console.log(demo.loaded ? `Demo data loaded: ${demo.summary}` : 'Demo data already present.');
    if (demo.loaded) console.log(`Screened: ${demo.screened.join('; ')}`);
    if (demo.progress)
      console.log(
        `Live round by stage: ${Object.entries(demo.progress.byStage)
          .map(([stage, n]) => `${stage} ${n}`)
          .join(', ')}`,
      );
    console.log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const account of demo.accounts) console.log(`  ${account.username.padEnd(22)} ${account.role}`);
  }
}

main().catch((error) => {
  // A start failure is one line saying what is wrong and what to do; anything else keeps its stack.
  console.error(error instanceof DatabaseStartError ? `Cannot start: ${error.message}` : error);
  process.exit(1);
});
