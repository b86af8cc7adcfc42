import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { loadConfig } from './config/app-config.js';
import { runMigrations } from './database/migrate.js';
import { createRootLogger, PinoNestLogger } from './observability/logger.js';

// `npm run worker`: an extra process that works the shared job queue (document rendering, screenings) and serves no
// HTTP. Any number may run beside the API; pg-boss hands each job to one of them.
async function main(): Promise<void> {
  const config = { ...loadConfig(), runWorkers: true };
  // Without DATABASE_URL the worker joins the embedded PostgreSQL that `npm start` runs on EMBEDDED_PG_PORT.
  const databaseUrl = config.databaseUrl ?? `postgres://amnesty:amnesty@127.0.0.1:${config.databasePort}/amnesty`;
  await runMigrations(databaseUrl);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, databaseUrl), {
    logger: new PinoNestLogger(createRootLogger(config.logLevel)),
  });
  app.enableShutdownHooks();
  await app.init();
  new Logger('Worker').log(`Worker ${process.pid} is working the job queue`);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
