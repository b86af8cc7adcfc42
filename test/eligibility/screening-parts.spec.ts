import { Role } from '../../src/kernel/roles.js';
import { ScreeningPartJobs } from '../../src/eligibility/screening-part-jobs.js';
import { ScreeningService, type ScreeningRequester } from '../../src/eligibility/screening.service.js';
import { isEvaluable } from '../../src/eligibility/eligibility.service.js';
import { EligibilityErrorCode } from '../../src/eligibility/eligibility.exception.js';
import type { RoundParameters } from '../../src/eligibility/core/index.js';
import type { JobContext } from '../../src/jobs/job-queue.service.js';
import { SCREENING_PART_QUEUE } from '../../src/jobs/queue-names.js';
import { loadDemoDataIfEmpty } from '../../seeds/demo/load-demo.js';
import { loadSynthetic } from '../../seeds/synthetic/synthetic-loader.js';
import { useFreshDatabase } from '../seeds/support/fresh-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// A large screening split into part jobs (keyset ranges of 40 dossiers here), each taken as a worker takes it from
// the queue: the parts are run here one by one or side by side, with the attempt the queue would give them.
const SETTINGS = {
  RUN_WORKERS: 'false',
  SCREENING_FANOUT_DOSSIERS: '50',
  SCREENING_PART_DOSSIERS: '40',
  SCREENING_BATCH_SIZE: '15',
  SCREENING_THREADS: '2',
};
const ACTOR = { id: null, name: 'spec' };

// A stored result as compared between two screenings of the same round.
const RESULT_ROWS = `SELECT dossier_id, dossier_version, pack_id, pack_version, facts_hash, outcome, category,
                            relies_on_unverified, result::text AS result
                       FROM eligibility_results WHERE screening_id = $1 ORDER BY dossier_id`;

function attempt(n: number, attempts = 5): JobContext {
  return { attempt: n, attempts, finalAttempt: n >= attempts, signal: new AbortController().signal };
}

