import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { ChildProcessRegistry } from './common/child-processes.js';
import { loadConfig } from './config/app-config.js';
import { openDatabase } from './database/database-target.js';
import { DatabaseStartError } from './database/start-error.js';
import { JobQueue } from './jobs/job-queue.service.js';
import { createRootLogger, PinoNestLogger } from './observability/logger.js';

// `npm run worker`: an extra process that works the shared job queue (document rendering, screenings) and serves no
// HTTP. Any number may run beside the API; pg-boss hands each job to one of them.
async function main(): Promise<void> {
  const config = { ...loadConfig(), runWorkers: true };
  new ChildProcessRegistry(config.runDir).reapOrphans();
  // Without DATABASE_URL the worker joins the embedded PostgreSQL of DATA_DIR that `npm start` runs (or starts it).
  const db = await openDatabase(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, db.appUrl), {
    logger: new PinoNestLogger(createRootLogger(config.logLevel)),
  });
  await app.init();
  new Logger('Worker').log(`Worker ${process.pid} is working the job queue`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.get(JobQueue).stop();
    await app.close();
    const dataSource = app.get(DataSource);
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error) => {
  console.error(error instanceof DatabaseStartError ? `Cannot start: ${error.message}` : error);
  process.exit(1);
});
