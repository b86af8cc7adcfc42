import { hostname } from 'node:os';
import pg from 'pg';
import { isAlive } from '../common/child-processes.js';

export interface Lease {
  jobId: string;
  queue: string;
  worker: string;
}

// A lease unrenewed this long belongs to a dead (or frozen) worker on another machine; on this machine a dead pid is
// seen at once.
export const LEASE_STALE_SECONDS = 20;
export const HEARTBEAT_MS = 5_000;

export const WORKER_ID = `${hostname()}:${process.pid}`;

function deadOnThisHost(worker: string): boolean {
  const at = worker.lastIndexOf(':');
  if (worker.slice(0, at) !== hostname()) return false;
  const pid = Number(worker.slice(at + 1));
  return pid !== process.pid && !isAlive(pid);
}

// Plain SQL on `job_leases`, over a small pool of its own so a heartbeat never waits behind the job's own queries.
export class JobLeases {
  private readonly pool: pg.Pool;

  constructor(databaseUrl: string) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 2, application_name: 'amnesty-leases' });
    this.pool.on('error', () => undefined);
  }

  async take(jobId: string, queue: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO job_leases (job_id, queue, worker) VALUES ($1, $2, $3)
       ON CONFLICT (job_id) DO UPDATE SET worker = EXCLUDED.worker, started_at = now(), beat_at = now()`,
      [jobId, queue, WORKER_ID],
    );
  }

  async renew(jobIds: string[]): Promise<void> {
    if (jobIds.length)
      await this.pool.query(`UPDATE job_leases SET beat_at = now() WHERE job_id = ANY($1) AND worker = $2`, [
        jobIds,
        WORKER_ID,
      ]);
  }

  async release(jobId: string): Promise<void> {
    await this.pool.query(`DELETE FROM job_leases WHERE job_id = $1 AND worker = $2`, [jobId, WORKER_ID]);
  }

  // Leases of dead workers, each removed here so that only one live worker takes over a given job.
  async claimAbandoned(): Promise<Lease[]> {
    const { rows } = await this.pool.query<Lease & { stale: boolean }>(
      `SELECT job_id AS "jobId", queue, worker, beat_at < now() - make_interval(secs => $2) AS stale
         FROM job_leases WHERE worker <> $1`,
      [WORKER_ID, LEASE_STALE_SECONDS],
    );
    const abandoned: Lease[] = [];
    for (const lease of rows) {
      if (!lease.stale && !deadOnThisHost(lease.worker)) continue;
      const { rowCount } = await this.pool.query(`DELETE FROM job_leases WHERE job_id = $1 AND worker = $2`, [
        lease.jobId,
        lease.worker,
      ]);
      if (rowCount) abandoned.push({ jobId: lease.jobId, queue: lease.queue, worker: lease.worker });
    }
    return abandoned;
  }

  // Jobs of `queues` that a worker took from the queue but died before it could lease them: active for longer than a
  // lease may go unrenewed, with no lease. Each is claimed here with a lease of this worker, which the caller releases
  // once it has handed the job back, so that only one live worker hands it back.
  async claimUnleased(queues: string[]): Promise<Lease[]> {
    const { rows } = await this.pool.query<{ jobId: string; queue: string }>(
      `SELECT j.id AS "jobId", j.name AS queue FROM pgboss.job j
        WHERE j.name = ANY($1) AND j.state = 'active' AND j.started_on < now() - make_interval(secs => $2)
          AND NOT EXISTS (SELECT 1 FROM job_leases l WHERE l.job_id = j.id)`,
      [queues, LEASE_STALE_SECONDS],
    );
    const claimed: Lease[] = [];
    for (const job of rows) {
      const { rowCount } = await this.pool.query(
        `INSERT INTO job_leases (job_id, queue, worker) VALUES ($1, $2, $3) ON CONFLICT (job_id) DO NOTHING`,
        [job.jobId, job.queue, WORKER_ID],
      );
      if (rowCount) claimed.push({ ...job, worker: 'unknown' });
    }
    return claimed;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
