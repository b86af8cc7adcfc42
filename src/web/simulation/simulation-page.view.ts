import { CATEGORY_LABELS, SPECIAL_CATEGORY_CODES, type RoundParameters } from '../../eligibility/core/index.js';
import { eligibleChart, headlineChart } from '../../simulation/simulation-chart.js';
import {
  DIMENSIONS,
  DIMENSION_LABELS,
  STATUSES,
  STATUS_LABELS,
  type BreakdownRow,
  type SimulationFigures,
} from '../../simulation/simulation-figures.js';
import type { ParameterChange, ParameterDifference } from '../../simulation/simulation-parameters.js';
import { diffParameters } from '../../simulation/simulation-parameters.js';
import { applyParameterRows, parameterRows } from '../admin/round-parameters.form.js';
import { asItems } from '../dossier-form/paths.js';
import { formatDate } from '../render/format.js';
import type { FieldError } from '../../common/app.exception.js';

const show = (v: unknown) => {
  if (v === null || v === undefined) return '(chưa xác định)';
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
  return JSON.stringify(v);
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

// The round form's rows, plus a switch for each item of the exclusion list and each special category.
export function draftForm(base: RoundParameters, errors: FieldError[] = []) {
  const admitted = base.specialCategories.value ?? [];
  return {
    rows: parameterRows(base as unknown as Record<string, unknown>, []).map((r) => ({
      ...r,
      issue: errors.find((e) => e.path.replace(/^(draft|changes)\./, '').startsWith(r.path))?.message,
    })),
    exclusions: base.exclusions.items.map((e) => ({ id: e.id, label: e.label, kept: true })),
    categories: SPECIAL_CATEGORY_CODES.map((code) => ({
      code,
      label: CATEGORY_LABELS[code],
      admitted: admitted.includes(code),
    })),
    confidences: [
      { value: 'V', label: 'V – đã đối chiếu văn bản' },
      { value: 'K', label: 'K – theo hiểu biết chung' },
      { value: '?', label: '? – chưa rõ' },
    ],
  };
}

// The posted form as the changes it makes to the base: edited rows, exclusions switched off, categories admitted.
export function postedChanges(
  base: RoundParameters,
  body: Record<string, unknown>,
): { changes: ParameterChange[]; errors: FieldError[] } {
  const posted = asItems(body.p).map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v ?? '')])),
  );
  const { parameters, errors } = applyParameterRows(base as unknown as Record<string, unknown>, posted);
  const draft = parameters as unknown as RoundParameters;
  const kept = new Set(strings(body.exclusion));
  draft.exclusions.items = draft.exclusions.items.filter((e) => kept.has(e.id));
  const admitted = strings(body.category).filter((c) => (SPECIAL_CATEGORY_CODES as readonly string[]).includes(c));
  if (base.specialCategories.value !== null || admitted.length)
    draft.specialCategories.value = admitted as RoundParameters['specialCategories']['value'];
  // Each difference becomes one change at the deepest path the base has.
  const changes = diffParameters(base, draft).map((d) => ({ path: d.path, value: d.after }));
  return { changes, errors };
}

export function differenceRows(changes: ParameterDifference[]) {
  return changes.map((c) => ({ path: c.path, before: show(c.before), after: show(c.after) }));
}

function countCells(row: { base: Record<string, number>; draft: Record<string, number> }) {
  return STATUSES.map((s) => ({ base: row.base[s], draft: row.draft[s], diff: row.draft[s] - row.base[s] }));
}

export function figuresView(f: SimulationFigures) {
  return {
    total: f.total,
    statuses: STATUSES.map((s) => STATUS_LABELS[s]),
    headline: STATUSES.map((s) => ({
      label: STATUS_LABELS[s],
      base: f.base[s],
      draft: f.draft[s],
      diff: f.difference[s],
    })),
    headlineChart: headlineChart(f.base, f.draft),
    breakdowns: DIMENSIONS.map((d) => ({
      title: DIMENSION_LABELS[d],
      rows: f.breakdowns[d].map((r: BreakdownRow) => ({ label: r.label, cells: countCells(r) })),
      chart: eligibleChart(`Số người đủ điều kiện – ${DIMENSION_LABELS[d].toLowerCase()}`, f.breakdowns[d]),
    })),
    changed: {
      total: f.changed.total,
      transitions: f.changed.transitions.map((t) => ({
        from: STATUS_LABELS[t.from],
        to: STATUS_LABELS[t.to],
        dossiers: t.dossiers,
      })),
      rules: f.changed.rules,
    },
    unverified: (['base', 'draft'] as const).map((side) => ({
      title: side === 'base' ? 'Theo tham số gốc' : 'Theo dự thảo',
      counts: STATUSES.map((s) => ({ label: STATUS_LABELS[s], dossiers: f.unverified[side].dossiers[s] })),
      values: f.unverified[side].values.slice(0, 20),
    })),
    work: f.work,
  };
}

// Two drafts' figures side by side, every breakdown row matched by its key.
export function comparisonView(a: SimulationFigures, b: SimulationFigures) {
  const side = (rows: BreakdownRow[], key: string) => rows.find((r) => r.key === key);
  return {
    headline: STATUSES.map((s) => ({ label: STATUS_LABELS[s], base: a.base[s], a: a.draft[s], b: b.draft[s] })),
    changed: { a: a.changed.total, b: b.changed.total },
    breakdowns: DIMENSIONS.map((d) => {
      const keys = [...new Set([...a.breakdowns[d], ...b.breakdowns[d]].map((r) => r.key))];
      return {
        title: DIMENSION_LABELS[d],
        rows: keys.map((key) => {
          const ra = side(a.breakdowns[d], key);
          const rb = side(b.breakdowns[d], key);
          return {
            label: (ra ?? rb)!.label,
            a: ra?.draft.ELIGIBLE ?? 0,
            b: rb?.draft.ELIGIBLE ?? 0,
            diff: (rb?.draft.ELIGIBLE ?? 0) - (ra?.draft.ELIGIBLE ?? 0),
          };
        }),
      };
    }),
  };
}
