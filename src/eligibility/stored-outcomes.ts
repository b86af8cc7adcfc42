import type { Outcome, RuleResult } from './core/index.js';

// Each rule's outcome in a stored result: as a map from rule id to outcome (before format 2, and once read), or as the
// rules' ids in order with one letter per outcome in the same order (format 2, stored-result.ts), half the size.

export function outcomesOf(results: readonly RuleResult[]): Record<string, Outcome> {
  const out: Record<string, Outcome> = {};
  for (const r of results) out[r.ruleId] = r.outcome;
  return out;
}

// Each rule's outcome in format 2: the rules' ids in order, and one letter per outcome in the same order.
const OUTCOME_CODES: Readonly<Record<Outcome, string>> = {
  PASS: 'P',
  FAIL: 'F',
  NOT_APPLICABLE: 'N',
  NEEDS_EVIDENCE: 'E',
  NEEDS_REVIEW: 'R',
  TO_CONFIRM: 'C',
};
const CODE_OUTCOMES = new Map(Object.entries(OUTCOME_CODES).map(([outcome, code]) => [code, outcome]));

export function outcomeCodes(results: readonly RuleResult[]): [string[], string] {
  const ids = new Array<string>(results.length);
  let codes = '';
  for (let i = 0; i < results.length; i++) {
    ids[i] = results[i].ruleId;
    codes += OUTCOME_CODES[results[i].outcome];
  }
  return [ids, codes];
}

// The outcomes of format 2 as they were stored before it (`outcomesOf`).
export function outcomesFrom(stored: unknown): unknown {
  if (!Array.isArray(stored) || !Array.isArray(stored[0]) || typeof stored[1] !== 'string') return stored;
  const [ids, codes] = stored as [string[], string];
  const out: Record<string, string | undefined> = {};
  for (let i = 0; i < ids.length; i++) out[ids[i]] = CODE_OUTCOMES.get(codes[i]);
  return out;
}
