import type { EntityManager } from 'typeorm';
import { ownCpuSeconds, pgCpuSeconds } from './process-tree.js';

// Timing helpers of bench:pipeline.

export async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const result = await work();
  return [Number(process.hrtime.bigint() - start) / 1e6, result];
}

// Wall time and CPU time (this process and the embedded cluster, from /proc; NaN against an outside database): on a
// shared machine the neighbours stretch the wall time of both figures unevenly, the CPU time much less.
export async function metered<T>(dataDir: string | null, work: () => Promise<T>): Promise<[number, number, T]> {
  const cpu = () => (dataDir ? pgCpuSeconds(dataDir) * 1000 + ownCpuSeconds() * 1000 : NaN);
  const before = cpu();
  const [ms, result] = await timed(work);
  return [ms, cpu() - before, result];
}

// CPU milliseconds of the embedded cluster and of this process, apart: the hop hashes in this process while the
// database works, so the two overlap.
export function cpuSplit(dataDir: string | null): [number, number] {
  return [dataDir ? pgCpuSeconds(dataDir) * 1000 : NaN, ownCpuSeconds() * 1000];
}

export function cpuSince(before: [number, number], dataDir: string | null): string {
  const [pg, own] = cpuSplit(dataDir);
  if (Number.isNaN(pg)) return '';
  return `, CPU ${(pg - before[0]).toFixed(0).padStart(5)} ms PostgreSQL + ${(own - before[1]).toFixed(0).padStart(4)} ms here`;
}

// BENCH_PROFILE=1 prints the time of every statement of the hop, to see which step dominates; BENCH_PROFILE=explain
// also prints each statement's plan with its timings and buffers.
export function profiled(manager: EntityManager, dataDir: string | null = null): EntityManager {
  const proxy = Object.create(manager) as EntityManager;
  proxy.query = async (sql: string, params?: unknown[]) => {
    if (process.env.BENCH_PROFILE === 'explain' && /^\s*(WITH|INSERT|UPDATE|SELECT)/i.test(sql)) {
      // The plan of the statement as it runs here, then rolled back so the statement itself runs once as usual.
      await manager.query('SAVEPOINT bench_explain');
      const plan: { 'QUERY PLAN': string }[] = await manager.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      await manager.query('ROLLBACK TO SAVEPOINT bench_explain');
      console.log(plan.map((p) => `        | ${p['QUERY PLAN']}`).join('\n'));
    }
    const before = cpuSplit(dataDir);
    const [ms, result] = await timed(() => manager.query(sql, params));
    console.log(
      `  ${ms.toFixed(0).padStart(6)} ms${cpuSince(before, dataDir)}  ${sql.replace(/\s+/g, ' ').slice(0, 90)}`,
    );
    return result;
  };
  return proxy;
}
