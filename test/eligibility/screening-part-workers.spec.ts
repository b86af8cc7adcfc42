import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RoundParameters } from '../../src/eligibility/core/index.js';
import { isEvaluable } from '../../src/eligibility/eligibility.service.js';
import { ScreeningQueue } from '../../src/eligibility/screening.queue.js';
import { ScreeningService } from '../../src/eligibility/screening.service.js';
import { SCREENING_PART_QUEUE } from '../../src/jobs/queue-names.js';
import { startWorkerProcess, type WorkerProcess } from '../../bench/worker-processes.js';
import { loadDemoDataIfEmpty } from '../../seeds/demo/load-demo.js';
import { loadSynthetic } from '../../seeds/synthetic/synthetic-loader.js';
import { useFreshDatabase } from '../seeds/support/fresh-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SETTINGS = {
  SCREENING_FANOUT_DOSSIERS: '50',
  SCREENING_PART_DOSSIERS: '60',
  SCREENING_BATCH_SIZE: '30',
  SCREENING_THREADS: '1',
};
const RESULT_ROWS = `SELECT dossier_id, dossier_version, pack_id, pack_version, facts_hash, outcome, category,
                            relies_on_unverified, result::text AS result
                       FROM eligibility_results WHERE screening_id = $1 ORDER BY dossier_id`;

// A large screening's part jobs worked by real `npm run worker` processes: a worker killed while it holds a part
// leaves it to the lease monitor of another, which the queue retries; the screening still stores the rows of a
// one-job screening, each part once.
describe('screening part jobs on worker processes', () => {
  let app: TestApp;
  const workers: WorkerProcess[] = [];
  const db = useFreshDatabase('screening_part_workers', async () => {
    await Promise.all(workers.map((w) => w.kill()));
    await app?.close();
  });
  const query = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await db.client().query(sql, params)).rows as T[];
  let appUrl: string;
  let roundId: string;

  function worker(): WorkerProcess {
    const storageDir = mkdtempSync(join(tmpdir(), 'amnesty-screening-parts-'));
    const started = startWorkerProcess({
      DATABASE_URL: appUrl,
      MIGRATION_DATABASE_URL: db.url(),
      STORAGE_DIR: storageDir,
      RUN_DIR: join(storageDir, 'run'),
      ...SETTINGS,
    });
    workers.push(started);
    return started;
  }

  beforeAll(async () => {
    await loadDemoDataIfEmpty(db.url(), '2026-12-03');
    await loadSynthetic({ databaseUrl: db.url(), dossiers: 300, batchSize: 150, workers: 1, seed: 5 });
    const url = new URL(process.env.TEST_APP_DATABASE_URL!);
    url.pathname = new URL(db.url()).pathname;
    appUrl = url.toString();
    app = await startTestApp({ RUN_WORKERS: 'false', ...SETTINGS }, appUrl);
    const rounds = await query<{ id: string; parameters: RoundParameters; n: number }>(
      `SELECT r.id, r.parameters, (SELECT count(*)::int FROM dossiers d WHERE d.round_id = r.id) AS n
         FROM rounds r ORDER BY n DESC`,
    );
    roundId = rounds.find((r) => isEvaluable(r.parameters) && r.n > 200)!.id;
  }, 240_000);

  async function finished(id: string): Promise<{ status: string; done: number; total: number }> {
    const started = Date.now();
    for (;;) {
      const [s] = await query<{ status: string; done: number; total: number; error: string }>(
        'SELECT status, done, total, error FROM screenings WHERE id = $1',
        [id],
      );
      if (s.status === 'DONE') return s;
      if (s.status === 'FAILED') throw new Error(`screening failed: ${s.error}`);
      if (Date.now() - started > 90_000)
        throw new Error(`still ${s.status} after 90 s:\n${workers.map((w) => w.output()).join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('retries the part of a worker killed while storing it, and stores the rows of a one-job screening', async () => {
    const service = app.app.get(ScreeningService);
    const single = await service.create({ id: null, name: 'spec' }, null, roundId);
    expect((await service.run(single.id)).status).toBe('DONE');
    const expected = await query(RESULT_ROWS, [single.id]);

    // While spec_slow holds a row, storing results waits 3 s: the doomed worker is killed inside its part's
    // transaction, which therefore never commits.
    await query('CREATE TABLE spec_slow (x int)');
    await query('INSERT INTO spec_slow VALUES (1)');
    await query(`CREATE FUNCTION spec_slow() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM spec_slow) THEN PERFORM pg_sleep(3); END IF;
        RETURN NULL;
      END $$`);
    await query(
      'CREATE TRIGGER spec_slow BEFORE INSERT ON eligibility_results FOR EACH STATEMENT EXECUTE FUNCTION spec_slow()',
    );
    const doomed = worker();
    await doomed.ready;
    const { id } = await service.create({ id: null, name: 'spec' }, null, roundId);
    await app.app.get(ScreeningQueue).enqueue(id);
    const started = Date.now();
    let leased: string | undefined;
    while (!leased) {
      const rows = await query<{ job_id: string }>(
        `SELECT l.job_id FROM job_leases l JOIN pgboss.job j ON j.id = l.job_id
          WHERE l.queue = $1 AND j.data->>'screeningId' = $2`,
        [SCREENING_PART_QUEUE, id],
      );
      leased = rows[0]?.job_id;
      if (Date.now() - started > 60_000) throw new Error(`no part job taken:\n${doomed.output()}`);
      if (!leased) await new Promise((r) => setTimeout(r, 20));
    }
    await doomed.kill();
    await query('DELETE FROM spec_slow');

    const survivor = worker();
    await survivor.ready;
    const done = await finished(id);
    expect(done).toMatchObject({ status: 'DONE', done: expected.length, total: expected.length });
    const [retried] = await query<{ retry_count: number }>('SELECT retry_count FROM pgboss.job WHERE id = $1', [
      leased,
    ]);
    expect(retried.retry_count).toBeGreaterThanOrEqual(1);
    const parts = await query<{ worker: string }>('SELECT worker FROM screening_parts WHERE screening_id = $1', [id]);
    expect(parts.length).toBe(Math.ceil(expected.length / 60));
    expect(parts.every((p) => p.worker.endsWith(`:${survivor.pid}`))).toBe(true);
    expect(await query(RESULT_ROWS, [id])).toEqual(expected);
  }, 180_000);
});
