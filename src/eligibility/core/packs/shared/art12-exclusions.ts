import { formatIsoVi } from '../../calendar/calendar-date.js';
import { result, type Citation, type Rule } from '../../rule.js';
import { countPriorConvictions } from './prior-convictions.js';

interface Spec {
  id: string;
  title: string;
  citation: Citation;
}

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
      const inputs = [{ label: 'Số kháng nghị giám đốc thẩm, tái thẩm đang chờ', actual: protests.length, operator: '=' as const, expected: 0 }];
      if (protests.length === 0) return result(rule, 'PASS', 'Không có kháng nghị giám đốc thẩm, tái thẩm đang chờ giải quyết.', inputs);
      if (!spec.aggravatingOnly) {
        return result(rule, 'FAIL', `Bản án đang bị kháng nghị ${protests.map((p) => (p.kind === 'CASSATION' ? 'giám đốc thẩm' : 'tái thẩm')).join(', ')}.`, inputs);
      }
      const aggravating = protests.filter((p) => p.aggravating === true);
      const unknown = protests.filter((p) => p.aggravating === null);
      const directional = [{ label: 'Kháng nghị theo hướng tăng nặng', actual: aggravating.length, operator: '=' as const, expected: 0 }];
      if (aggravating.length > 0) return result(rule, 'FAIL', 'Bản án đang bị kháng nghị giám đốc thẩm hoặc tái thẩm theo hướng tăng nặng trách nhiệm hình sự.', directional);
      if (unknown.length > 0) {
        return result(rule, 'NEEDS_EVIDENCE', 'Có kháng nghị giám đốc thẩm hoặc tái thẩm nhưng chưa rõ theo hướng tăng nặng hay không.', directional, {
          missingEvidence: ['Quyết định kháng nghị giám đốc thẩm, tái thẩm (để xác định hướng kháng nghị)'],
        });
      }
      return result(rule, 'PASS', 'Kháng nghị đang chờ không theo hướng tăng nặng trách nhiệm hình sự.', directional);
    },
  };
  return rule;
}

export function pendingProsecutionRule(spec: Spec): Rule {
  const rule: Rule = {
    ...spec,
    kind: 'EXCLUSION',
    evaluate(ctx) {
      const pending = ctx.facts.pendingProsecution;
      const inputs = [{ label: 'Đang bị truy cứu trách nhiệm hình sự về tội phạm khác', actual: pending, operator: '=' as const, expected: false }];
      return pending
        ? result(rule, 'FAIL', 'Đang bị truy cứu trách nhiệm hình sự về hành vi phạm tội khác.', inputs)
        : result(rule, 'PASS', 'Không bị truy cứu trách nhiệm hình sự về hành vi phạm tội khác.', inputs);
    },
  };
  return rule;
}

export function earlierAmnestyRule(spec: Spec): Rule {
  const rule: Rule = {
    ...spec,
    kind: 'EXCLUSION',
    evaluate(ctx) {
      const earlier = ctx.facts.earlierAmnesty;
      const inputs = [{ label: 'Đã được đặc xá trước đó', actual: earlier !== null, operator: '=' as const, expected: false }];
      return earlier
        ? result(rule, 'FAIL', `Trước đó đã được đặc xá theo Quyết định số ${earlier.decisionNumber} ngày ${formatIsoVi(earlier.date)}.`, inputs)
        : result(rule, 'PASS', 'Chưa được đặc xá lần nào.', inputs);
    },
  };
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
      const limit = spec.maxAllowed + 1;
      const inputs = [{ label: 'Số tiền án chưa được xóa', actual: c.unexpunged, operator: '<' as const, expected: limit }];
      if (c.unexpunged >= limit) return result(rule, 'FAIL', `Có ${c.unexpunged} tiền án chưa được xóa án tích (từ ${limit} tiền án trở lên).`, inputs);
      if (c.unexpunged + c.unproven >= limit) {
        return result(rule, 'NEEDS_EVIDENCE', `Có ${c.unexpunged} tiền án chưa xóa và ${c.unproven} tiền án ghi đã xóa nhưng chưa có giấy tờ chứng minh.`, inputs, {
          missingEvidence: c.problems,
        });
      }
      return result(rule, 'PASS', `Số tiền án chưa được xóa án tích là ${c.unexpunged}, dưới ${limit}.`, inputs);
    },
  };
  return rule;
}
