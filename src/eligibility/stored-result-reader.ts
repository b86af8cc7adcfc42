import type { Confidence, IsoDate } from './core/index.js';
import { COUNCIL_DATE_LABELS, type CouncilDate, type CouncilDateSource } from './council-date.js';
import { outcomesFrom } from './stored-outcomes.js';
import { RESULT_FORMAT, thresholdOf, type MetCondition, type StoredThreshold } from './stored-result.js';

// The one reader of a stored eligibility result (`eligibility_results.result`): every feature that shows or prints
// a stored verdict (dossier page, lists, proposal sheet, documents) reads it through here, so its shape can change
// in one place. Results stored before a field existed read as its empty value. A query that reads a result whole reads
// `eligibility_relies_on(result)` beside it (migration 1764006900000), and `storedResult` puts the two together.

export interface RelianceView {
  ruleId: string;
  label: string;
  source: string;
  confidence: Confidence;
}

export interface StoredResultView {
  status: string | null;
  category: string | null;
  categoryLabel: string | null;
  packId: string | null;
  figures: Record<string, any> | null;
  failingRuleIds: string[];
  reviewRuleIds: string[];
  missingEvidence: string[];
  almostEligibleOn: IsoDate | null;
  findings: Array<{ ruleId: string; outcome: string; reason: string; missingEvidence?: string[] }>;
  reliesOn: RelianceView[];
  council: CouncilDate;
  councilLabel: string;
  thresholds: StoredThreshold[];
}

const CONFIDENCE_LABELS: Readonly<Record<string, string>> = {
  K: 'chưa đối chiếu văn bản gốc',
  '?': 'chưa biết',
};

function list<T>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}

function text(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

// A stored result of either format (stored-result.ts) in the shape results were stored in before format 2, key for
// key in the same order: `reliesOn` is what eligibility_relies_on() gave for it.
export function storedResult(raw: unknown, reliesOn: unknown): unknown {
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== RESULT_FORMAT) return raw;
  const r = raw as Record<string, unknown>;
  const packId = String(r.packId);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(r)) {
    if (key === 'format') continue;
    if (key === 'reliances') out.reliesOn = list<RelianceView>(reliesOn);
    else if (key === 'outcomes') out.outcomes = outcomesFrom(r.outcomes);
    else if (key === 'thresholds') out.thresholds = list<MetCondition>(r.thresholds).map((c) => thresholdOf(packId, c));
    else out[key] = r[key];
  }
  return out;
}

// A row read with its result and `eligibility_relies_on(result) AS "reliesOn"`: the result as every reader knows it.
export function withStoredResult<T extends { result: unknown; reliesOn?: unknown }>(row: T): Omit<T, 'reliesOn'> {
  const { reliesOn, ...rest } = row;
  rest.result = storedResult(rest.result, reliesOn);
  return rest;
}

export function readStoredResult(raw: unknown): StoredResultView {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
  const c = (r.council && typeof r.council === 'object' ? r.council : {}) as Record<string, unknown>;
  const source = (
    typeof c.source === 'string' && c.source in COUNCIL_DATE_LABELS ? c.source : 'NONE'
  ) as CouncilDateSource;
  const council: CouncilDate = { date: text(c.date), source };
  return {
    status: text(r.status),
    category: text(r.category),
    categoryLabel: text(r.categoryLabel),
    packId: text(r.packId),
    figures: r.figures && typeof r.figures === 'object' ? r.figures : null,
    failingRuleIds: list<string>(r.failingRuleIds),
    reviewRuleIds: list<string>(r.reviewRuleIds),
    missingEvidence: list<string>(r.missingEvidence),
    almostEligibleOn: text(r.almostEligibleOn),
    findings: list(r.results),
    reliesOn: list<RelianceView>(r.reliesOn),
    council,
    councilLabel: COUNCIL_DATE_LABELS[source],
    thresholds: list<StoredThreshold>(r.thresholds),
  };
}

// "K: chưa đối chiếu văn bản gốc" — how a value's confidence reads to an official.
export function confidenceLabel(confidence: string): string {
  return CONFIDENCE_LABELS[confidence] ?? 'đã đối chiếu';
}

// One line for a page or a sheet: the values a result rests on, each with its source and confidence.
export function relianceLines(view: StoredResultView): string[] {
  return view.reliesOn.map((r) => `${r.label} (${confidenceLabel(r.confidence)}; nguồn: ${r.source})`);
}

// For a list of results: "3 kết quả dựa trên giá trị chưa xác minh: …", each value named once; null when none.
export function relianceSummary(views: readonly StoredResultView[]): string | null {
  const labels = new Map<string, number>();
  let count = 0;
  for (const v of views) {
    if (v.reliesOn.length === 0) continue;
    count++;
    for (const r of v.reliesOn) labels.set(r.label, (labels.get(r.label) ?? 0) + 1);
  }
  if (count === 0) return null;
  const named = [...labels.entries()].map(([label, n]) => `${label} (${n})`).join('; ');
  return `${count} kết quả dựa trên giá trị chưa xác minh: ${named}.`;
}
