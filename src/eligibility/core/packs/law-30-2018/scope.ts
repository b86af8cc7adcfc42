import { result, type Rule } from '../../rule.js';
import { formatYmdVi } from '../../text/format-vi.js';
import { law } from './citations.js';

// Art 11(1) opens with "người đang chấp hành án phạt tù có thời hạn, tù chung thân được giảm xuống tù có thời hạn";
// clause 2 adds persons on suspension. Postponed persons and uncommuted life sentences fall only under Art 22.
export const scopeRule: Rule = {
  id: 'R-SCOPE-01',
  title: 'Đối tượng được xét đề nghị đặc xá',
  kind: 'SCOPE',
  citation: law(
    11,
    1,
    undefined,
    'Người đang chấp hành án phạt tù có thời hạn, tù chung thân được giảm xuống tù có thời hạn',
  ),
  alsoCites: [
    law(11, 2, undefined, 'Người được tạm đình chỉ chấp hành án phạt tù'),
    law(22, undefined, undefined, 'Trường hợp đặc biệt'),
  ],
  evaluate(ctx) {
    const t = ctx.time;
    const status = ctx.facts.status;
    const inputs = [
      { label: 'Tình trạng', actual: status, operator: 'in' as const, expected: 'SERVING, SUSPENDED' },
      { label: 'Loại hình phạt', actual: t.sentenceKind, operator: 'in' as const, expected: 'FIXED, LIFE_COMMUTED' },
    ];
    if (status === 'POSTPONED') {
      return result(
        scopeRule,
        'FAIL',
        'Người đang được hoãn chấp hành án phạt tù chỉ có thể được đặc xá trong trường hợp đặc biệt theo Điều 22.',
        inputs,
      );
    }
    if (t.sentenceKind === 'UNKNOWN') {
      return result(scopeRule, 'NEEDS_EVIDENCE', 'Chưa có bản án hoặc mức hình phạt.', inputs, {
        missingEvidence: ['Bản sao bản án'],
      });
    }
    if (t.sentenceKind === 'LIFE') {
      return result(scopeRule, 'FAIL', 'Đang chấp hành án tù chung thân chưa được giảm xuống tù có thời hạn.', inputs);
    }
    const what =
      t.sentenceKind === 'FIXED'
        ? `án phạt tù có thời hạn ${formatYmdVi(t.term!)}`
        : `án tù chung thân đã được giảm xuống ${formatYmdVi(t.term!)}`;
    const who = status === 'SUSPENDED' ? 'Đang được tạm đình chỉ chấp hành' : 'Đang chấp hành';
    if (t.sentenceSource === 'SUM_OF_JUDGMENTS') {
      const capped = t.aggregationCapped ? ', đã áp dụng mức tối đa khi tổng hợp' : '';
      return result(
        scopeRule,
        'TO_CONFIRM',
        `${who} ${what}, mức án chung được cộng từ ${ctx.facts.judgments.length} bản án${capped} vì hồ sơ chưa có quyết định tổng hợp hình phạt; Hội đồng đối chiếu.`,
        inputs,
      );
    }
    return result(scopeRule, 'PASS', `${who} ${what}.`, inputs);
  },
};
