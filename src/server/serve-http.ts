import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { Readiness } from '../observability/readiness.js';

export type StopSignal = 'SIGINT' | 'SIGTERM';

// The ordered stop of a process serving HTTP (the only one, or a fork of the cluster): /health/ready answers 503 and,
// on SIGTERM, requests are still served for SHUTDOWN_GRACE_MS so a load balancer can take the instance out (Ctrl-C
// skips the wait); then no new HTTP requests; running jobs stop at their next checkpoint (a finished chunk, a
// committed batch) and go back to the queue; the queue stops; the application closes (browsers included); the
// connection pool closes. Whoever started PostgreSQL stops it after this, so nothing is cut off mid-query.
export async function stopServing(
  app: INestApplication,
  config: Pick<AppConfig, 'shutdownGraceMs'>,
  signal: StopSignal,
): Promise<void> {
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
}

// Runs `stop` once, on the first SIGINT or SIGTERM, then exits. A second signal ends the process at once (Ctrl-C
// twice), unless `repeated` is 'ignore'.
export function onStopSignal(
  log: Logger,
  stop: (signal: StopSignal) => Promise<void>,
  options: { repeated?: 'ignore' } = {},
): void {
  let stopping = false;
  const handle = async (signal: StopSignal) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Stopping');
    await stop(signal);
    log.info('Stopped');
    log.flush();
    process.exit(0);
  };
  const listen = options.repeated === 'ignore' ? process.on.bind(process) : process.once.bind(process);
  listen('SIGINT', () => void handle('SIGINT'));
  listen('SIGTERM', () => void handle('SIGTERM'));
}
