import { loadConfig } from './config/app-config.js';
import { startEmbeddedPostgres } from './database/embedded-postgres.js';
import { runMigrations } from './database/migrate.js';
import { createApp } from './bootstrap.js';
import { loadDemoDataIfEmpty } from '../seeds/demo/load-demo.js';
import { DEMO_PASSWORD } from '../seeds/demo/accounts.js';
import { ScreeningService } from './eligibility/screening.service.js';
import { DataSource } from 'typeorm';

// boot: config → database (embedded unless DATABASE_URL) → migrations → demo data if empty → HTTP
async function main(): Promise<void> {
  const config = loadConfig();
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
    console.log(`Embedded PostgreSQL running, data in ${config.dataDir}`);
  }
  const applied = await runMigrations(databaseUrl);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  const demo = config.loadDemoData ? await loadDemoDataIfEmpty(databaseUrl) : null;
  const app = await createApp(config, databaseUrl, {
    logger: process.env.LOG_LEVEL === 'debug' ? undefined : ['error', 'warn'],
  });
  if (demo?.loaded) {
    // Freshly loaded demo dossiers get the engine's verdict before the first user looks at them.
    const screenings = app.get(ScreeningService);
    const rounds: { id: string }[] = await app.get(DataSource).query('SELECT id FROM rounds');
    for (const round of rounds) {
      const screening = await screenings.create({ id: null, name: 'seed' }, round.id);
      const done = await screenings.run(screening.id);
      console.log(done.status === 'DONE' ? `Screened ${done.done} demo dossiers.` : `Screening skipped: ${done.error}`);
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
  console.error(error);
  process.exit(1);
});
