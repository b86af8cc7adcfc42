import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import PgBoss from 'pg-boss';
import { JOB_RETRY_OPTIONS } from '../../src/jobs/job-queue.service.js';
import { DOCUMENT_RENDER_QUEUE } from '../../src/jobs/queue-names.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { createFreshDatabase, type FreshDatabase } from '../seeds/support/fresh-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { storedListJob } from './support/stored-list.js';

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

// A job whose worker died mid-run (its lease names a process that is gone) is handed back to the queue by the next
// live worker: retried while attempts remain, failed for good with a reason in Vietnamese on the last one. So is a job
// whose worker died after taking it from the queue but before leasing it. The suite has a database of its own: in the
// shared one, another suite's queued render could be the job this one takes from the queue.
describe('document jobs of a dead worker', () => {
  let db: FreshDatabase;
  let boss: PgBoss;
  let paused: TestApp;
  let org: TestOrg;
  const storageDir = mkdtempSync(join(tmpdir(), 'amnesty-documents-'));

  beforeAll(async () => {
    db = await createFreshDatabase(process.env.TEST_DATABASE_URL!, 'job_recovery');
    boss = new PgBoss({ connectionString: db.url, schema: 'pgboss', max: 2 });
    await boss.start();
    paused = await startTestApp({ STORAGE_DIR: storageDir, RUN_WORKERS: 'false' }, db.appUrl);
    org = await createTestOrg(paused.dataSource);
  }, 60_000);

  afterAll(async () => {
    await boss.stop({ graceful: false });
    await paused.close();
    await db.drop();
  });

  // A job taken by a worker that then died: active in the queue, leased to a dead pid of this machine.
  async function abandonedJob(retryLimit: number, leased = true): Promise<string> {
    const ds = paused.dataSource;
    const { jobId } = await storedListJob(ds, org, { state: 'rendering' });
    const queueId = await boss.send(DOCUMENT_RENDER_QUEUE, { jobId }, { ...JOB_RETRY_OPTIONS, retryLimit });
    const [taken] = await boss.fetch(DOCUMENT_RENDER_QUEUE, { batchSize: 1 });
    expect(taken.id).toBe(queueId);
    if (!leased) {
      // Taken longer ago than a lease may go unrenewed, by a worker that died before it leased it.
      await ds.query(`UPDATE pgboss.job SET started_on = now() - interval '30 seconds' WHERE id = $1`, [queueId]);
      return jobId;
    }
    await ds.query(`INSERT INTO job_leases (job_id, queue, worker) VALUES ($1, $2, $3)`, [
      queueId,
      DOCUMENT_RENDER_QUEUE,
      `${hostname()}:${await deadPid()}`,
    ]);
    return jobId;
  }

  it('retries it within seconds while attempts remain, and fails it with a reason on the last attempt', async () => {
    const retried = await abandonedJob(1);
    const unleased = await abandonedJob(1, false);
    const lastAttempt = await abandonedJob(0);
    const worker = await startTestApp({ STORAGE_DIR: storageDir }, db.appUrl);
    const started = Date.now();
    try {
      const state = async (id: string) =>
        (await paused.dataSource.query('SELECT state, error FROM document_jobs WHERE id = $1', [id]))[0];
      for (;;) {
        const [a, b, c] = [await state(retried), await state(lastAttempt), await state(unleased)];
        if (a.state === 'completed' && b.state === 'failed' && c.state === 'completed') {
          expect(b.error).toBe(
            'Không dựng được văn bản: máy xử lý dừng đột ngột ở cả lần thử cuối. Vui lòng yêu cầu lại văn bản.',
          );
          break;
        }
        if (Date.now() - started > 30_000) throw new Error(`still ${a.state} / ${b.state} / ${c.state} after 30 s`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const leases = await paused.dataSource.query('SELECT count(*)::int AS n FROM job_leases');
      expect(leases[0].n).toBe(0);
    } finally {
      await worker.close();
    }
  });
});
