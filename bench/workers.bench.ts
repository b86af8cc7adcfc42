// `npm run bench:workers`: the national list (BENCH_ROWS, default 15,000 rows) rendered by 1 and then 2 real
// `npm run worker` processes on one database and one storage directory (chunk jobs on the queue, merged by the worker
// that prints the last part), and the synthetic round screened by 1 and then 2 of them (part jobs on the queue,
// finished by the worker that screens the last part), each against one job on one worker; prints the medians, the ratio, the CPU-seconds
// per 1,000 rows and per 1,000 dossiers (Node.js, Chromium and PostgreSQL), and the worker cores a national round
// needs to be done in 15 minutes of wall time. On the synthetic database of BENCH_DATA_DIR when set (kept, and screened
// already), else on a throw-away one of BENCH_DOSSIERS dossiers.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import PgBoss from 'pg-boss';
import { planDocument } from '../src/documents/kinds/plan-document.js';
import { DocumentKind } from '../src/documents/view-models/common.js';
import type { DocumentSnapshot } from '../src/documents/view-models/view-model-map.js';
import { JOB_RETRY_OPTIONS } from '../src/jobs/job-queue.service.js';
import { DOCUMENT_RENDER_QUEUE } from '../src/jobs/queue-names.js';
import { pgCpuSeconds, treeCpuSeconds } from './process-tree.js';
import { completeRound, openSyntheticRound, screenedRound, type SyntheticDatabase } from './synthetic-database.js';
import { syntheticList } from './synthetic-list.js';
import { startWorkerProcess, type WorkerProcess } from './worker-processes.js';
import { screenByWorkers, type ScreeningRun } from './worker-screening.js';
import { upperMedian as median } from './median.js';

const PRESET = 'QD-1244-2025';
const ROWS = Number(process.env.BENCH_ROWS ?? 15_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 150_000);
// What a national round prints and screens, for the sizing line: every dossier on its facility's lists once, and the
// names going up printed again at the department, ministry and national levels (about 150,000 rows more); every
// dossier screened once. Override with ROUND_ROWS and ROUND_DOSSIERS.
const ROUND_ROWS = Number(process.env.ROUND_ROWS ?? 300_000);
const ROUND_DOSSIERS = Number(process.env.ROUND_DOSSIERS ?? 150_000);
const ROUND_WALL_SECONDS = 15 * 60;

interface Run {
  seconds: number;
  cpu: number;
  pgCpu: number;
  printers: number;
}

// One list document stored as the documents service stores it, its job sent to the queue; resolves when a worker has
// stored the PDF.
async function renderOnce(
  db: SyntheticDatabase,
  boss: PgBoss,
  workers: WorkerProcess[],
  village: string,
): Promise<Run> {
  const snapshot = { kind: DocumentKind.ELIGIBLE_LIST, data: syntheticList(ROWS, 60, village) } as DocumentSnapshot;
  const plan = planDocument(snapshot);
  const ds = db.dataSource;
  const [{ id: creator }] = await ds.query(`SELECT id FROM users ORDER BY username LIMIT 1`);
  const [{ id: unit }] = await ds.query(`SELECT id FROM org_units ORDER BY code LIMIT 1`);
  const [{ id: documentId }] = await ds.query(
    `INSERT INTO documents (kind, source_type, source_id, issuer_unit_id, number, title, snapshot, snapshot_hash, created_by)
     VALUES ($1, 'list', $2, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [snapshot.kind, unit, plan.number, plan.title, JSON.stringify(snapshot.data), plan.snapshotHash, creator],
  );
  const [{ id: jobId }] = await ds.query(`INSERT INTO document_jobs (document_id) VALUES ($1) RETURNING id`, [
    documentId,
  ]);
  const cpu0 = workers.reduce((sum, w) => sum + treeCpuSeconds(w.pid), 0);
  const pg0 = pgCpuSeconds(db.dataDir);
  const started = performance.now();
  await boss.send(DOCUMENT_RENDER_QUEUE, { jobId }, JOB_RETRY_OPTIONS);
  for (;;) {
    const [job] = await ds.query(`SELECT state, error FROM document_jobs WHERE id = $1`, [jobId]);
    if (job.state === 'completed') break;
    if (job.state === 'failed') throw new Error(`document job failed: ${job.error}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = workers.reduce((sum, w) => sum + treeCpuSeconds(w.pid), 0) - cpu0;
  const pgCpu = pgCpuSeconds(db.dataDir) - pg0;
  const [{ printers, printed, chunks }] = await ds.query(
    `SELECT count(DISTINCT p.worker) FILTER (WHERE p.printed > 0)::int AS printers, coalesce(sum(p.printed), 0)::int AS printed,
            max(r.chunks) AS chunks
       FROM document_chunk_runs r LEFT JOIN document_chunk_parts p ON p.job_id = r.job_id WHERE r.job_id = $1`,
    [jobId],
  );
  // Fanned out (a run exists), every chunk must have been printed: a chunk taken from the cache would flatter the time.
  if (chunks !== null && printed !== chunks) throw new Error(`printed ${printed} of ${chunks} chunks: not cold`);
  return { seconds, cpu, pgCpu, printers };
}

// `count` worker processes on the database and one storage directory, given to `task`, stopped after it.
async function withWorkers<T>(
  db: SyntheticDatabase,
  count: number,
  env: Record<string, string>,
  task: (workers: WorkerProcess[]) => Promise<T>,
): Promise<T> {
  const storageDir = mkdtempSync(join(tmpdir(), 'amnesty-bench-workers-'));
  const workers = Array.from({ length: count }, () =>
    startWorkerProcess({
      DATABASE_URL: db.appUrl,
      MIGRATION_DATABASE_URL: db.url,
      AUDIT_DIR: join(db.dataDir, 'audit'),
      STORAGE_DIR: storageDir,
      RUN_DIR: join(storageDir, 'run'),
      ...env,
    }),
  );
  try {
    await Promise.all(workers.map((w) => w.ready));
    return await task(workers);
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    rmSync(storageDir, { recursive: true, force: true });
  }
}

// A warm-up list per worker (browser launched, fonts loaded), as on a worker that has been running, then RUNS lists.
function renderRuns(db: SyntheticDatabase, boss: PgBoss, count: number, env: Record<string, string> = {}) {
  return withWorkers(db, count, env, async (workers) => {
    await renderOnce(db, boss, workers, `Xã khởi động ${count}`);
    const runs: Run[] = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await renderOnce(db, boss, workers, `Xã ${count}-${run}`));
    return runs;
  });
}

