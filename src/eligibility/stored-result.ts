import type { DossierDocument } from '../dossiers/dossier-format.js';
import { almostEligibleOn } from './almost-eligible.js';
import {
  evaluateDossier,
  formatCitation,
  RULE_PACKS,
  type DossierEvaluation,
  type EligibilityFacts,
  type Outcome,
  type RoundParameters,
  type Rule,
  type RuleResult,
} from './core/index.js';
import { councilDateOf, heldDate, type CouncilDate, type RecordedCouncilDates } from './council-date.js';
import { dossierToFacts } from './dossier-to-facts.js';
import { outcomeCodes, outcomesOf } from './stored-outcomes.js';
import type { RelianceSet } from './stored-reliances.js';

// What is stored per dossier: the verdict, the figures and the findings (every rule that did not pass, with its
// reason), plus each rule's outcome. The full rule-by-rule working, with both sides of every comparison, is
// recomputed on demand from the pinned dossier version; the stored facts hash proves it is the same input.
// Storing the whole working would be ~13 KB a dossier, 2 GB for a 150,000-dossier round.
// A result is stored in format 2 (`compactSummary`): the round values it rests on as references to
// eligibility_reliances (stored-reliances.ts), and the conditions met without the title and citation their rule
// carries. The one reader (stored-result-reader.ts) gives either format back as `storedSummary`'s shape.
export const RESULT_FORMAT = 2;

export interface StoredResultRow {
  dossier_id: string;
  dossier_version: number;
  round_id: string;
  screening_id: string | null;
  pack_id: string;
  pack_version: string;
  facts_hash: string;
  outcome: string;
  category: string | null;
  // The result rests on round values of confidence K or ? (its `reliesOn` is not empty): lists filter on it.
  relies_on_unverified: boolean;
  result: unknown;
}

export const RESULT_TABLE = 'eligibility_results';
export const RESULT_COLUMNS = [
  'dossier_id',
  'dossier_version',
  'round_id',
  'screening_id',
  'pack_id',
  'pack_version',
  'facts_hash',
  'outcome',
  'category',
  'relies_on_unverified',
  'result',
] as const;

// One dossier evaluated as a screening, a filing or a re-explanation does it: the facts mapped, the camp council's
// meeting date chosen by precedence (council-date.ts), the rules run.
export function evaluateDocument(
  document: DossierDocument,
  round: RoundParameters,
  recorded: RecordedCouncilDates = { decision: null, facility: null },
): { evaluation: DossierEvaluation; council: CouncilDate } {
  return evaluateFacts(dossierToFacts(document), round, recorded);
}

// The same from the facts mapped without a recorded date (as stored, stored-facts.ts): their meeting date is the one
// the document carries, which a date recorded with the council's decision or the facility's meeting replaces as
// dossierToFacts' own option would.
export function evaluateFacts(
  facts: EligibilityFacts,
  round: RoundParameters,
  recorded: RecordedCouncilDates = { decision: null, facility: null },
): { evaluation: DossierEvaluation; council: CouncilDate } {
  const council = councilDateOf(facts.councilMeetingDate, recorded, round);
  const councilMeetingDate = heldDate(council) ?? facts.councilMeetingDate;
  return { evaluation: evaluateDossier({ ...facts, councilMeetingDate }, round), council };
}

// The round values below 'V' confidence a result rests on, once each (a value read by several rules is listed with
// the first of them).
// Keyed by label, then source, as they are: a key joined from the two long texts cost a new string, flattened and
// hashed, per value per dossier.
function reliesOnOf(e: DossierEvaluation): DossierEvaluation['reliesOn'] {
  const seen = new Map<string, Set<string>>();
  const out: DossierEvaluation['reliesOn'] = [];
  for (const r of e.reliesOn) {
    let sources = seen.get(r.label);
    if (!sources) seen.set(r.label, (sources = new Set()));
    else if (sources.has(r.source)) continue;
    sources.add(r.source);
    out.push(r);
  }
  return out;
}

// The shape a result had before format 2, and has again once read. Members left undefined are not written.
export function storedSummary(e: DossierEvaluation, council: CouncilDate) {
  return summaryFields(e, council, {
    outcomes: outcomesOf(e.results),
    reliesOn: reliesOnOf(e),
    thresholds: metConditions(e)?.map((c) => thresholdOf(e.packId, c)),
  });
}

// What is stored: format 2.
export function compactSummary(e: DossierEvaluation, council: CouncilDate, reliances: RelianceSet) {
  const reliesOn = reliesOnOf(e);
  const refs = new Array<[string, string]>(reliesOn.length);
  for (let i = 0; i < reliesOn.length; i++) refs[i] = reliances.refer(reliesOn[i]);
  return summaryFields(e, council, {
    outcomes: outcomeCodes(e.results),
    reliances: refs,
    thresholds: metConditions(e),
  });
}

