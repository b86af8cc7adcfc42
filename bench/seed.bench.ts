import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { runMigrations } from '../src/database/migrate.js';
import { loadSynthetic, SyntheticWriter } from '../seeds/synthetic/synthetic-loader.js';
import { auditConfigIn } from '../src/audit/standalone-audit.js';
import { bareBaseline, measured, type Run } from './load-baseline.js';
import { upperMedian as median } from './median.js';

// Loads full synthetic dossiers into a throw-away embedded PostgreSQL: the median of several smaller runs, one full
// run of 150,000, the project's own INSERT writer for comparison, and a baseline of the same number of bare `dossiers`
// rows (no children, no versions) written by COPY in the same cluster. The full load runs BENCH_FULL_RUNS times (each
// in a cluster of its own, followed there by the bare baseline of the same size) and is compared, as a median, with
// the goal of 30 s for 150,000 dossiers. BENCH_DURABLE=1 adds a full run with the default durable settings (fsync on).
const SMALL = Number(process.env.BENCH_SMALL ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FULL = Number(process.env.BENCH_FULL ?? 150_000);
const FULL_RUNS = Number(process.env.BENCH_FULL_RUNS ?? 1);
const GOAL_SECONDS = 30;

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
  const fulls: { full: Run; bare: Run }[] = [];
  for (let i = 0; i < FULL_RUNS; i++) {
    fulls.push(
      await withCluster(true, async (url, dir) => {
        const full = await synthetic(url, dir, FULL, 'copy', 7);
        console.log(line(full));
        const bare = await bareBaseline(url, dir, FULL);
        console.log(line(bare));
        return { full, bare };
      }),
    );
  }
  const seconds = median(fulls.map((f) => f.full.seconds));
  const cpu = median(fulls.map((f) => f.full.nodeCpu + f.full.pgCpu));
  const ratio = median(fulls.map((f) => f.full.seconds / f.bare.seconds));
  const cpuRatio = median(fulls.map((f) => (f.full.nodeCpu + f.full.pgCpu) / (f.bare.nodeCpu + f.bare.pgCpu)));
  const verdict =
    FULL >= 150_000 ? ` — goal ${GOAL_SECONDS} s for 150,000 ${seconds <= GOAL_SECONDS ? 'met' : 'missed'}` : '';
  console.log(
    `full ${FULL.toLocaleString('en')} (fsync off), median of ${FULL_RUNS}: ${seconds.toFixed(1)} s, ${cpu.toFixed(1)} CPU-s; ` +
      `${ratio.toFixed(1)}× the bare rows' time, ${cpuRatio.toFixed(1)}× their CPU${verdict}`,
  );
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