describe('a large screening as part jobs', () => {
  let app: TestApp;
  const db = useFreshDatabase('screening_parts', async () => {
    await app?.close();
  });
  const query = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await db.client().query(sql, params)).rows as T[];
  let roundId: string;
  let service: ScreeningService;
  let parts: ScreeningPartJobs;

  beforeAll(async () => {
    await loadDemoDataIfEmpty(db.url(), '2026-12-03');
    await loadSynthetic({ databaseUrl: db.url(), dossiers: 300, batchSize: 150, workers: 1, seed: 11 });
    const appUrl = new URL(process.env.TEST_APP_DATABASE_URL!);
    appUrl.pathname = new URL(db.url()).pathname;
    app = await startTestApp(SETTINGS, appUrl.toString());
    service = app.app.get(ScreeningService);
    parts = app.app.get(ScreeningPartJobs);
    const rounds = await query<{ id: string; parameters: RoundParameters; n: number }>(
      `SELECT r.id, r.parameters, (SELECT count(*)::int FROM dossiers d WHERE d.round_id = r.id) AS n
         FROM rounds r ORDER BY n DESC`,
    );
    roundId = rounds.find((r) => isEvaluable(r.parameters) && r.n > 200)!.id;
  }, 240_000);

  afterEach(async () => {
    await query('DROP TRIGGER IF EXISTS spec_fail ON eligibility_results');
  });

  // A screening requested and run by its screening job: planned and queued as parts, none screened yet.
  async function fannedOut(requester: ScreeningRequester | null = null): Promise<{ id: string; parts: number[] }> {
    const created = await service.create(ACTOR, requester, roundId);
    const status = await service.run(created.id, attempt(1), (claimed) => parts.fanOut(claimed));
    expect(status.status).toBe('RUNNING');
    const queued = await query<{ part: number }>(
      `SELECT (data->>'part')::int AS part FROM pgboss.job WHERE name = $1 AND data->>'screeningId' = $2 ORDER BY 1`,
      [SCREENING_PART_QUEUE, created.id],
    );
    return { id: created.id, parts: queued.map((q) => q.part) };
  }

  const screening = async (id: string) =>
    (
      await query<{ status: string; total: number; done: number; error: string | null; error_code: string | null }>(
        'SELECT status, total, done, error, error_code FROM screenings WHERE id = $1',
        [id],
      )
    )[0];
  // The audit records of a screening's end: its finish or its failure, with who asked for it and why it failed.
  const endRecords = (id: string) =>
    query<{ action: string; actor_name: string; entity_id: string; after: unknown; reason: string | null }>(
      `SELECT action, actor_name, entity_id, after, reason FROM audit_log
        WHERE action IN ('screening.finish', 'screening.fail') AND after->>'screeningId' = $1 ORDER BY seq`,
      [id],
    );
  const stored = async (id: string) =>
    (
      await query<{ n: number; dossiers: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT dossier_id)::int AS dossiers FROM eligibility_results WHERE screening_id = $1',
        [id],
      )
    )[0];

  // Every statement writing results fails: `times` times in all, or always.
  async function failWrites(times: number | null): Promise<void> {
    await query('DROP SEQUENCE IF EXISTS spec_fail_count');
    await query('CREATE SEQUENCE spec_fail_count');
    await query(`CREATE OR REPLACE FUNCTION spec_fail() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
      BEGIN
        IF ${times === null ? 'true' : `nextval('spec_fail_count') <= ${times}`} THEN
          RAISE EXCEPTION 'disk full (spec)';
        END IF;
        RETURN NULL;
      END $$`);
    await query(
      'CREATE TRIGGER spec_fail BEFORE INSERT ON eligibility_results FOR EACH STATEMENT EXECUTE FUNCTION spec_fail()',
    );
  }

  it('stores the rows of a one-job screening, finished by exactly one of two parts ending together', async () => {
    const single = await service.create(ACTOR, null, roundId);
    expect((await service.run(single.id)).status).toBe('DONE');
    const expected = await query(RESULT_ROWS, [single.id]);

    const { id, parts: queued } = await fannedOut();
    expect(queued.length).toBe(Math.ceil(expected.length / 40));
    // The screening job run again (a retry of it) queues nothing more.
    await service.run(id, attempt(2), (claimed) => parts.fanOut(claimed));
    expect(
      (
        await query('SELECT 1 FROM pgboss.job WHERE name = $1 AND data->>$2 = $3', [
          SCREENING_PART_QUEUE,
          'screeningId',
          id,
        ])
      ).length,
    ).toBe(queued.length);

    const lastTwo = queued.slice(-2);
    for (const part of queued.slice(0, -2))
      expect(await parts.screen({ screeningId: id, part }, attempt(1))).toBe(false);
    const midway = await screening(id);
    expect(midway.status).toBe('RUNNING');
    expect(midway.done).toBe(40 * (queued.length - 2));
    const finishers = await Promise.all(lastTwo.map((part) => parts.screen({ screeningId: id, part }, attempt(1))));
    expect(finishers.filter(Boolean)).toHaveLength(1);

    const after = await screening(id);
    expect(after).toMatchObject({ status: 'DONE', total: expected.length, done: expected.length, error: null });
    expect(await query(RESULT_ROWS, [id])).toEqual(expected);
    // Finished once, by the last part, on behalf of whoever asked (here nobody: a command line).
    expect(await endRecords(id)).toEqual([
      {
        action: 'screening.finish',
        actor_name: 'hệ thống',
        entity_id: roundId,
        after: { screeningId: id, done: expected.length },
        reason: null,
      },
    ]);
    expect(await endRecords(single.id)).toEqual([
      expect.objectContaining({ action: 'screening.finish', after: { screeningId: single.id, done: expected.length } }),
    ]);
    const [{ remaining }] = await query<{ remaining: number }>(
      'SELECT remaining FROM screening_part_runs WHERE screening_id = $1',
      [id],
    );
    expect(remaining).toBe(0);
  }, 120_000);

  it('retries a part whose transaction failed, and never stores a part twice', async () => {
    const { id, parts: queued } = await fannedOut();
    await failWrites(1);
    await expect(parts.screen({ screeningId: id, part: 0 }, attempt(1))).rejects.toThrow('disk full (spec)');
    const waiting = await screening(id);
    expect(waiting.status).toBe('RUNNING');
    expect(waiting.done).toBe(0);
    expect(waiting.error).toBe('Lượt rà soát gặp lỗi hệ thống (lần thử 1/5). Hệ thống sẽ tự thử lại phần chưa xong.');
    expect((await stored(id)).n).toBe(0);

    await parts.screen({ screeningId: id, part: 0 }, attempt(2));
    expect((await stored(id)).n).toBe(40);
    // Delivered again after it committed (its worker died before the queue heard of it): nothing more is written.
    expect(await parts.screen({ screeningId: id, part: 0 }, attempt(3))).toBe(false);
    expect((await stored(id)).n).toBe(40);
    expect((await screening(id)).done).toBe(40);

    for (const part of queued.slice(1)) await parts.screen({ screeningId: id, part }, attempt(1));
    const done = await screening(id);
    expect(done.status).toBe('DONE');
    expect(await stored(id)).toEqual({ n: done.total, dossiers: done.total });
  }, 120_000);

  it('fails the screening when a part fails on its last attempt; the other parts then store nothing', async () => {
    const { id, parts: queued } = await fannedOut();
    await failWrites(null);
    expect(await parts.screen({ screeningId: id, part: 1 }, attempt(5))).toBe(false);
    const failed = await screening(id);
    expect(failed).toMatchObject({ status: 'FAILED', error_code: 'SCREENING_FAILED' });
    expect(failed.error).toBe(
      'Lượt rà soát gặp lỗi hệ thống và đã dừng. Hãy chạy lại; nếu vẫn lỗi, báo quản trị viên.',
    );

    await query('DROP TRIGGER spec_fail ON eligibility_results');
    for (const part of queued.filter((p) => p !== 1))
      expect(await parts.screen({ screeningId: id, part }, attempt(1))).toBe(false);
    expect((await stored(id)).n).toBe(0);
    expect(await screening(id)).toMatchObject({ status: 'FAILED', done: 0 });
    // Failed once, with its reason; the worker giving up on another part later changes neither.
    await service.fail(id, { code: EligibilityErrorCode.SCREENING_WORKER_STOPPED, message: 'khác' });
    expect(await screening(id)).toMatchObject({ status: 'FAILED', error_code: 'SCREENING_FAILED' });
    expect(await endRecords(id)).toEqual([
      {
        action: 'screening.fail',
        actor_name: 'hệ thống',
        entity_id: roundId,
        after: { screeningId: id, done: 0 },
        reason: failed.error,
      },
    ]);
  }, 120_000);

  it("screens only the requester's dossiers, as a one-job screening of the same request does", async () => {
    // The unit below the top whose facilities hold the most of the round's dossiers, but not all of them.
    const [unit] = await query<{ id: string; path: string }>(
      `SELECT u.id, u.path FROM org_units u
         JOIN org_units f ON f.path LIKE u.path || '%' JOIN dossiers d ON d.facility_id = f.id AND d.round_id = $1
        WHERE u.parent_id IS NOT NULL GROUP BY u.id, u.path
       HAVING count(*) < (SELECT count(*) FROM dossiers WHERE round_id = $1) ORDER BY count(*) DESC LIMIT 1`,
      [roundId],
    );
    const requester = { role: Role.MINISTRY_OFFICER, orgUnitPath: unit.path, orgUnitId: unit.id };
    const single = await service.create(ACTOR, requester, roundId);
    expect((await service.run(single.id)).status).toBe('DONE');
    const expected = await query(RESULT_ROWS, [single.id]);
    const [{ n: all }] = await query<{ n: number }>('SELECT count(*)::int AS n FROM dossiers WHERE round_id = $1', [
      roundId,
    ]);
    expect(expected.length).toBeGreaterThan(50);
    expect(expected.length).toBeLessThan(all);

    const { id, parts: queued } = await fannedOut(requester);
    expect(queued.length).toBe(Math.ceil(expected.length / 40));
    for (const part of queued) await parts.screen({ screeningId: id, part }, attempt(1));
    expect(await screening(id)).toMatchObject({ status: 'DONE', done: expected.length, total: expected.length });
    expect(await query(RESULT_ROWS, [id])).toEqual(expected);
  }, 120_000);
});
