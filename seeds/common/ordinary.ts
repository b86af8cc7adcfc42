import type { DossierPlan } from './dossier-builder.js';
import { MILITARY_OFFENCE_WEIGHTS, ORDINARY_OFFENCE_WEIGHTS } from './data/offences.js';
import { OFFENCES_1999, ORDINARY_OFFENCE_WEIGHTS_1999 } from './data/offences-1999.js';
import type { Rng } from './prng.js';

// An ordinary candidate: one offence, a fixed term, time served scattered around the one-third threshold, mostly
// good conduct and paid obligations, so a screening yields a realistic mix of verdicts.
export function ordinaryPlan(rng: Rng, o: { era1999: boolean; military: boolean }): DossierPlan {
  const weights = o.era1999
    ? ORDINARY_OFFENCE_WEIGHTS_1999
    : o.military
      ? MILITARY_OFFENCE_WEIGHTS
      : ORDINARY_OFFENCE_WEIGHTS;
  const around = 0.38 + (rng.next() + rng.next() + rng.next() - 1.5) * 0.2;
  const plan: DossierPlan = {
    offences: [{ article: rng.weighted(weights) }],
    servedFraction: Math.min(0.8, Math.max(0.15, around)),
    conduct: rng.weighted([
      ['GOOD', 85],
      ['ONE_AVERAGE', 8],
      ['RECENT_POOR', 7],
    ] as const),
    civil: rng.weighted([
      ['PAID', 85],
      ['PARTIAL_HARDSHIP', 8],
      ['CREDITOR_WAIVER', 4],
      ['TERMINATED', 3],
    ] as const),
    bail: rng.chance(0.05),
    yearOnlyBirth: rng.chance(0.03),
  };
  if (o.era1999) plan.catalogue = OFFENCES_1999;
  return plan;
}