// RUNS screenings of the whole round by `count` worker processes.
function screeningRuns(db: SyntheticDatabase, boss: PgBoss, roundId: string, count: number, env = {}) {
  return withWorkers(db, count, env, async (workers) => {
    const runs: ScreeningRun[] = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await screenByWorkers(db, boss, workers, roundId));
    return runs;
  });
}

// BENCH_LISTS=0 leaves the lists out, BENCH_SCREEN=0 the screenings (and the figures that need them).
async function main(): Promise<void> {
  const db = await openSyntheticRound({ prefix: 'workers', dossiers: DOSSIERS, presetCode: PRESET });
  const boss = new PgBoss({ connectionString: db.appUrl, schema: 'pgboss', max: 2 });
  boss.on('error', () => undefined);
  try {
    const roundId = await screenedRound(db, process.env);
    await completeRound(db.dataSource, roundId, PRESET);
    await boss.start();
    const load = loadavg().map((l) => l.toFixed(2));
    const lists = process.env.BENCH_LISTS === '0' ? null : await listRuns(db, boss);
    const screenings = process.env.BENCH_SCREEN === '0' ? null : await screenRuns(db, boss, roundId);
    const loadEnd = loadavg().map((l) => l.toFixed(2));
    console.log(
      `load average at start: ${load.join(' ')}, at end: ${loadEnd.join(' ')} on ${availableParallelism()} cores`,
    );
    const perKRows = lists ? printLists(lists) : null;
    const perKDossiers = screenings ? printScreenings(screenings) : null;
    if (perKRows === null && perKDossiers === null) return;
    const cpuSeconds = (ROUND_ROWS / 1000) * (perKRows ?? 0) + (ROUND_DOSSIERS / 1000) * (perKDossiers ?? 0);
    // Two processes on two cores reached `ratio` of the 2× a perfect split would give; the sizing assumes no better.
    const efficiency = Math.min(1, Math.min(lists?.ratio ?? 2, screenings?.ratio ?? 2) / 2);
    const printed = perKRows === null ? 'no list rows' : `${ROUND_ROWS.toLocaleString('en')} list rows`;
    const screened = perKDossiers === null ? 'no' : ROUND_DOSSIERS.toLocaleString('en');
    console.log(
      `sizing: a national round of ${printed} and ${screened} dossiers screened (the halves measured) needs ` +
        `${cpuSeconds.toFixed(0)} CPU-seconds: ${Math.ceil(cpuSeconds / ROUND_WALL_SECONDS)} ` +
        `core(s) for ${ROUND_WALL_SECONDS / 60} minutes at a perfect split, ` +
        `${Math.ceil(cpuSeconds / ROUND_WALL_SECONDS / efficiency)} at the split measured here (${(efficiency * 100).toFixed(0)}%), ` +
        `PostgreSQL included`,
    );
  } finally {
    await boss.stop({ graceful: false }).catch(() => undefined);
    await db.dataSource.destroy();
    await db.close();
  }
}

