import type { CategoryCode } from '../categories.js';
import type { DossierContext } from '../context.js';
import type { ClaimedCategory } from '../facts.js';
import type { Fraction, RoundParameters } from '../round/round-parameters.js';
import type { Citation, Rule } from '../rule.js';

export interface CategoryDefinition {
  code: CategoryCode;
  citation: Citation;
  // The special circumstance that claims this category, if a claim is needed.
  claimedAs?: ClaimedCategory;
  // Categories that follow from the facts alone (age) are tried whenever this says they may apply.
  derived?: (ctx: DossierContext) => boolean;
}

// The law's own floors: a round may be stricter, never more lenient (checked by the round validator).
export interface LawMinimums {
  generalFraction: Fraction;
  generalLifeYears: number;
  heavyFraction: Fraction | null;
  heavyLifeYears: number | null;
  citation: Citation;
}

export interface RulePack {
  id: string;
  version: string;
  title: string;
  lawMinimums: LawMinimums;
  aggregationCapYears: number;
  categories: CategoryDefinition[];
  rules: Rule[];
  // Rules built from the round's own exclusion list; the engine caches them per round object.
  roundRules: (round: RoundParameters) => Rule[];
}
