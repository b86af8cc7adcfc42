import { formatIsoVi } from '../../../../kernel/calendar-date.js';
import { fixedResult, result, type Citation, type Rule } from '../../rule.js';
import { countPriorConvictions } from './prior-convictions.js';

interface Spec {
  id: string;
  title: string;
  citation: Citation;
}

const PROTEST_COUNT = 'Số kháng nghị giám đốc thẩm, tái thẩm đang chờ';

// Pending cassation or reopening protest. Law 30/2018 excludes only a protest toward aggravation;
// Law 07/2007 excluded any pending protest.
export function pendingProtestRule(spec: Spec & { aggravatingOnly: boolean }): Rule {
  const rule: Rule = {
    id: spec.id,
    title: spec.title,
    kind: 'EXCLUSION',
    citation: spec.citation,
    evaluate(ctx) {
      const protests = ctx.facts.pendingProtests;
      if (protests.length === 0) return none();
      const inputs = [{ label: PROTEST_COUNT, actual: protests.length, operator: '=' as const, expected: 0 }];
      if (!spec.aggravatingOnly) {
        return result(
          rule,
          'FAIL',
          `Bản án đang bị kháng nghị ${protests.map((p) => (p.kind === 'CASSATION' ? 'giám đốc thẩm' : 'tái thẩm')).join(', ')}.`,
          inputs,
        );
      }
      const aggravating = protests.filter((p) => p.aggravating === true);
      const unknown = protests.filter((p) => p.aggravating === null);
      const directional = [
        { label: 'Kháng nghị theo hướng tăng nặng', actual: aggravating.length, operator: '=' as const, expected: 0 },
      ];
      if (aggravating.length > 0)
        return result(
          rule,
          'FAIL',
          'Bản án đang bị kháng nghị giám đốc thẩm hoặc tái thẩm theo hướng tăng nặng trách nhiệm hình sự.',
          directional,
        );
      if (unknown.length > 0) {
        return result(
          rule,
          'NEEDS_EVIDENCE',
          'Có kháng nghị giám đốc thẩm hoặc tái thẩm nhưng chưa rõ theo hướng tăng nặng hay không.',
          directional,
          {
            missingEvidence: ['Quyết định kháng nghị giám đốc thẩm, tái thẩm (để xác định hướng kháng nghị)'],
          },
        );
      }
      return result(rule, 'PASS', 'Kháng nghị đang chờ không theo hướng tăng nặng trách nhiệm hình sự.', directional);
    },
  };
  const none = fixedResult(() =>
    result(rule, 'PASS', 'Không có kháng nghị giám đốc thẩm, tái thẩm đang chờ giải quyết.', [
      { label: PROTEST_COUNT, actual: 0, operator: '=', expected: 0 },
    ]),
  );
  return rule;
}

export function pendingProsecutionRule(spec: Spec): Rule {
  const rule: Rule = {
    ...spec,
    kind: 'EXCLUSION',
    evaluate(ctx) {
      return ctx.facts.pendingProsecution ? pending() : clear();
    },
  };
  const inputs = (prosecuted: boolean) => [
    {
      label: 'Đang bị truy cứu trách nhiệm hình sự về tội phạm khác',
      actual: prosecuted,
      operator: '=' as const,
      expected: false,
    },
  ];
  const pending = fixedResult(() =>
    result(rule, 'FAIL', 'Đang bị truy cứu trách nhiệm hình sự về hành vi phạm tội khác.', inputs(true)),
  );
  const clear = fixedResult(() =>
    result(rule, 'PASS', 'Không bị truy cứu trách nhiệm hình sự về hành vi phạm tội khác.', inputs(false)),
  );
  return rule;
}

export function earlierAmnestyRule(spec: Spec): Rule {
  const rule: Rule = {
    ...spec,
    kind: 'EXCLUSION',
    evaluate(ctx) {
      const earlier = ctx.facts.earlierAmnesty;
      if (!earlier) return never();
      return result(
        rule,
        'FAIL',
        `Trước đó đã được đặc xá theo Quyết định số ${earlier.decisionNumber} ngày ${formatIsoVi(earlier.date)}.`,
        inputs(true),
      );
    },
  };
  const inputs = (earlier: boolean) => [
    { label: 'Đã được đặc xá trước đó', actual: earlier, operator: '=' as const, expected: false },
  ];
  const never = fixedResult(() => result(rule, 'PASS', 'Chưa được đặc xá lần nào.', inputs(false)));
  return rule;
}

export function priorConvictionsRule(spec: Spec & { maxAllowed: number }): Rule {
  const rule: Rule = {
    id: spec.id,
    title: spec.title,
    kind: 'EXCLUSION',
    citation: spec.citation,
    evaluate(ctx) {
      const c = countPriorConvictions(ctx.facts);
      if (c.unexpunged === 0 && c.unproven === 0) return none();
      const inputs = [
        { label: 'Số tiền án chưa được xóa', actual: c.unexpunged, operator: '<' as const, expected: limit },
      ];
      if (c.unexpunged >= limit)
        return result(
          rule,
          'FAIL',
          `Có ${c.unexpunged} tiền án chưa được xóa án tích (từ ${limit} tiền án trở lên).`,
          inputs,
        );
      if (c.unexpunged + c.unproven >= limit) {
        return result(
          rule,
          'NEEDS_EVIDENCE',
          `Có ${c.unexpunged} tiền án chưa xóa và ${c.unproven} tiền án ghi đã xóa nhưng chưa có giấy tờ chứng minh.`,
          inputs,
          {
            missingEvidence: c.problems,
          },
        );
      }
      return result(rule, 'PASS', `Số tiền án chưa được xóa án tích là ${c.unexpunged}, dưới ${limit}.`, inputs);
    },
  };
  const limit = spec.maxAllowed + 1;
  const none = fixedResult(() =>
    result(rule, 'PASS', `Số tiền án chưa được xóa án tích là 0, dưới ${limit}.`, [
      { label: 'Số tiền án chưa được xóa', actual: 0, operator: '<', expected: limit },
    ]),
  );
  return rule;
}
