import type { SpecialCategoryCode } from '../../categories.js';
import type { RuleContext } from '../../context.js';
import type { ClaimedCategory, EvidenceDocument, SpecialCircumstance } from '../../facts.js';
import { result, type Citation, type Comparison, type Rule, type RuleResult } from '../../rule.js';
import { formatDayVi } from '../../../../kernel/calendar-date.js';
import { checkEvidence, type EvidenceRequirement } from './evidence.js';

export type CircumstanceOf<C extends ClaimedCategory> = Extract<SpecialCircumstance, { category: C }>;

// A condition of the category's definition: true, false, or null when the dossier does not say.
export interface Criterion {
  label: string;
  value: boolean | null;
  // What to ask for when the dossier does not say.
  evidence: string;
}

export interface CategoryAssessment {
  criteria: Criterion[];
  evidence: readonly EvidenceDocument[];
  documents: Array<{ req: EvidenceRequirement; referenceDay?: number | null; reference?: CouncilReference }>;
  // Sentence used when everything holds.
  passText: string;
}

// The day medical papers are dated against (Decree 52/2019 Art 5(3)(c)): the camp council's meeting day, or before
// it meets the round's planned day, which the result then names with its source and confidence.
export interface CouncilReference {
  referenceDay: number | null;
  comparison: Comparison | null;
  note: string | null;
}

export function councilReference(ctx: RuleContext): CouncilReference {
  if (!ctx.councilPlanned || ctx.councilDay === null)
    return { referenceDay: ctx.councilDay, comparison: null, note: null };
  const p = ctx.round.dates.campCouncil!;
  const day = formatDayVi(ctx.councilDay);
  return {
    referenceDay: ctx.councilDay,
    comparison: {
      label: 'Ngày họp dự kiến của Hội đồng xét đề nghị đặc xá (Hội đồng chưa họp)',
      actual: p.value,
      operator: '=',
      expected: p.value,
      source: p.source,
      confidence: p.confidence,
    },
    note: `Thời hạn giấy tờ y khoa tính đến ngày họp dự kiến ${day} của Hội đồng xét đề nghị đặc xá; xét lại khi Hội đồng họp.`,
  };
}

// The rule that establishes membership of a claimed category: every criterion of the definition must hold and every
// required document must be present, readable, issued at the right level and, for medical papers, recent enough.
export function claimedCategoryRule<C extends ClaimedCategory>(spec: {
  id: string;
  title: string;
  category: SpecialCategoryCode;
  claimedAs: C;
  citation: Citation;
  alsoCites?: Citation[];
  assess: (ctx: RuleContext, c: CircumstanceOf<C>) => CategoryAssessment | RuleResult;
}): Rule {
  const rule: Rule = {
    id: spec.id,
    title: spec.title,
    kind: 'CATEGORY_EVIDENCE',
    citation: spec.citation,
    alsoCites: spec.alsoCites,
    notApplicable: (ctx) => (ctx.category === spec.category ? null : 'Không xét theo diện này.'),
    evaluate(ctx) {
      const c = ctx.facts.specialCircumstances.find((s) => s.category === spec.claimedAs) as
        CircumstanceOf<C> | undefined;
      if (!c)
        return result(rule, 'NEEDS_EVIDENCE', 'Hồ sơ không có thông tin về diện này.', [], {
          missingEvidence: [spec.title],
        });
      const a = spec.assess(ctx, c);
      return 'outcome' in a ? a : judgeAssessment(rule, a);
    },
  };
  return rule;
}

export function judgeAssessment(rule: Pick<Rule, 'id'>, a: CategoryAssessment): RuleResult {
  const inputs: Comparison[] = a.criteria.map((k) => ({
    label: k.label,
    actual: k.value,
    operator: '=',
    expected: true,
  }));
  const failed = a.criteria.filter((k) => k.value === false);
  if (failed.length > 0)
    return result(rule, 'FAIL', `Không đáp ứng: ${failed.map((k) => k.label.toLowerCase()).join('; ')}.`, inputs);
  const missing: string[] = a.criteria.filter((k) => k.value === null).map((k) => k.evidence);
  const notes: string[] = [];
  for (const d of a.documents) {
    const referenceDay = d.reference ? d.reference.referenceDay : (d.referenceDay ?? null);
    if (d.reference?.comparison) inputs.push(d.reference.comparison);
    if (d.reference?.note) notes.push(d.reference.note);
    const check = checkEvidence(a.evidence, d.req, referenceDay);
    inputs.push({
      label: d.req.label,
      actual: check.ok ? 'có' : 'không hợp lệ hoặc thiếu',
      operator: '=',
      expected: 'có',
    });
    if (!check.ok) missing.push(check.message);
  }
  if (missing.length > 0)
    return result(rule, 'NEEDS_EVIDENCE', `Chưa đủ căn cứ: ${missing.join('; ')}.`, inputs, {
      missingEvidence: missing,
    });
  return result(rule, 'PASS', notes.length ? `${a.passText} ${notes.join(' ')}` : a.passText, inputs);
}
