import { RULE_PACKS } from '../../eligibility/core/packs/index.js';
import { formatCitation, type Rule, type RuleResult } from '../../eligibility/core/rule.js';
import { formatDate } from '../render/format.js';
import { label } from '../render/labels.js';
import { almostEligibleOn } from '../../eligibility/almost-eligible.js';
import { readStoredResult, relianceLines, type StoredResultView } from '../../eligibility/stored-result-reader.js';

// The round values the verdict rests on (confidence K or ?) and the council date medical papers were dated against.
function relianceView(stored: StoredResultView) {
  return {
    reliesOn: relianceLines(stored),
    councilDate: stored.council.date ? `${formatDate(stored.council.date)} (${stored.councilLabel})` : null,
  };
}

export interface StoredEvaluation {
  outcome: string;
  category: string | null;
  result: Record<string, any>;
  evaluatedAt: Date;
  dossierVersion: number;
  contentVersion: number;
}

const ORDER: Record<string, number> = {
  FAIL: 0,
  NEEDS_EVIDENCE: 1,
  NEEDS_REVIEW: 2,
  TO_CONFIRM: 3,
  PASS: 4,
  NOT_APPLICABLE: 5,
};

function ruleIndex(packId: unknown): Map<string, Rule> {
  const pack = RULE_PACKS[String(packId)];
  return new Map((pack?.rules ?? []).map((r) => [r.id, r]));
}

function ymd(value: any): string {
  if (!value) return '';
  const parts = [
    value.years ? `${value.years} năm` : '',
    value.months ? `${value.months} tháng` : '',
    value.days ? `${value.days} ngày` : '',
  ].filter(Boolean);
  return parts.join(' ') || '0 ngày';
}

// The engine's explanation as an official reads it: the verdict, the time figures, then every rule, failures
// first, each with its Vietnamese reason and the article it applies.
// The stored summary keeps only the findings; the full working (every rule, passed or not) is recomputed by the
// eligibility service from the pinned dossier version and used when it reproduces the stored verdict.
export function buildExplanation(
  evaluation: StoredEvaluation | null,
  working?: { results: RuleResult[]; matches: boolean } | null,
) {
  if (!evaluation) return null;
  const r = evaluation.result ?? {};
  const rules = ruleIndex(r.packId);
  const full = working?.matches ? working.results : null;
  const results: RuleResult[] = full ?? (Array.isArray(r.results) ? r.results : []);
  const almostOn = almostEligibleOn(r);
  return {
    outcome: evaluation.outcome,
    category: evaluation.category,
    categoryLabel: r.categoryLabel ?? label('category', evaluation.category),
    evaluatedAt: evaluation.evaluatedAt,
    stale: evaluation.dossierVersion < evaluation.contentVersion,
    findingsOnly: !full,
    almostOn: almostOn ? formatDate(almostOn) : null,
    figures: r.figures
      ? [
          { label: 'Ngày tính đến', value: formatDate(r.figures.cutoff) },
          { label: 'Thời gian đã chấp hành', value: ymd(r.figures.served) },
          { label: 'Được giảm', value: ymd(r.figures.reductions) },
          { label: 'Thời gian còn lại', value: r.figures.remaining ? ymd(r.figures.remaining) : '' },
        ].filter((f) => f.value)
      : [],
    missingEvidence: Array.isArray(r.missingEvidence) ? r.missingEvidence : [],
    ...relianceView(readStoredResult(r)),
    rules: results
      .map((result) => {
        const rule = rules.get(result.ruleId);
        const cited = (result as RuleResult & { citation?: string }).citation;
        return {
          ruleId: result.ruleId,
          title: rule?.title ?? result.ruleId,
          outcome: result.outcome,
          reason: result.reason,
          citation: cited ?? (rule ? formatCitation(rule.citation) : ''),
          metOn: result.metOn ? formatDate(result.metOn) : null,
        };
      })
      .sort((a, b) => (ORDER[a.outcome] ?? 9) - (ORDER[b.outcome] ?? 9)),
  };
}
