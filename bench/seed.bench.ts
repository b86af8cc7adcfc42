import 'reflect-metadata';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource } from '../src/database/data-source.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { runMigrations } from '../src/database/migrate.js';
import { copyFrom } from '../src/database/pg-copy.js';
import { CopyTable, generateCopyBatch } from '../seeds/synthetic/synthetic-batch.js';
import { loadSynthetic, SyntheticWriter } from '../seeds/synthetic/synthetic-loader.js';
import { auditConfigIn } from '../src/audit/standalone-audit.js';
import { ensureSyntheticOrg } from '../seeds/synthetic/synthetic-org.js';
import { ensureSyntheticRound } from '../seeds/synthetic/synthetic-round.js';
import { Rng } from '../seeds/common/prng.js';

// Loads full synthetic dossiers into a throw-away embedded PostgreSQL: the median of several smaller runs, one full
// run of 150,000, the project's own INSERT writer for comparison, and a baseline of the same number of bare `dossiers`
// rows (no children, no versions) written by COPY in the same cluster. BENCH_DURABLE=1 adds a full run with the
// default durable settings (fsync on).
const SMALL = Number(process.env.BENCH_SMALL ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FULL = Number(process.env.BENCH_FULL ?? 150_000);
const GOAL_SECONDS = 60;

interface Run {
  label: string;
  dossiers: number;
  rows: number;
  seconds: number;
  nodeCpu: number;
  pgCpu: number;
}

// CPU seconds of the cluster: the postmaster, its live backends, and the backends it has already reaped.
function pgCpuSeconds(dataDir: string): number {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(entry) === postmaster) ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    else if (Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks / 100;
}

async function withCluster<T>(fast: boolean, body: (url: string, dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'amnesty-seed-bench-'));
  const db = await startEmbeddedPostgres({ dataDir, persistent: false, fast });
  try {
    await runMigrations(db.url);
    return await body(db.url, dataDir);
  } finally {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measured(label: string, dataDir: string, dossiers: number, work: () => Promise<number>): Promise<Run> {
  const pg0 = pgCpuSeconds(dataDir);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const rows = await work();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { label, dossiers, rows, seconds, nodeCpu: (cpu.user + cpu.system) / 1e6, pgCpu: pgCpuSeconds(dataDir) - pg0 };
}

function synthetic(
  url: string,
  dataDir: string,
  dossiers: number,
  writer: SyntheticWriter,
  seed: number,
): Promise<Run> {
  return measured(
    `${writer} ${dossiers.toLocaleString('en')}`,
    dataDir,
    dossiers,
    async () =>
      (await loadSynthetic({ databaseUrl: url, dossiers, writer, seed, audit: auditConfigIn(join(dataDir, 'audit')) }))
        .rows,
  );
}

// The same number of `dossiers` rows, nothing else, through the same COPY path: the floor a full load is compared to.
async function bareBaseline(url: string, dataDir: string, dossiers: number): Promise<Run> {
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
        await copyFrom(runner, t.table, t.columns, Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength));
        await runner.commitTransaction();
        await runner.release();
      }
      return dossiers;
    });
  } finally {
    await ds.destroy();
  }
}

function line(r: Run): string {
  return (
    `${r.label.padEnd(24)} ${r.seconds.toFixed(1).padStart(7)} s ${Math.round(r.dossiers / r.seconds)
      .toLocaleString('en')
      .padStart(8)} dossiers/s ` +
    `${Math.round(r.rows / r.seconds)
      .toLocaleString('en')
      .padStart(9)} rows/s   CPU node ${r.nodeCpu.toFixed(1)} s, PostgreSQL ${r.pgCpu.toFixed(1)} s ` +
    `(${Math.round(((r.nodeCpu + r.pgCpu) * 1e6) / r.dossiers)} µs/dossier)`
  );
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  console.log(`seed bench: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at start`);
  const small: Run[] = [];
  await withCluster(true, async (url, dir) => {
    for (let i = 0; i < RUNS; i++) {
      small.push(await synthetic(url, dir, SMALL, 'copy', i + 1));
      console.log(line(small[i]));
    }
    const bulk = await synthetic(url, dir, SMALL, 'bulk', 50);
    console.log(line(bulk));
    const bare = await bareBaseline(url, dir, SMALL);
    console.log(line(bare));
    const med = median(small.map((r) => r.seconds));
    console.log(
      `median of ${RUNS} × ${SMALL.toLocaleString('en')}: ${med.toFixed(1)} s, ${Math.round(SMALL / med).toLocaleString('en')} dossiers/s; ` +
        `full dossiers cost ${(med / bare.seconds).toFixed(1)}× the bare rows; the project's INSERT writer takes ${(bulk.seconds / med).toFixed(1)}× as long as COPY`,
    );
  });
  const full = await withCluster(true, (url, dir) => synthetic(url, dir, FULL, 'copy', 7));
  console.log(line(full));
  const verdict =
    FULL >= 150_000 ? ` — goal ${GOAL_SECONDS} s for 150,000 ${full.seconds <= GOAL_SECONDS ? 'met' : 'missed'}` : '';
  console.log(`full ${FULL.toLocaleString('en')} (fsync off): ${full.seconds.toFixed(1)} s${verdict}`);
  if (process.env.BENCH_DURABLE === '1') {
    const durable = await withCluster(false, (url, dir) => synthetic(url, dir, FULL, 'copy', 8));
    console.log(line(durable));
    console.log(`full ${FULL.toLocaleString('en')} (durable defaults): ${durable.seconds.toFixed(1)} s`);
  }
  console.log(`load average ${loadavg()[0].toFixed(1)} at the end (other work on the machine slows every figure)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
