import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { AppConfig } from '../config/app-config.js';
import { DATABASE_URL } from '../config/config.tokens.js';
import { currentRequestId, runWithRequestId } from '../common/request-context.js';
import { jobDuration } from '../observability/metrics.js';
import { HEARTBEAT_MS, JobLeases } from './job-leases.js';

export interface JobContext {
  // 1 for the first attempt.
  attempt: number;
  attempts: number;
  finalAttempt: boolean;
  // Aborted when the process shuts down: the handler stops at its next checkpoint by throwing JobInterrupted.
  signal: AbortSignal;
}

export type JobHandler<T> = (data: T, context: JobContext) => Promise<void>;

// Thrown by a handler that stopped at a checkpoint because the process is shutting down; the job is queued again at
// once, without counting as a failed attempt, and continues from that checkpoint.
export class JobInterrupted extends Error {
  constructor() {
    super('Interrupted by shutdown');
  }
}

interface Registration {
  queue: string;
  handler: JobHandler<any>;
  timeoutSeconds: number;
  concurrency: number;
  // Told when the queue gives a job up for good after its worker died on the last attempt.
  onGiveUp?: (data: any, reason: string) => Promise<void>;
}

// Five attempts, 1–2 s before the second, doubling each time (pg-boss's backoff with jitter): about a minute at most.
export const JOB_RETRY_OPTIONS = { retryLimit: 4, retryDelay: 1, retryBackoff: true } as const;
const MONITOR_MS = 5_000;
// How long an idle worker waits before looking at its queue again (pg-boss's smallest interval).
export const POLLING_SECONDS = 0.5;