async function listRuns(db: SyntheticDatabase, boss: PgBoss) {
  // The baseline: one worker rendering the list as one document job, without chunk jobs.
  const whole = await renderRuns(db, boss, 1, { DOCUMENT_FANOUT_CHUNKS: String(Number.MAX_SAFE_INTEGER) });
  const one = await renderRuns(db, boss, 1);
  const two = await renderRuns(db, boss, 2);
  return { whole, one, two, ratio: seconds(one) / seconds(two) };
}

async function screenRuns(db: SyntheticDatabase, boss: PgBoss, roundId: string) {
  // The baseline: one worker screening the round as one job, in batches, without part jobs.
  const whole = await screeningRuns(db, boss, roundId, 1, {
    SCREENING_FANOUT_DOSSIERS: String(Number.MAX_SAFE_INTEGER),
  });
  const one = await screeningRuns(db, boss, roundId, 1);
  const two = await screeningRuns(db, boss, roundId, 2);
  return { whole, one, two, ratio: seconds(one) / seconds(two) };
}

const seconds = (runs: { seconds: number }[]) => median(runs.map((r) => r.seconds));
const cpuPerK = (runs: { cpu: number; pgCpu: number }[], units: number) =>
  (median(runs.map((r) => r.cpu)) + median(runs.map((r) => r.pgCpu))) / (units / 1000);

function runLine(name: string, runs: (Run | ScreeningRun)[], what: string, by: (r: Run | ScreeningRun) => string) {
  console.log(
    `${name}: median ${seconds(runs).toFixed(2)} s over ${runs.length} runs ` +
      `(${runs.map((r) => r.seconds.toFixed(2)).join(', ')} s); CPU workers ${median(runs.map((r) => r.cpu)).toFixed(1)} s, ` +
      `PostgreSQL ${median(runs.map((r) => r.pgCpu)).toFixed(1)} s; ${what}: ${runs.map(by).join(', ')}`,
  );
}

// The lists' lines; answers the CPU-seconds per 1,000 rows in chunk jobs.
function printLists({ whole, one, two, ratio }: Awaited<ReturnType<typeof listRuns>>): number {
  const rows = ROWS.toLocaleString('en');
  const printers = (r: Run | ScreeningRun) => String((r as Run).printers);
  const what = 'workers that printed chunks (Node.js + Chromium)';
  runLine(`national list, ${rows} rows, 1 worker process, one document job (baseline)`, whole, what, printers);
  runLine(`national list, ${rows} rows, 1 worker process, chunk jobs`, one, what, printers);
  runLine(`national list, ${rows} rows, 2 worker processes, chunk jobs`, two, what, printers);
  console.log(
    `chunk jobs / one document job on 1 worker (wall time, medians): ${(seconds(one) / seconds(whole)).toFixed(2)}×`,
  );
  console.log(
    `lists: 1 worker / 2 workers (wall time, medians): ${ratio.toFixed(2)}× on ${availableParallelism()} cores`,
  );
  console.log(
    `CPU-seconds per 1,000 list rows (Node.js + Chromium + PostgreSQL): ${cpuPerK(one, ROWS).toFixed(2)} in chunk jobs, ` +
      `${cpuPerK(whole, ROWS).toFixed(2)} as one document job`,
  );
  return cpuPerK(one, ROWS);
}

// The screenings' lines; answers the CPU-seconds per 1,000 dossiers in part jobs.
function printScreenings({ whole, one, two, ratio }: Awaited<ReturnType<typeof screenRuns>>): number {
  const dossiers = one[0].dossiers;
  const n = dossiers.toLocaleString('en');
  const screeners = (r: Run | ScreeningRun) => `${(r as ScreeningRun).screeners}/${(r as ScreeningRun).parts}`;
  const what = 'workers that screened parts / parts (Node.js with its threads)';
  runLine(`screening of ${n} dossiers, 1 worker process, one screening job (baseline)`, whole, what, screeners);
  runLine(`screening of ${n} dossiers, 1 worker process, part jobs`, one, what, screeners);
  runLine(`screening of ${n} dossiers, 2 worker processes, part jobs`, two, what, screeners);
  console.log(
    `part jobs / one screening job on 1 worker (wall time, medians): ${(seconds(one) / seconds(whole)).toFixed(2)}×`,
  );
  console.log(
    `screening: 1 worker / 2 workers (wall time, medians): ${ratio.toFixed(2)}× on ${availableParallelism()} cores`,
  );
  console.log(
    `CPU-seconds per 1,000 dossiers screened (Node.js with its threads + PostgreSQL): ${cpuPerK(one, dossiers).toFixed(2)} ` +
      `in part jobs, ${cpuPerK(whole, dossiers).toFixed(2)} as one screening job`,
  );
  return cpuPerK(one, dossiers);
}

await main();
