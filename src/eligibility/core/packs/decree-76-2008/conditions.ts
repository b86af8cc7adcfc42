import { result, type Rule } from '../../rule.js';
import { formatYmdVi } from '../../text/format-vi.js';
import { conductQuartersRule, conductSinceLastQuarterRule } from '../shared/conduct.js';
import { OBLIGATION_LABELS, performanceOf } from '../shared/obligations.js';
import { securityOrderRule as sharedSecurityOrderRule } from '../shared/security-order.js';
import { timeRuleScope, timeServedRule } from '../shared/time-served.js';
import { decree76, law07 } from './citations.js';

// Decree 76/2008 Art 2: persons serving a fixed term, or life commuted to a fixed term, in a prison or detention
// centre. The 2007 law had no provision for persons on suspension or postponement.
export const scopeRule: Rule = {
  id: 'R-SCOPE-01',
  title: 'Đối tượng được xét đề nghị đặc xá',
  kind: 'SCOPE',
  citation: decree76(
    2,
    undefined,
    undefined,
    'Người bị kết án phạt tù có thời hạn, tù chung thân đã được giảm xuống tù có thời hạn đang chấp hành hình phạt tù tại trại giam, trại tạm giam',
  ),
  evaluate(ctx) {
    const t = ctx.time;
    const inputs = [
      { label: 'Tình trạng', actual: ctx.facts.status, operator: '=' as const, expected: 'SERVING' },
      { label: 'Loại hình phạt', actual: t.sentenceKind, operator: 'in' as const, expected: 'FIXED, LIFE_COMMUTED' },
    ];
    if (ctx.facts.status !== 'SERVING')
      return result(
        scopeRule,
        'FAIL',
        'Luật Đặc xá năm 2007 chỉ áp dụng cho người đang chấp hành hình phạt tù tại trại giam, trại tạm giam.',
        inputs,
      );
    if (t.sentenceKind === 'UNKNOWN')
      return result(scopeRule, 'NEEDS_EVIDENCE', 'Chưa có bản án hoặc mức hình phạt.', inputs, {
        missingEvidence: ['Bản sao bản án'],
      });
    if (t.sentenceKind === 'LIFE')
      return result(scopeRule, 'FAIL', 'Đang chấp hành án tù chung thân chưa được giảm xuống tù có thời hạn.', inputs);
    return result(
      scopeRule,
      'PASS',
      `Đang chấp hành án phạt tù ${formatYmdVi(t.term!)}${t.sentenceKind === 'LIFE_COMMUTED' ? ' (tù chung thân đã được giảm)' : ''}.`,
      inputs,
    );
  },
};

export const conductRule = conductQuartersRule({
  id: 'R-COND-A',
  title: 'Chấp hành tốt, được xếp loại cải tạo Khá trở lên',
  citation: law07(
    10,
    1,
    'a',
    'Chấp hành tốt quy chế, nội quy, tích cực học tập, lao động, được xếp loại cải tạo khá trở lên',
  ),
});

export const conductLatestRule = conductSinceLastQuarterRule({
  id: 'R-COND-A-LATEST',
  title: 'Đánh giá cải tạo sau quý xếp loại cuối',
  citation: law07(10, 1, 'a', 'Được xếp loại cải tạo khá trở lên'),
});

export const securityOrderRule = sharedSecurityOrderRule({
  id: 'R-COND-A-ORDER',
  title: 'Việc đặc xá không ảnh hưởng đến an ninh, trật tự',
  citation: law07(10, 1, 'a', 'Khi được đặc xá không làm ảnh hưởng đến an ninh, trật tự, an toàn xã hội'),
  toConfirm: 'Không có ý kiến lưu ý nào được ghi nhận; Hội đồng xét đề nghị đặc xá xác nhận.',
});

export const timeServedGeneralRule = timeServedRule({
  id: 'R-COND-B',
  title: 'Thời gian đã chấp hành án phạt tù',
  citation: law07(
    10,
    1,
    'b',
    'Đã chấp hành ít nhất 1/3 thời hạn đối với tù có thời hạn, 14 năm đối với tù chung thân đã được giảm; thời gian được giảm không tính là thời gian đã chấp hành',
  ),
  notApplicable: timeRuleScope(true, 'Xét theo diện quy định tại khoản 2 Điều 10.'),
  choose: (ctx) => ({ threshold: ctx.round.time.general, label: 'trường hợp chung' }),
});

export const timeServedSpecialRule = timeServedRule({
  id: 'R-COND-B2',
  title: 'Thời gian đã chấp hành đối với người thuộc khoản 2 Điều 10',
  citation: law07(
    10,
    2,
    undefined,
    'Người lập công lớn, mắc bệnh hiểm nghèo, ốm đau thường xuyên, có hoàn cảnh gia đình đặc biệt khó khăn được xét với thời gian chấp hành ngắn hơn',
  ),
  alsoCites: [decree76(5, 2, undefined, 'Giải thích các trường hợp tại khoản 2 Điều 10 Luật Đặc xá')],
  notApplicable: timeRuleScope(false, ''),
  choose: (ctx) => ({ threshold: ctx.round.time.special, label: 'trường hợp tại khoản 2 Điều 10' }),
});

// Law 07/2007 Art 10(1)(c) asked for every obligation to be completed; there was no partial-payment ground.
export const obligationsRule: Rule = {
  id: 'R-COND-C',
  title: 'Đã thi hành xong hình phạt tiền, bồi thường, án phí và nghĩa vụ dân sự',
  kind: 'CONDITION',
  citation: law07(
    10,
    1,
    'c',
    'Đã thi hành xong hình phạt bổ sung là phạt tiền, bồi thường thiệt hại, án phí hoặc nghĩa vụ dân sự khác',
  ),
  evaluate(ctx) {
    const items = ctx.facts.obligations.map((o) => ({
      o,
      p: performanceOf(o, { allowExemption: true, allowDischarge: true, allowPartial: false }),
    }));
    const inputs = items.map(({ o }) => ({
      label: `Số tiền đã nộp, ${OBLIGATION_LABELS[o.kind]} (đồng)`,
      actual: o.amountPaid,
      operator: '>=' as const,
      expected: o.amountDue,
    }));
    if (items.length === 0) return result(obligationsRule, 'PASS', 'Không có nghĩa vụ tài sản phải thi hành.', inputs);
    const unmet = items.filter(({ p }) => p.kind === 'UNMET' || p.kind === 'PARTIAL_HARDSHIP');
    if (unmet.length > 0) return result(obligationsRule, 'FAIL', `${unmet.map(({ p }) => p.text).join('; ')}.`, inputs);
    const problems = items.map(({ p }) => p.evidenceProblem).filter((x): x is string => x !== null);
    const text = items.map(({ p }) => p.text).join('; ');
    if (problems.length > 0)
      return result(obligationsRule, 'NEEDS_EVIDENCE', `${text}; nhưng thiếu giấy tờ chứng minh.`, inputs, {
        missingEvidence: problems,
      });
    return result(obligationsRule, 'PASS', `${text}.`, inputs);
  },
};