// The PostgreSQL-backed queue (pg-boss) shared by the API process and any number of `npm run worker` processes.
// Jobs live in the database, so they survive restarts. A running job holds a lease its worker renews every few
// seconds; every live worker looks for leases of dead workers and hands their jobs back to the queue, which retries
// them with backoff (pg-boss 10 has no heartbeat of its own; its expiry stays as the backstop).
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly registrations = new Map<string, Registration>();
  private readonly running = new Set<string>();
  private readonly shutdown = new AbortController();
  private readonly timers: NodeJS.Timeout[] = [];
  private boss: PgBoss | undefined;
  private leases: JobLeases | undefined;
  private starting: Promise<PgBoss> | undefined;
  private stopping: Promise<void> | undefined;

  constructor(
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register<T>(
    queue: string,
    handler: JobHandler<T>,
    options: { timeoutSeconds: number; concurrency?: number; onGiveUp?: (data: T, reason: string) => Promise<void> },
  ): void {
    this.registrations.set(queue, {
      queue,
      handler,
      timeoutSeconds: options.timeoutSeconds,
      concurrency: options.concurrency ?? 1,
      onGiveUp: options.onGiveUp,
    });
  }

  // Enqueue inside the caller's transaction when a manager is given, so the job exists exactly when the change commits.
  async send<T extends object>(queue: string, data: T, manager?: EntityManager): Promise<string> {
    const boss = await this.ready();
    const db = manager
      ? { executeSql: async (text: string, values: unknown[]) => ({ rows: await manager.query(text, values) }) }
      : undefined;
    // The request that queued the job travels with it, so the job's log lines and audit rows carry its id.
    const requestId = currentRequestId();
    const payload = requestId ? { ...data, requestId } : data;
    const id = await boss.send(queue, payload, { ...this.sendOptions(queue), ...(db ? { db } : {}) });
    if (!id) throw new Error(`Queue ${queue} refused the job`);
    return id;
  }

  async onApplicationBootstrap(): Promise<void> {
    const boss = await this.ready();
    if (!this.config.runWorkers) return;
    this.leases = new JobLeases(this.databaseUrl);
    for (const r of this.registrations.values()) {
      for (let i = 0; i < r.concurrency; i += 1) {
        // pg-boss waits out its polling interval after every fetch, even one that found a job. A worker that has just
        // run a job looks again at once instead, so a queue of many short jobs (a round's minutes and notices) drains
        // at the speed of the jobs; an empty fetch still waits the interval.
        const worker = { id: '' };
        worker.id = await boss.work<object>(
          r.queue,
          { batchSize: 1, pollingIntervalSeconds: POLLING_SECONDS, includeMetadata: true },
          async (jobs) => {
            for (const job of jobs) await this.run(r, job);
            if (jobs.length > 0 && worker.id) boss.notifyWorker(worker.id);
          },
        );
      }
    }
    const every = (ms: number, task: () => Promise<void>) => {
      const timer = setInterval(() => void task().catch((e) => this.logger.warn((e as Error).message)), ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(HEARTBEAT_MS, () => this.leases!.renew([...this.running]));
    every(MONITOR_MS, () => this.recoverAbandoned());
    // A restart after a crash finds its predecessor's jobs at once.
    void this.recoverAbandoned().catch((e) => this.logger.warn((e as Error).message));
  }

  // Ordered shutdown, first step: running jobs stop at their next checkpoint and go back to the queue, then the
  // queue stops. Safe to call twice.
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.shutdown.abort();
      for (const timer of this.timers) clearInterval(timer);
      if (this.boss) await this.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      await this.leases?.close();
      this.boss = undefined;
    })();
    return this.stopping;
  }

  // Readiness: throws unless this process's queue client is started and not stopping.
  async assertStarted(): Promise<void> {
    if (!this.boss || this.stopping) throw new Error('job queue not started');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  private async run(r: Registration, job: PgBoss.JobWithMetadata<object>): Promise<void> {
    if (this.shutdown.signal.aborted) {
      await this.boss!.send(r.queue, job.data, this.sendOptions(r.queue));
      return;
    }
    await this.leases!.take(job.id, r.queue);
    this.running.add(job.id);
    const requestId = (job.data as { requestId?: unknown }).requestId;
    const end = jobDuration.startTimer({ queue: r.queue });
    try {
      await runWithRequestId(typeof requestId === 'string' ? requestId : job.id, () =>
        r.handler(job.data, {
          attempt: job.retryCount + 1,
          attempts: job.retryLimit + 1,
          finalAttempt: job.retryCount >= job.retryLimit,
          signal: this.shutdown.signal,
        }),
      );
      end({ outcome: 'done' });
    } catch (error) {
      const interrupted = error instanceof JobInterrupted;
      end({ outcome: interrupted ? 'interrupted' : 'failed' });
      if (!interrupted) throw error;
      await this.boss!.send(r.queue, job.data, this.sendOptions(r.queue));
    } finally {
      this.running.delete(job.id);
      await this.leases!.release(job.id).catch(() => undefined);
    }
  }

  private async recoverAbandoned(): Promise<void> {
    if (!this.boss || !this.leases || this.shutdown.signal.aborted) return;
    for (const lease of await this.leases.claimAbandoned()) {
      await this.handBack(lease.queue, lease.jobId, `worker ${lease.worker} stopped while running the job`);
    }
    // A worker that died between taking a job and leasing it left the job active with no lease.
    for (const job of await this.leases.claimUnleased([...this.registrations.keys()])) {
      await this.handBack(job.queue, job.jobId, 'a worker stopped before it could lease the job');
      await this.leases.release(job.jobId);
    }
  }

  private async handBack(queue: string, jobId: string, reason: string): Promise<void> {
    this.logger.warn(`Job ${jobId} (${queue}): ${reason}; handing it back to the queue`);
    await this.boss!.fail(queue, jobId, { message: reason });
    const job = await this.boss!.getJobById<object>(queue, jobId);
    if (job?.state === 'failed') await this.registrations.get(queue)?.onGiveUp?.(job.data, reason);
  }

  private sendOptions(queue: string): PgBoss.SendOptions {
    return {
      expireInSeconds: this.registrations.get(queue)?.timeoutSeconds ?? 600,
      ...JOB_RETRY_OPTIONS,
    };
  }

  private ready(): Promise<PgBoss> {
    this.starting ??= (async () => {
      const boss = new PgBoss({
        connectionString: this.databaseUrl,
        schema: 'pgboss',
        max: 4,
        application_name: 'amnesty-jobs',
      });
      boss.on('error', (error) => this.logger.error(error.message));
      await boss.start();
      for (const queue of this.registrations.keys()) await ensureQueue(boss, queue);
      this.boss = boss;
      return boss;
    })();
    return this.starting;
  }
}

// Processes starting together (API forks, workers) create the same queues at once, and PostgreSQL may abort one of two
// such creations as a deadlock or a duplicate: the other one made the queue, so the aborted one looks again.
async function ensureQueue(boss: PgBoss, queue: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (!(await boss.getQueue(queue))) await boss.createQueue(queue);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || (code !== '40P01' && code !== '23505')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
