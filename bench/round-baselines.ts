import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { bareBaseline } from './load-baseline.js';
import type { PhaseFigures } from './phase-meter.js';
import type { ForwardTiming } from './round-dry-run.js';
import { singleCertificateBaseline } from './round-certificates.js';

// The goals of issue 19's second point, each as a ratio against a baseline measured in the same run, after the dry
// run (the baselines write rows of their own, so they come once the round's audit has been verified).

class RollbackSignal extends Error {}

const s = (seconds: number) => `${seconds.toFixed(2)} s`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

export async function roundBaselines(o: {
  dataSource: DataSource;
  url: string;
  dataDir: string;
  roundId: string;
  dossiers: number;
  figures: readonly PhaseFigures[];
  forwards: readonly ForwardTiming[];
  // The screening's baseline, read right after it (the walk then moves the dossiers on).
  read: { dossiers: number; seconds: number } | null;
}): Promise<string[]> {
  const lines = ['', 'phase goals against baselines measured in this run:'];
  const phase = (name: string) => o.figures.find((f) => f.name === name);
  // The time goals are for 150,000 dossiers: a run of at least 50,000 is scaled to it linearly; a smaller one has too
  // large a share of fixed costs to say anything about it.
  const at150k = (seconds: number, goal: number) => {
    if (o.dossiers < 50_000) return `goal ≤ ${goal} s at 150,000: run at 150,000 to compare`;
    const scaled = (seconds * 150_000) / o.dossiers;
    return `at 150,000 ≈ ${s(scaled)}${o.dossiers === 150_000 ? '' : ' scaled linearly'}, goal ≤ ${goal} s: ${verdict(scaled <= goal)}`;
  };

  const screening = phase('screening');
  if (screening && o.read) {
    const ratio = screening.seconds / o.read.seconds;
    lines.push(
      `  screening ${o.read.dossiers.toLocaleString('en')} dossiers: ${s(screening.seconds)} vs reading them ${s(o.read.seconds)} = ${ratio.toFixed(2)}× ` +
        `(goal ≤ 1.6×: ${verdict(ratio <= 1.6)}; ${at150k(screening.seconds, 8)})`,
    );
  }

  const load = phase('load');
  if (load) {
    const bare = await bareBaseline(o.url, o.dataDir, o.dossiers);
    const ratio = load.seconds / bare.seconds;
    lines.push(
      `  loading ${o.dossiers.toLocaleString('en')} full dossiers: ${s(load.seconds)} vs the same number of bare rows ${s(bare.seconds)} = ${ratio.toFixed(1)}× ` +
        `(${at150k(load.seconds, 30)})`,
    );
  }

  // The largest single hop of the run against a bare UPDATE of the same rows, rolled back.
  const largest = [...o.forwards].sort((a, b) => b.names - a.names)[0];
  if (largest) {
    const t0 = performance.now();
    await o.dataSource
      .transaction(async (m) => {
        await m.query(
          `UPDATE dossiers SET stage = stage, version = version + 1, updated_at = now()
           WHERE id IN (SELECT dossier_id FROM list_entries WHERE list_id = $1)`,
          [largest.listId],
        );
        throw new RollbackSignal();
      })
      .catch((e) => {
        if (!(e instanceof RollbackSignal)) throw e;
      });
    const bareSeconds = (performance.now() - t0) / 1000;
    const ratio = largest.seconds / bareSeconds;
    const per15k = (largest.seconds * 15_000) / largest.names;
    lines.push(
      `  one stage move, the largest of the run (${largest.by}, ${largest.names.toLocaleString('en')} names): ${s(largest.seconds)} vs a bare UPDATE of the same rows ${s(bareSeconds)} = ${ratio.toFixed(1)}× ` +
        `(goal ≤ 1.6×: ${verdict(ratio <= 1.6)}; per 15,000 names ≈ ${s(per15k)} scaled linearly, goal ≤ 0.6 s: ${verdict(per15k <= 0.6)})`,
    );
  }
  lines.push('  national list cold and re-issued after one change: not in the dry run yet (documents are not walked)');
  return lines;
}

// The certificates' phase against the goal (22,000 in ≤ 60 s, scaled linearly from the run's count) and against the
// same certificates printed one document each, unsigned, through the same renderer (a sample's mean × the count).
export async function certificatesGoal(
  app: INestApplicationContext,
  roundId: string,
  figures: readonly PhaseFigures[],
): Promise<string> {
  const phase = figures.find((f) => f.name.startsWith('certificates for everyone'));
  if (!phase || phase.count === 0) return '  certificates: none issued in this run';
  const at22k = (phase.seconds * 22_000) / phase.count;
  const single = await singleCertificateBaseline(app, roundId);
  const ratio = single ? `${(phase.seconds / single.extrapolated).toFixed(2)}×` : 'n/a';
  return (
    `  ${phase.count.toLocaleString('en')} certificates in batches per facility: ${s(phase.seconds)} ` +
    `(at 22,000 ≈ ${s(at22k)} scaled linearly with the per-document costs of this run's small batches, so an upper bound; goal ≤ 60 s: ${verdict(at22k <= 60)}; bench:certificates measures 22,000) vs one unsigned document per ` +
    `certificate ${single ? `${s(single.perDocument)} each × ${single.certificates} = ${s(single.extrapolated)}` : 'n/a'} = ${ratio}`
  );
}
