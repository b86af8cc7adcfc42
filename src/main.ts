import { loadConfig } from './config/app-config.js';
import { startEmbeddedPostgres } from './database/embedded-postgres.js';
import { runMigrations } from './database/migrate.js';
import { createApp } from './bootstrap.js';
import { loadDemoDataIfEmpty } from '../seeds/demo/load-demo.js';

// boot: config → database (embedded unless DATABASE_URL) → migrations → demo data if empty → HTTP
async function main(): Promise<void> {
  const config = loadConfig();
  let databaseUrl = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, persistent: true, port: config.databasePort });
    databaseUrl = embedded.url;
    stopEmbedded = embedded.stop;
    console.log(`Embedded PostgreSQL running, data in ${config.dataDir}`);
  }
  const applied = await runMigrations(databaseUrl);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  const demo = config.loadDemoData ? await loadDemoDataIfEmpty(databaseUrl) : null;
  const app = await createApp(config, databaseUrl);
  await app.listen(config.port);
  const shutdown = async () => {
    await app.close();
    if (stopEmbedded) await stopEmbedded();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  console.log(`\namnesty-pipeline is ready: http://localhost:${config.port}  (API docs: http://localhost:${config.port}/api/docs)`);
  if (demo) {
    console.log(demo.loaded ? `Demo data loaded: ${demo.summary}` : 'Demo data already present.');
    console.log('Demo accounts (password for all: see README):');
    for (const account of demo.accounts) console.log(`  ${account.username.padEnd(22)} ${account.role}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
