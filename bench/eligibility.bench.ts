// `npm run bench:eligibility`. Each part prints its own block; further parts (e.g. screening through the database)
// are added to PARTS.
import { benchEligibilityEngine, formatEngineBench } from './eligibility-engine.js';
import { benchScreening } from './eligibility-screening.js';

const PARTS: Array<{ name: string; run: () => Promise<string> | string }> = [
  {
    name: 'pure engine',
    run: () => formatEngineBench(benchEligibilityEngine({ dossiers: Number(process.env.BENCH_DOSSIERS ?? 100_000) })),
  },
  {
    name: 'screening a round from the database',
    run: () =>
      benchScreening({
        dossiers: Number(process.env.BENCH_ROUND_DOSSIERS ?? 150_000),
        runs: Number(process.env.BENCH_RUNS ?? 3),
      }),
  },
];

for (const part of PARTS) {
  console.log(`== ${part.name} ==`);
  console.log(await part.run());
}
