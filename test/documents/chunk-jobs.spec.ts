import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentRendererService } from '../../src/documents/document-renderer.service.js';
import type { DocumentSnapshot } from '../../src/documents/view-models/view-model-map.js';
import { JobQueue } from '../../src/jobs/job-queue.service.js';
import { DOCUMENT_RENDER_QUEUE } from '../../src/jobs/queue-names.js';
import { startWorkerProcess, type WorkerProcess } from '../../bench/worker-processes.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { storedListJob } from './support/stored-list.js';

// Small chunks so that a list of 120 names is a long document of 12+ chunks.
const SETTINGS = { DOCUMENT_CHUNK_ROWS: '10', DOCUMENT_FANOUT_CHUNKS: '2', PUBLIC_BASE_URL: 'http://amnesty.test' };

// Long documents printed by chunk jobs that several `npm run worker` processes (real processes on the test database
// and one storage directory) take from the queue; the last one to finish a part queues the merge.
describe('chunk jobs: several workers print one document', () => {
  let paused: TestApp;
  let org: TestOrg;
  const storageDir = mkdtempSync(join(tmpdir(), 'amnesty-chunk-jobs-'));
  const runDir = mkdtempSync(join(tmpdir(), 'amnesty-chunk-jobs-run-'));
  const workers: WorkerProcess[] = [];

  function worker(env: Record<string, string>): WorkerProcess {
    const started = startWorkerProcess({
      DATABASE_URL: process.env.TEST_APP_DATABASE_URL!,
      MIGRATION_DATABASE_URL: process.env.TEST_DATABASE_URL!,
      STORAGE_DIR: storageDir,
      RUN_DIR: runDir,
      ...SETTINGS,
      ...env,
    });
    workers.push(started);
    return started;
  }

  beforeAll(async () => {
    paused = await startTestApp({ STORAGE_DIR: storageDir, RUN_WORKERS: 'false', ...SETTINGS });
    org = await createTestOrg(paused.dataSource);
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await paused.close();
  });

  // A stored list and its queued document job, sent the way the documents service sends it.
  async function queueList(rows: number[]): Promise<{ jobId: string; documentId: string; snapshot: DocumentSnapshot }> {
    const stored = await storedListJob(paused.dataSource, org, { rows });
    await paused.app.get(JobQueue).send(DOCUMENT_RENDER_QUEUE, { jobId: stored.jobId });
    return stored;
  }

  async function completed(jobId: string): Promise<void> {
    const started = Date.now();
    for (;;) {
      const [job] = await paused.dataSource.query('SELECT state, error FROM document_jobs WHERE id = $1', [jobId]);
      if (job.state === 'completed') return;
      if (job.state === 'failed') throw new Error(`document job failed: ${job.error}`);
      if (Date.now() - started > 90_000)
        throw new Error(`still ${job.state} after 90 s:\n${workers.map((w) => w.output()).join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  // The SHA-256 of the unsigned render one worker makes of the whole document in one go, without chunk jobs.
  async function oneWorkerRender(documentId: string, snapshot: DocumentSnapshot): Promise<string> {
    const [doc] = await paused.dataSource.query('SELECT created_at, snapshot_hash FROM documents WHERE id = $1', [
      documentId,
    ]);
    const rendered = await paused.app
      .get(DocumentRendererService)
      .render(
        snapshot,
        { id: documentId, createdAt: doc.created_at, snapshotHash: doc.snapshot_hash },
        { onProgress: async () => undefined, sign: null },
      );
    return rendered.renderSha256;
  }

  async function outcome(jobId: string, documentId: string) {
    const ds = paused.dataSource;
    const parts = await ds.query(
      'SELECT part, worker, printed, done_at FROM document_chunk_parts WHERE job_id = $1 ORDER BY part',
      [jobId],
    );
    const [doc] = await ds.query('SELECT render_sha256 FROM documents WHERE id = $1', [documentId]);
    const [{ merges }] = await ds.query(
      `SELECT count(*)::int AS merges FROM pgboss.job WHERE name = $1 AND data->>'jobId' = $2`,
      [DOCUMENT_RENDER_QUEUE, jobId],
    );
    const [{ generated }] = await ds.query(
      `SELECT count(*)::int AS generated FROM audit_log WHERE action = 'document.generated' AND entity_id = $1`,
      [documentId],
    );
    return { parts, renderSha256: doc.render_sha256 as string, renderJobs: merges as number, generated };
  }

  it('two workers each print chunks of one list, merged once into the bytes of a one-worker render', async () => {
    const a = worker({ DOCUMENT_CHUNKS_PER_JOB: '1' });
    const b = worker({ DOCUMENT_CHUNKS_PER_JOB: '1' });
    await Promise.all([a.ready, b.ready]);
    const { jobId, documentId, snapshot } = await queueList([70, 50]);
    await completed(jobId);

    const result = await outcome(jobId, documentId);
    expect(result.parts.length).toBeGreaterThanOrEqual(12);
    expect(result.parts.every((p: { done_at: Date | null }) => p.done_at !== null)).toBe(true);
    const printers = new Set<number>(
      result.parts
        .filter((p: { printed: number }) => p.printed > 0)
        .map((p: { worker: string }) => Number(p.worker.slice(p.worker.lastIndexOf(':') + 1))),
    );
    expect([...printers].sort((x, y) => x - y)).toEqual([a.pid, b.pid].sort((x, y) => x - y));
    // The document job ran twice: once to queue the parts, once (queued by the last part) to merge, in one attempt.
    expect(result.renderJobs).toBe(2);
    const [{ attempts }] = await paused.dataSource.query('SELECT attempts FROM document_jobs WHERE id = $1', [jobId]);
    expect(attempts).toBe(1);
    expect(result.generated).toBe(1);
    expect(result.renderSha256).toBe(await oneWorkerRender(documentId, snapshot));
    await Promise.all([a.stop(), b.stop()]);
  }, 180_000);

  it('retries the chunk job of a worker killed while printing it, and still merges once', async () => {
    const doomed = worker({ DOCUMENT_CHUNKS_PER_JOB: '4' });
    await doomed.ready;
    const { jobId, documentId, snapshot } = await queueList([60, 40]);
    // Killed as soon as it holds a chunk job (its browser is still starting, so the part is not printed yet).
    const started = Date.now();
    let leased: string | undefined;
    while (!leased) {
      const rows = await paused.dataSource.query(
        `SELECT l.job_id FROM job_leases l JOIN pgboss.job j ON j.id = l.job_id
          WHERE l.queue = 'document-chunk' AND j.data->>'jobId' = $1`,
        [jobId],
      );
      leased = rows[0]?.job_id;
      if (Date.now() - started > 60_000) throw new Error(`no chunk job taken:\n${doomed.output()}`);
      if (!leased) await new Promise((r) => setTimeout(r, 20));
    }
    await doomed.kill();

    const survivor = worker({ DOCUMENT_CHUNKS_PER_JOB: '4' });
    await survivor.ready;
    await completed(jobId);
    const [retried] = await paused.dataSource.query('SELECT retry_count FROM pgboss.job WHERE id = $1', [leased]);
    expect(retried.retry_count).toBeGreaterThanOrEqual(1);
    const result = await outcome(jobId, documentId);
    expect(result.parts.every((p: { worker: string }) => p.worker.endsWith(`:${survivor.pid}`))).toBe(true);
    expect(result.renderJobs).toBe(2);
    expect(result.generated).toBe(1);
    expect(result.renderSha256).toBe(await oneWorkerRender(documentId, snapshot));
  }, 180_000);
});
