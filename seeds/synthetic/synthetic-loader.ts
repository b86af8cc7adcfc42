import type { DataSource } from 'typeorm';
import type { AuditService } from '../../src/audit/audit.service.js';
import { protectedRows } from '../../src/audit/protected-rows.js';
import { createStandaloneAudit } from '../../src/audit/standalone-audit.js';
import { type AuditConfig, loadConfig } from '../../src/config/app-config.js';
import { ScopeRepository } from '../../src/auth/scope.repository.js';
import { ScopeService } from '../../src/auth/scope.service.js';
import { WorkerPool } from '../../src/common/worker-pool.js';
import { createDataSource } from '../../src/database/data-source.js';
import { writeDossierRows } from '../../src/dossiers/dossier-bulk-writer.repository.js';
import { EligibilityRepository } from '../../src/eligibility/eligibility.repository.js';
import { ScreeningRepository } from '../../src/eligibility/screening.repository.js';
import { ScreeningService } from '../../src/eligibility/screening.service.js';
import { Rng } from '../common/prng.js';
import { copyFrom } from '../../src/database/pg-copy.js';
import { runPipeline } from './pipeline.js';
import { BatchInput, CopyBatch, DOSSIER_TABLES, generateCopyBatch, generateRows } from './synthetic-batch.js';
import { ensureSyntheticOrg } from './synthetic-org.js';
import { ensureSyntheticRound } from './synthetic-round.js';

// 'copy': generator threads build COPY data and each batch is one transaction of COPY … FROM STDIN per table.
// 'bulk': the project's writer (INSERT … SELECT FROM jsonb_to_recordset), generated on the main thread.
export type SyntheticWriter = 'copy' | 'bulk';

export interface SyntheticOptions {
  databaseUrl: string;
  dossiers: number;
  seed?: number;
  presetCode?: string;
  facilities?: number;
  batchSize?: number;
  // Batches written at once, each in its own transaction on its own connection.
  lanes?: number;
  workers?: number;
  writer?: SyntheticWriter;
  // Screen the round with the eligibility engine once loaded (results stored, as a screening started from the API).
  screen?: boolean;
  onProgress?: (done: number, total: number) => void;
  // Where the audit checkpoints of this database are signed (default: the environment's, as for `npm start`).
  audit?: AuditConfig;
}

export interface SyntheticStats {
  roundCode: string;
  writer: SyntheticWriter;
  dossiers: number;
  rows: number;
  rowsByTable: Record<string, number>;
  seconds: number;
  roundId: string;
  // Verdicts stored by the screening that followed the load; null when the round was not screened.
  screening: { dossiers: number; seconds: number; outcomes: Record<string, number> } | null;
}

const SYNTHETIC_LOCK = 727_102;

// A generator thread's young generation: 192 MB (three 64 MB semi-spaces) where V8 gives a thread 48 MB. A batch's
// dossiers, rows and COPY text are short-lived, but at the default size the scavenges came so often that each caught
// a slice still in use and copied it: the collector was a fifth of a thread's time. The larger size takes an eighth
// off a thread's CPU time for the same batches (3.4 CPU-s against 3.8 for 20,000 dossiers).
const GENERATOR_THREAD_LIMITS = { maxYoungGenerationSizeMb: 192 };

async function writeCopyBatch(dataSource: DataSource, batch: CopyBatch): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    for (const t of batch.tables) await copyFrom(runner, t.table, t.columns, t.data);
    await runner.commitTransaction();
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

