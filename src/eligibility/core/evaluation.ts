import type { IsoDate } from '../../kernel/calendar-date.js';
import type { CategoryCode } from './categories.js';
import type { Confidence } from './round/round-parameters.js';
import type { RuleResult } from './rule.js';
import type { TimeFigures } from './time/time-figures.js';

export type DossierStatus = 'ELIGIBLE' | 'INELIGIBLE' | 'NEEDS_REVIEW';

export interface CategoryAttempt {
  category: CategoryCode;
  status: DossierStatus;
  failingRuleIds: string[];
  reviewRuleIds: string[];
}

export interface DossierEvaluation {
  status: DossierStatus;
  category: CategoryCode;
  categoryLabel: string;
  packId: string;
  packVersion: string;
  roundCode: string;
  // SHA-256 of the facts' canonical JSON, computed when first read.
  readonly factsHash: string;
  figures: TimeFigures;
  // One result per rule of the pack and of the round's list, passed or not, for the category used.
  results: RuleResult[];
  failingRuleIds: string[];
  reviewRuleIds: string[];
  toConfirm: Array<{ ruleId: string; reason: string }>;
  missingEvidence: string[];
  almostEligible: Array<{ ruleId: string; metOn: IsoDate | null }>;
  // Round parameters below 'V' confidence that the result rests on.
  reliesOn: Array<{ ruleId: string; label: string; source: string; confidence: Confidence }>;
  // Every category tried, so a reader sees why a claimed special category was not used.
  attempts: CategoryAttempt[];
}
