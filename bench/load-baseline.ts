import { createDataSource } from '../src/database/data-source.js';
import { copyFrom } from '../src/database/pg-copy.js';
import { Rng } from '../seeds/common/prng.js';
import { type CopyTable, generateCopyBatch } from '../seeds/synthetic/synthetic-batch.js';
import { ensureSyntheticOrg } from '../seeds/synthetic/synthetic-org.js';
import { ensureSyntheticRound } from '../seeds/synthetic/synthetic-round.js';
import { pgCpuSeconds } from './process-tree.js';

// The floor of a load: bare `dossiers` rows (no children, no versions) through the loader's COPY path, shared by
// `bench:seed` and `bench:round`.

export interface Run {
  label: string;
  dossiers: number;
  rows: number;
  seconds: number;
  nodeCpu: number;
  pgCpu: number;
}

export async function measured(
  label: string,
  dataDir: string,
  dossiers: number,
  work: () => Promise<number>,
): Promise<Run> {
  const pg0 = pgCpuSeconds(dataDir);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const rows = await work();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { label, dossiers, rows, seconds, nodeCpu: (cpu.user + cpu.system) / 1e6, pgCpu: pgCpuSeconds(dataDir) - pg0 };
}

// The same number of `dossiers` rows, nothing else, through the same COPY path: the floor a full load is compared to.
export async function bareBaseline(url: string, dataDir: string, dossiers: number): Promise<Run> {
  const ds = createDataSource(url, { poolSize: 2 });
  await ds.initialize();
  try {
    const rng = new Rng(99);
    const { facilities, round } = await ds.transaction(async (m) => ({
      facilities: await ensureSyntheticOrg(m, rng, 100),
      round: await ensureSyntheticRound(m, rng, 'QD-1244-2025'),
    }));
    const batches: CopyTable[] = [];
    for (let i = 0; i * 5000 < dossiers; i++) {
      const batch = generateCopyBatch({
        seed: 99,
        index: i,
        from: 9_000_000 + i * 5000,
        count: Math.min(5000, dossiers - i * 5000),
        round,
        facilities,
      });
      batches.push(batch.tables.find((t) => t.table === 'dossiers')!);
    }
    return await measured(`bare dossiers ${dossiers.toLocaleString('en')}`, dataDir, dossiers, async () => {
      for (const t of batches) {
        const runner = ds.createQueryRunner();
        await runner.startTransaction();
        await copyFrom(runner, t.table, t.columns, t.data);
        await runner.commitTransaction();
        await runner.release();
      }
      return dossiers;
    });
  } finally {
    await ds.destroy();
  }
}
