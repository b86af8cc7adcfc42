import { loadConfig } from './config/app-config.js';
import { startEmbeddedPostgres } from './database/embedded-postgres.js';
import { runMigrations } from './database/migrate.js';
import { createApp } from './bootstrap.js';
import { loadDemoDataIfEmpty } from '../seeds/demo/load-demo.js';
import { DEMO_PASSWORD } from '../seeds/demo/accounts.js';
import { ScreeningService } from './eligibility/screening.service.js';
import { DataSource } from 'typeorm';
import { createRootLogger } from './observability/logger.js';

// boot: config → database (embedded unless DATABASE_URL) → migrations → demo data if empty → HTTP
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createRootLogger(config.logLevel);
  let databaseUrl = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      persistent: true,
      port: config.databasePort,
    });
    databaseUrl = embedded.url;
    stopEmbedded = embedded.stop;
    log.info({ dataDir: config.dataDir }, 'Embedded PostgreSQL running');
  }
  const applied = await runMigrations(databaseUrl);
  if (applied.length) log.info({ migrations: applied }, 'Applied migrations');
  const demo = config.loadDemoData ? await loadDemoDataIfEmpty(databaseUrl) : null;
  const app = await createApp(config, databaseUrl);
  if (demo?.loaded) {
    // Freshly loaded demo dossiers get the engine's verdict before the first user looks at them.
    const screenings = app.get(ScreeningService);
    const rounds: { id: string }[] = await app.get(DataSource).query('SELECT id FROM rounds');
    for (const round of rounds) {
      const screening = await screenings.create({ id: null, name: 'seed' }, round.id);
      const done = await screenings.run(screening.id);
      log.info(
        { screening: done.id, status: done.status, dossiers: done.done, errorCode: done.errorCode },
        'Demo screening',
      );
    }
  }
  await app.listen(config.port);
  const shutdown = async () => {
    await app.close();
    if (stopEmbedded) await stopEmbedded();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  log.info(
    { url: `http://localhost:${config.port}`, docs: '/api/docs', openapi: '/api/docs-json' },
    'amnesty-pipeline is ready',
  );
  if (demo) {
    log.info({ summary: demo.loaded ? demo.summary : 'already present' }, 'Demo data');
    log.info(
      { password: DEMO_PASSWORD, accounts: demo.accounts.map((a) => `${a.username} (${a.role})`) },
      'Demo accounts (one password for all)',
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
