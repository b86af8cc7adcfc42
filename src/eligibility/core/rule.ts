import type { IsoDate } from '../../kernel/calendar-date.js';
import type { RuleContext } from './context.js';
import type { Confidence } from './round/round-parameters.js';

// PASS: the condition holds (for an exclusion: the person is not in the excluded case).
// FAIL: it does not. NOT_APPLICABLE: the rule does not concern this dossier or category.
// NEEDS_EVIDENCE: a document is missing, unreadable, out of date or issued at too low a level.
// NEEDS_REVIEW: the round leaves a needed value unknown, or a concern is recorded against a judgment call.
// TO_CONFIRM: a judgment the law leaves to people, with nothing recorded against it; listed, not blocking.
export type Outcome = 'PASS' | 'FAIL' | 'NOT_APPLICABLE' | 'NEEDS_EVIDENCE' | 'NEEDS_REVIEW' | 'TO_CONFIRM';

export type RuleKind = 'SCOPE' | 'CONDITION' | 'EXCLUSION' | 'CATEGORY_EVIDENCE' | 'DOSSIER';

// Laws and decrees are cited by Điều/khoản/điểm; the Council's guidance by its numbered section (mục).
export interface Citation {
  instrument: string;
  article?: number;
  clause?: number;
  point?: string;
  section?: string;
  text: string;
}

export type InputValue = string | number | boolean | null;
export type Operator = '>=' | '<=' | '>' | '<' | '=' | '!=' | 'in' | 'not in';

// One comparison the rule made, both sides recorded; `source` and `confidence` describe the expected side
// when it comes from the round's parameters.
export interface Comparison {
  label: string;
  actual: InputValue;
  operator: Operator;
  expected: InputValue;
  source?: string;
  confidence?: Confidence;
}

export interface RuleResult {
  ruleId: string;
  outcome: Outcome;
  reason: string;
  inputs: Comparison[];
  missingEvidence?: string[];
  // For an unmet time or conduct threshold: the day it will be met if custody and conduct continue,
  // or null when it cannot be met in this sentence.
  metOn?: IsoDate | null;
}

export interface Rule {
  id: string;
  title: string;
  kind: RuleKind;
  citation: Citation;
  alsoCites?: Citation[];
  judgmentCall?: boolean;
  // Returns why the rule does not concern this dossier, or null when it does.
  notApplicable?: (ctx: RuleContext) => string | null;
  evaluate: (ctx: RuleContext) => RuleResult;
}

export function formatCitation(c: Citation): string {
  const parts: string[] = [];
  if (c.point) parts.push(`điểm ${c.point}`);
  if (c.clause !== undefined) parts.push(`khoản ${c.clause}`);
  if (c.article !== undefined) parts.push(`Điều ${c.article}`);
  if (c.section !== undefined) parts.push(`mục ${c.section}`);
  return `${parts.join(' ')} ${c.instrument}`;
}

// A result that is the same for every dossier it fits, most often an exclusion's "not in the excluded case": built on
// first use, then shared, frozen, by every later evaluation, as the engine shares "does not apply" results.
export function fixedResult(build: () => RuleResult): () => RuleResult {
  let shared: RuleResult | null = null;
  return () => (shared ??= freezeResult(build()));
}

// Frozen down to each comparison, so that no reader of a shared result can change it for the others.
export function freezeResult(r: RuleResult): RuleResult {
  for (const c of r.inputs) Object.freeze(c);
  Object.freeze(r.inputs);
  if (r.missingEvidence) Object.freeze(r.missingEvidence);
  return Object.freeze(r);
}

export function result(
  rule: Pick<Rule, 'id'>,
  outcome: Outcome,
  reason: string,
  inputs: Comparison[],
  extra?: { missingEvidence?: string[]; metOn?: IsoDate | null },
): RuleResult {
  // Every result has every field, an absent one undefined (which JSON leaves out): the engine and the storage read
  // hundreds of thousands of results, and V8 deoptimises code that meets objects of many shapes at one place.
  return {
    ruleId: rule.id,
    outcome,
    reason,
    inputs,
    missingEvidence:
      extra?.missingEvidence !== undefined && extra.missingEvidence.length > 0 ? extra.missingEvidence : undefined,
    metOn: extra?.metOn,
  };
}