function summaryFields<O, T>(
  e: DossierEvaluation,
  council: CouncilDate,
  parts: {
    outcomes: O;
    reliesOn?: DossierEvaluation['reliesOn'];
    reliances?: Array<[string, string]>;
    thresholds: T[] | undefined;
  },
) {
  // Keys in the order results were always stored in, `reliances` in the place of `reliesOn`.
  return {
    format: parts.reliances ? RESULT_FORMAT : undefined,
    status: e.status,
    category: e.category,
    categoryLabel: e.categoryLabel,
    packId: e.packId,
    packVersion: e.packVersion,
    roundCode: e.roundCode,
    factsHash: e.factsHash,
    figures: e.figures,
    failingRuleIds: e.failingRuleIds,
    reviewRuleIds: e.reviewRuleIds,
    missingEvidence: e.missingEvidence,
    almostEligible: e.almostEligible,
    almostEligibleOn: almostEligibleOn(e),
    attempts: e.attempts,
    outcomes: parts.outcomes,
    results: findingsOf(e.results),
    reliesOn: parts.reliesOn,
    reliances: parts.reliances,
    council,
    thresholds: parts.thresholds,
  };
}

// The conditions met, each with its sentence (figures filled in): what the proposal sheet of an eligible dossier
// states, each with its rule's title and article (`thresholdOf`). Kept only when nothing failed, to keep a screening's
// rows small.
function metConditions(e: DossierEvaluation): MetCondition[] | undefined {
  if (e.status !== 'ELIGIBLE') return undefined;
  const rules = ruleIndex(e.packId);
  const out: MetCondition[] = [];
  for (const r of e.results) {
    const rule = rules.get(r.ruleId);
    if (r.outcome !== 'PASS' || !rule || (rule.kind !== 'CONDITION' && rule.kind !== 'CATEGORY_EVIDENCE')) continue;
    out.push({ ruleId: r.ruleId, reason: r.reason });
  }
  return out;
}

export interface MetCondition {
  ruleId: string;
  reason: string;
}

export interface StoredThreshold {
  ruleId: string;
  title: string;
  reason: string;
  citation: string;
}

export function thresholdOf(packId: string, c: MetCondition): StoredThreshold {
  const rule = ruleIndex(packId).get(c.ruleId);
  return { ruleId: c.ruleId, title: rule?.title ?? c.ruleId, reason: c.reason, citation: citationOf(rule) };
}

const CITATIONS = new WeakMap<Rule, string>();

function citationOf(rule: Rule | undefined): string {
  if (!rule) return '';
  let citation = CITATIONS.get(rule);
  if (citation === undefined) CITATIONS.set(rule, (citation = formatCitation(rule.citation)));
  return citation;
}

const RULE_INDEX = new Map<string, Map<string, Rule>>();

export function ruleIndex(packId: string): Map<string, Rule> {
  let index = RULE_INDEX.get(packId);
  if (!index) {
    index = new Map((RULE_PACKS[packId]?.rules ?? []).map((r) => [r.id, r]));
    RULE_INDEX.set(packId, index);
  }
  return index;
}

// Every result that did not pass or apply, without its comparisons.
function findingsOf(results: readonly RuleResult[]): Omit<RuleResult, 'inputs'>[] {
  const out: Omit<RuleResult, 'inputs'>[] = [];
  for (const r of results) {
    if (r.outcome === 'PASS' || r.outcome === 'NOT_APPLICABLE') continue;
    // Absent fields stay undefined, as in the result itself, and JSON leaves them out.
    out.push({
      ruleId: r.ruleId,
      outcome: r.outcome,
      reason: r.reason,
      missingEvidence: r.missingEvidence,
      metOn: r.metOn,
    });
  }
  return out;
}

export function toStoredRow(
  { evaluation: e, council }: { evaluation: DossierEvaluation; council: CouncilDate },
  d: { id: string; version: number },
  roundId: string,
  screeningId: string | null,
  reliances: RelianceSet,
): StoredResultRow {
  const result = compactSummary(e, council, reliances);
  return {
    dossier_id: d.id,
    dossier_version: d.version,
    round_id: roundId,
    screening_id: screeningId,
    pack_id: e.packId,
    pack_version: e.packVersion,
    facts_hash: e.factsHash,
    outcome: e.status,
    category: e.category,
    relies_on_unverified: result.reliances!.length > 0,
    result,
  };
}
