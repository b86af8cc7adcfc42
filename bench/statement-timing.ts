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

// BENCH_PROFILE=1 prints the time of every statement of the hop, to see which step dominates; BENCH_PROFILE=explain
// also prints each statement's plan with its timings and buffers.
export function profiled(manager: EntityManager): EntityManager {
  const proxy = Object.create(manager) as EntityManager;
  proxy.query = async (sql: string, params?: unknown[]) => {
    if (process.env.BENCH_PROFILE === 'explain' && /^\s*(WITH|INSERT|UPDATE|SELECT)/i.test(sql)) {
      // The plan of the statement as it runs here, then rolled back so the statement itself runs once as usual.
      await manager.query('SAVEPOINT bench_explain');
      const plan: { 'QUERY PLAN': string }[] = await manager.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      await manager.query('ROLLBACK TO SAVEPOINT bench_explain');
      console.log(plan.map((p) => `        | ${p['QUERY PLAN']}`).join('\n'));
    }
    const [ms, result] = await timed(() => manager.query(sql, params));
    console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 90)}`);
    return result;
  };
  return proxy;
}