export async function loadSynthetic(o: SyntheticOptions): Promise<SyntheticStats> {
  const started = performance.now();
  const writer = o.writer ?? 'copy';
  const lanes = o.lanes ?? 2;
  const batchSize = o.batchSize ?? 5000;
  const seed = o.seed ?? 1;
  const rng = new Rng(seed);
  const dataSource = createDataSource(o.databaseUrl, { poolSize: lanes + 1, applicationName: 'amnesty-synthetic' });
  await dataSource.initialize();
  const pool =
    writer === 'copy' && (o.workers ?? 2) > 0
      ? new WorkerPool<BatchInput, CopyBatch>(
          new URL('./generate-worker.js', import.meta.url),
          o.workers ?? 2,
          undefined,
          GENERATOR_THREAD_LIMITS,
        )
      : null;
  try {
    const setup = await dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SYNTHETIC_LOCK]);
      const facilities = await ensureSyntheticOrg(manager, rng.fork('org'), o.facilities ?? 100);
      const round = await ensureSyntheticRound(manager, rng.fork('round'), o.presetCode ?? 'QD-1244-2025');
      const [{ n, now }] = await manager.query('SELECT count(*)::int AS n, now() FROM dossiers WHERE round_id = $1', [
        round.id,
      ]);
      return { facilities, round, offset: n as number, startedAt: now as Date };
    });
    const input = (index: number): BatchInput => ({
      seed,
      index,
      from: setup.offset + index * batchSize + 1,
      count: Math.min(batchSize, o.dossiers - index * batchSize),
      round: setup.round,
      facilities: setup.facilities,
    });
    const rowsByTable: Record<string, number> = {};
    let done = 0;
    const total = Math.ceil(o.dossiers / batchSize);
    const progress = (count: number) => {
      done += count;
      o.onProgress?.(done, o.dossiers);
    };
    if (writer === 'bulk') {
      await runPipeline({
        total,
        ahead: 1,
        lanes,
        produce: async (index) => generateRows(input(index)),
        consume: async (rows, index) => {
          for (const [key, table] of DOSSIER_TABLES) rowsByTable[table] = (rowsByTable[table] ?? 0) + rows[key].length;
          await dataSource.transaction((manager) => writeDossierRows(manager, rows));
          progress(input(index).count);
        },
      });
    } else {
      await runPipeline({
        total,
        ahead: (o.workers ?? 2) + 1,
        lanes,
        produce: (index) => (pool ? pool.run(input(index)) : Promise.resolve(generateCopyBatch(input(index)))),
        consume: async (batch) => {
          for (const t of batch.tables) rowsByTable[t.table] = (rowsByTable[t.table] ?? 0) + t.rows;
          await writeCopyBatch(dataSource, batch);
          progress(batch.count);
        },
      });
    }
    const rows = Object.values(rowsByTable).reduce((s, n) => s + n, 0);
    // Planner statistics for the tables just filled, rather than waiting for autovacuum to notice.
    await dataSource.query(`ANALYZE ${DOSSIER_TABLES.map(([, table]) => table).join(', ')}`);
    const { audit, close } = createStandaloneAudit(dataSource, {
      ...loadConfig(),
      audit: o.audit ?? loadConfig().audit,
    });
    await dataSource.transaction(async (manager) => {
      // The versions this load wrote: the round's dossiers written since it started.
      const ids: { id: string }[] = await manager.query(
        `SELECT d.id FROM dossiers d JOIN dossier_versions v ON v.dossier_id = d.id AND v.version = 1
         WHERE d.round_id = $1 AND v.created_at >= $2`,
        [setup.round.id, setup.startedAt],
      );
      await audit.record(manager, {
        actor: { id: null, name: 'seed' },
        action: 'seed.synthetic',
        entityType: 'round',
        entityId: setup.round.id,
        after: { roundCode: setup.round.code, dossiers: o.dossiers, rows, seed, writer },
        rows: [protectedRows.firstVersions(ids.map((r) => r.id))],
      });
    });
    const seconds = (performance.now() - started) / 1000;
    const screening = o.screen ? await screenRound(dataSource, audit, setup.round.id) : null;
    await close();
    return {
      roundCode: setup.round.code,
      roundId: setup.round.id,
      writer,
      dossiers: o.dossiers,
      rows,
      rowsByTable,
      seconds,
      screening,
    };
  } finally {
    await pool?.close();
    await dataSource.destroy();
  }
}

// The whole round, every dossier of it (not only the batch just loaded), through the screening service on its worker
// threads, as an administrator's screening from the API would run it.
export async function screenRound(
  dataSource: DataSource,
  audit: AuditService,
  roundId: string,
): Promise<NonNullable<SyntheticStats['screening']>> {
  const started = performance.now();
  const config = loadConfig();
  const screenings = new ScreeningService(
    dataSource,
    new EligibilityRepository(),
    new ScreeningRepository(dataSource),
    audit,
    new ScopeService(new ScopeRepository()),
    { screeningThreads: config.screeningThreads, screeningBatchSize: config.screeningBatchSize },
  );
  const screening = await screenings.create({ id: null, name: 'seed' }, null, roundId);
  const done = await screenings.run(screening.id);
  if (done.status !== 'DONE') throw new Error(`Rà soát đợt tổng hợp không thành công: ${done.error}`);
  const rows: { outcome: string; n: number }[] = await dataSource.query(
    `SELECT outcome, count(*)::int AS n FROM eligibility_results WHERE screening_id = $1 GROUP BY outcome`,
    [screening.id],
  );
  return {
    dossiers: done.done,
    seconds: (performance.now() - started) / 1000,
    outcomes: Object.fromEntries(rows.map((r) => [r.outcome, r.n])),
  };
}
