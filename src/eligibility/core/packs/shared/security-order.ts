import { fixedResult, result, type Citation, type Comparison, type Rule } from '../../rule.js';

function concernInputs(concern: string | null): Comparison[] {
  return [{ label: 'Ý kiến lưu ý về an ninh, trật tự', actual: concern, operator: '=', expected: null }];
}

// "Release will not harm security and order" is a judgment the law leaves to the camp council and the authorities:
// the engine lists it for them to confirm, and only a recorded concern turns it into a review.
export function securityOrderRule(spec: {
  id: string;
  title: string;
  citation: Citation;
  toConfirm: string;
  notApplicable?: Rule['notApplicable'];
}): Rule {
  const rule: Rule = {
    id: spec.id,
    title: spec.title,
    kind: 'CONDITION',
    judgmentCall: true,
    citation: spec.citation,
    evaluate(ctx) {
      const concern = ctx.facts.securityConcern;
      if (!concern) return noConcern();
      return result(
        rule,
        'NEEDS_REVIEW',
        `Có ý kiến lưu ý về ảnh hưởng đến an ninh, trật tự: ${concern}`,
        concernInputs(concern),
      );
    },
  };
  if (spec.notApplicable) rule.notApplicable = spec.notApplicable;
  const noConcern = fixedResult(() => result(rule, 'TO_CONFIRM', spec.toConfirm, concernInputs(null)));
  return rule;
}
