import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { AppConfig } from '../config/app-config.js';
import { DATABASE_URL } from '../config/config.tokens.js';
import { currentRequestId, runWithRequestId } from '../common/request-context.js';
import { jobDuration } from '../observability/metrics.js';

export type JobHandler<T> = (data: T) => Promise<void>;

interface Registration {
  queue: string;
  handler: JobHandler<any>;
  timeoutSeconds: number;
  concurrency: number;
}

// The PostgreSQL-backed queue (pg-boss) shared by the API process and any number of `npm run worker` processes.
// Jobs live in the database, so they survive restarts; each has a hard timeout after which it is retried or failed.
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly registrations = new Map<string, Registration>();
  private boss: PgBoss | undefined;
  private starting: Promise<PgBoss> | undefined;

  constructor(
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register<T>(queue: string, handler: JobHandler<T>, options: { timeoutSeconds: number; concurrency?: number }): void {
    this.registrations.set(queue, {
      queue,
      handler,
      timeoutSeconds: options.timeoutSeconds,
      concurrency: options.concurrency ?? 1,
    });
  }

  // Enqueue inside the caller's transaction when a manager is given, so the job exists exactly when the change commits.
  async send<T extends object>(queue: string, data: T, manager?: EntityManager): Promise<string> {
    const boss = await this.ready();
    const registration = this.registrations.get(queue);
    const db = manager
      ? { executeSql: async (text: string, values: unknown[]) => ({ rows: await manager.query(text, values) }) }
      : undefined;
    // The request that queued the job travels with it, so the job's log lines and audit rows carry its id.
    const requestId = currentRequestId();
    const id = await boss.send(queue, requestId ? { ...data, requestId } : data, {
      expireInSeconds: registration?.timeoutSeconds ?? 600,
      retryLimit: 1,
      ...(db ? { db } : {}),
    });
    if (!id) throw new Error(`Queue ${queue} refused the job`);
    return id;
  }

  async onApplicationBootstrap(): Promise<void> {
    const boss = await this.ready();
    if (!this.config.runWorkers) return;
    for (const r of this.registrations.values()) {
      for (let i = 0; i < r.concurrency; i += 1) {
        await boss.work<object>(r.queue, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async (jobs) => {
          for (const job of jobs) await this.runJob(r, job.id, job.data);
        });
      }
    }
  }

  // Readiness: throws unless this process's queue client is started.
  async assertStarted(): Promise<void> {
    if (!this.boss) throw new Error('job queue not started');
  }

  private async runJob(r: Registration, jobId: string, data: object): Promise<void> {
    const requestId = (data as { requestId?: unknown }).requestId;
    const end = jobDuration.startTimer({ queue: r.queue });
    try {
      await runWithRequestId(typeof requestId === 'string' ? requestId : jobId, () => r.handler(data));
      end({ outcome: 'done' });
    } catch (error) {
      end({ outcome: 'failed' });
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.boss) await this.boss.stop({ graceful: true, timeout: 5000 });
    this.boss = undefined;
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
      for (const queue of this.registrations.keys()) {
        if (!(await boss.getQueue(queue))) await boss.createQueue(queue);
      }
      this.boss = boss;
      return boss;
    })();
    return this.starting;
  }
}
