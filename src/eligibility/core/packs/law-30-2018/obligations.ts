import type { RuleContext } from '../../context.js';
import type { Obligation } from '../../facts.js';
import { GROUP_BIT } from '../../offences/offence-groups.js';
import { result, type Comparison, type Rule, type RuleResult } from '../../rule.js';
import { unknownParam } from '../shared/params.js';
import { OBLIGATION_LABELS, performanceOf, type Performance, type PerformanceKind } from '../shared/obligations.js';
import { decree52, law } from './citations.js';

const MINOR_NOW =
  'Người dưới 18 tuổi đang chấp hành án chỉ cần điều kiện tại điểm a và điểm g khoản 1 (khoản 4 Điều 11).';

function civil(o: Obligation): boolean {
  return o.kind === 'RESTITUTION' || o.kind === 'COMPENSATION' || o.kind === 'OTHER_CIVIL';
}

// The performances each rule accepts as meeting its condition.
const FINE_AND_FEE_MET: ReadonlySet<PerformanceKind> = new Set(['FULL', 'EXEMPTED']);
const FULL_CIVIL_MET: ReadonlySet<PerformanceKind> = new Set(['FULL', 'TERMINATED', 'WAIVED']);
const CIVIL_MET: ReadonlySet<PerformanceKind> = new Set(['FULL', 'TERMINATED', 'WAIVED', 'PARTIAL_HARDSHIP']);

function judge(
  rule: Rule,
  items: Array<{ o: Obligation; p: Performance }>,
  allowed: ReadonlySet<PerformanceKind>,
  none: string,
): RuleResult {
  const inputs: Comparison[] = items.map(({ o }) => ({
    label: `Số tiền đã nộp, ${OBLIGATION_LABELS[o.kind]} (đồng)`,
    actual: o.amountPaid,
    operator: '>=',
    expected: o.amountDue,
  }));
  if (items.length === 0) return result(rule, 'PASS', none, inputs);
  const unmet = items.filter(({ p }) => !allowed.has(p.kind));
  if (unmet.length > 0) return result(rule, 'FAIL', `${unmet.map(({ p }) => p.text).join('; ')}.`, inputs);
  const problems = items.map(({ p }) => p.evidenceProblem).filter((x): x is string => x !== null);
  const text = items.map(({ p }) => p.text).join('; ');
  if (problems.length > 0)
    return result(rule, 'NEEDS_EVIDENCE', `${text}; nhưng thiếu giấy tờ chứng minh.`, inputs, {
      missingEvidence: problems,
    });
  return result(rule, 'PASS', `${text}.`, inputs);
}

export const fineAndFeeRule: Rule = {
  id: 'R-COND-C',
  title: 'Đã chấp hành xong hình phạt tiền, đã nộp án phí',
  kind: 'CONDITION',
  citation: law(11, 1, 'c', 'Đã chấp hành xong hình phạt bổ sung là phạt tiền, đã nộp án phí'),
  alsoCites: [law(14, 3, undefined, 'Quyết định miễn chấp hành hình phạt tiền, miễn nộp án phí của Tòa án')],
  notApplicable: (ctx) => (ctx.category === 'UNDER_18_NOW' ? MINOR_NOW : null),
  evaluate(ctx) {
    const items = ctx.facts.obligations
      .filter((o) => o.kind === 'FINE' || o.kind === 'COURT_FEE')
      .map((o) => ({ o, p: performanceOf(o, { allowExemption: true, allowDischarge: false, allowPartial: false }) }));
    return judge(fineAndFeeRule, items, FINE_AND_FEE_MET, 'Không phải thi hành hình phạt tiền, án phí.');
  },
};

function fullPaymentRequired(ctx: RuleContext): boolean | null {
  if ((ctx.groupMask & GROUP_BIT.CORRUPTION) !== 0) return true;
  const listed = ctx.round.fullPaymentGroups.value;
  if (listed === null) return null;
  return listed.some((g) => (ctx.groupMask & GROUP_BIT[g]) !== 0);
}

// Art 11(1)(d): corruption, and offences the round lists, need civil obligations fully performed; Decree 52 Art 4(2)
// counts a termination decision and, for non-State property, the creditor's waiver as performed.
export const fullCivilRule: Rule = {
  id: 'R-COND-D',
  title: 'Đã thi hành xong nghĩa vụ dân sự (tội tham nhũng và tội do Chủ tịch nước quy định)',
  kind: 'CONDITION',
  citation: law(
    11,
    1,
    'd',
    'Đối với người bị kết án về tội tham nhũng hoặc tội khác do Chủ tịch nước quy định: đã thực hiện xong nghĩa vụ trả lại tài sản, bồi thường thiệt hại, nghĩa vụ dân sự khác',
  ),
  alsoCites: [decree52(4, 2, undefined, 'Được coi là đã thi hành xong nghĩa vụ dân sự')],
  notApplicable(ctx) {
    if (ctx.category === 'UNDER_18_NOW') return MINOR_NOW;
    return fullPaymentRequired(ctx) === false
      ? 'Không bị kết án về tội tham nhũng hoặc tội do Quyết định của đợt yêu cầu thi hành xong nghĩa vụ dân sự.'
      : null;
  },
  evaluate(ctx) {
    const items = ctx.facts.obligations
      .filter(civil)
      .map((o) => ({ o, p: performanceOf(o, { allowExemption: false, allowDischarge: true, allowPartial: false }) }));
    const r = judge(fullCivilRule, items, FULL_CIVIL_MET, 'Không phải thi hành nghĩa vụ dân sự.');
    // When the round's list is unknown and the person is not convicted of corruption, a shortfall is a question, not a failure.
    if (r.outcome === 'FAIL' && fullPaymentRequired(ctx) === null) {
      return unknownParam(
        fullCivilRule,
        'Các tội phải thi hành xong nghĩa vụ dân sự theo Quyết định của đợt',
        ctx.round.fullPaymentGroups,
      );
    }
    return r;
  },
};

export const civilObligationsRule: Rule = {
  id: 'R-COND-DD',
  title: 'Đã thi hành xong hoặc thi hành một phần nghĩa vụ dân sự và lâm vào hoàn cảnh đặc biệt khó khăn',
  kind: 'CONDITION',
  citation: law(
    11,
    1,
    'đ',
    'Đã thi hành xong nghĩa vụ dân sự, hoặc đã thi hành một phần nhưng lâm vào hoàn cảnh kinh tế đặc biệt khó khăn; với tài sản không thuộc sở hữu nhà nước phải được người được thi hành án đồng ý',
  ),
  alsoCites: [
    decree52(4, 2, undefined, 'Được coi là đã thi hành xong'),
    decree52(4, 3, undefined, 'Hoàn cảnh kinh tế đặc biệt khó khăn'),
    decree52(5, 3, 'g', 'Xác nhận của cơ quan thi hành án dân sự'),
  ],
  notApplicable(ctx) {
    if (ctx.category === 'UNDER_18_NOW') return MINOR_NOW;
    return fullPaymentRequired(ctx) === true
      ? 'Thuộc trường hợp phải thi hành xong nghĩa vụ dân sự (điểm d khoản 1 Điều 11).'
      : null;
  },
  evaluate(ctx) {
    const items = ctx.facts.obligations
      .filter(civil)
      .map((o) => ({ o, p: performanceOf(o, { allowExemption: false, allowDischarge: true, allowPartial: true }) }));
    return judge(civilObligationsRule, items, CIVIL_MET, 'Không phải thi hành nghĩa vụ dân sự.');
  },
};
