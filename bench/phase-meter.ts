import { loadavg } from 'node:os';
import { ownCpuSeconds, pgCpuSeconds, pgPids, residentBytes, treeCpuSeconds } from './process-tree.js';

// Times one phase of a benchmark: wall time, CPU of this Node.js process (all its threads), of the embedded
// PostgreSQL cluster and of the other processes below this one (Chromium's browser and renderers, read from /proc),
// and the peak memory of each, sampled every second while the phase runs (the cluster's process list read again every
// fifth sample: reading /proc costs CPU that would count as the phase's).
export interface PhaseFigures {
  name: string;
  seconds: number;
  nodeCpu: number;
  pgCpu: number;
  // Every other process below this one: Chromium's (a browser recycled during the phase included).
  browserCpu: number;
  nodePeakBytes: number;
  pgPeakBytes: number;
  count: number;
  unit: string;
  note?: string;
  load: number;
}

const SAMPLE_MS = 1000;
const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;

export class PhaseMeter {
  constructor(private readonly dataDir: string) {}

  async measure<T extends { count: number; unit: string; note?: string }>(
    name: string,
    work: () => Promise<T>,
  ): Promise<PhaseFigures> {
    let nodePeak = process.memoryUsage.rss();
    let pgPeak = 0;
    let pids: number[] = [];
    let samples = 0;
    const sample = () => {
      nodePeak = Math.max(nodePeak, process.memoryUsage.rss());
      try {
        if (samples++ % 5 === 0) pids = pgPids(this.dataDir);
        pgPeak = Math.max(pgPeak, residentBytes(pids));
      } catch {
        // The cluster is between two states (a backend ending); the next sample reads it.
      }
    };
    sample();
    const timer = setInterval(sample, SAMPLE_MS);
    const node0 = ownCpuSeconds();
    const pg0 = pgCpuSeconds(this.dataDir);
    const tree0 = treeCpuSeconds();
    const t0 = performance.now();
    try {
      const outcome = await work();
      const seconds = (performance.now() - t0) / 1000;
      sample();
      const nodeCpu = ownCpuSeconds() - node0;
      const pgCpu = pgCpuSeconds(this.dataDir) - pg0;
      return {
        name,
        seconds,
        nodeCpu,
        pgCpu,
        browserCpu: Math.max(0, treeCpuSeconds() - tree0 - nodeCpu - pgCpu),
        nodePeakBytes: nodePeak,
        pgPeakBytes: pgPeak,
        count: outcome.count,
        unit: outcome.unit,
        note: outcome.note,
        load: loadavg()[0],
      };
    } finally {
      clearInterval(timer);
    }
  }

  static header(): string {
    return `${'phase'.padEnd(52)}${'wall s'.padStart(8)}${'node cpu'.padStart(10)}${'pg cpu'.padStart(8)}${'chromium'.padStart(10)}${'node peak'.padStart(11)}${'pg peak'.padStart(10)}${'load'.padStart(6)}  processed`;
  }

  static line(f: PhaseFigures): string {
    return (
      `${f.name.padEnd(52)}${f.seconds.toFixed(1).padStart(8)}${f.nodeCpu.toFixed(1).padStart(10)}${f.pgCpu.toFixed(1).padStart(8)}` +
      `${f.browserCpu.toFixed(1).padStart(10)}` +
      `${gb(f.nodePeakBytes).padStart(11)}${gb(f.pgPeakBytes).padStart(10)}${f.load.toFixed(1).padStart(6)}  ` +
      `${f.count.toLocaleString('en')} ${f.unit}${f.note ? ` (${f.note})` : ''}`
    );
  }

  static skipped(name: string, why: string): string {
    return `${name.padEnd(52)}${why}`;
  }

  static total(figures: readonly PhaseFigures[], wallSeconds: number): string {
    const sum = (k: 'seconds' | 'nodeCpu' | 'pgCpu' | 'browserCpu') => figures.reduce((s, f) => s + f[k], 0);
    const peak = (k: 'nodePeakBytes' | 'pgPeakBytes') => Math.max(0, ...figures.map((f) => f[k]));
    return (
      `${'total of the phases'.padEnd(52)}${sum('seconds').toFixed(1).padStart(8)}${sum('nodeCpu').toFixed(1).padStart(10)}` +
      `${sum('pgCpu').toFixed(1).padStart(8)}${sum('browserCpu').toFixed(1).padStart(10)}${gb(peak('nodePeakBytes')).padStart(11)}${gb(peak('pgPeakBytes')).padStart(10)}` +
      `        (with start-up and baselines' set-up: ${wallSeconds.toFixed(1)} s)`
    );
  }
}
