import { DataSource } from 'typeorm';
import { loadConfig } from './config/app-config.js';
import { ChildProcessRegistry } from './common/child-processes.js';
import { openDatabase } from './database/database-target.js';
import { DatabaseStartError } from './database/start-error.js';
import { createApp } from './bootstrap.js';
import { loadDemoDataIfEmpty } from '../seeds/demo/load-demo.js';
import { DEMO_PASSWORD } from '../seeds/demo/accounts.js';
import { ScreeningService } from './eligibility/screening.service.js';
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
  const demo = config.loadDemoData ? await loadDemoDataIfEmpty(db.appUrl, config.audit) : null;
  const app = await createApp(config, db.appUrl, {
    logger: process.env.LOG_LEVEL === 'debug' ? undefined : ['error', 'warn'],
    shutdownHooks: false,
  });
  if (demo?.loaded) {
    // Freshly loaded demo dossiers get the engine's verdict before the first user looks at them.
    const screenings = app.get(ScreeningService);
    const rounds: { id: string }[] = await app.get(DataSource).query('SELECT id FROM rounds');
    for (const round of rounds) {
      const screening = await screenings.create({ id: null, name: 'seed' }, null, round.id);
      const done = await screenings.run(screening.id);
      console.log(done.status === 'DONE' ? `Screened ${done.done} demo dossiers.` : `Screening skipped: ${done.error}`);
    }
  }
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
    console.log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const account of demo.accounts) console.log(`  ${account.username.padEnd(22)} ${account.role}`);
  }
}

main().catch((error) => {
  // A start failure is one line saying what is wrong and what to do; anything else keeps its stack.
  console.error(error instanceof DatabaseStartError ? `Cannot start: ${error.message}` : error);
  process.exit(1);
});
