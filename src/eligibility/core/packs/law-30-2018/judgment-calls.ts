import { result, type Rule } from '../../rule.js';
import { checkEvidence } from '../shared/evidence.js';
import { securityOrderRule as sharedSecurityOrderRule } from '../shared/security-order.js';
import { law, decree52 } from './citations.js';

// Art 11(1)(e).
export const securityOrderRule = sharedSecurityOrderRule({
  id: 'R-COND-E',
  title: 'Việc đặc xá không làm ảnh hưởng xấu đến an ninh, trật tự',
  citation: law(11, 1, 'e', 'Việc đặc xá cho người đó không làm ảnh hưởng xấu đến an ninh, trật tự'),
  toConfirm:
    'Không có ý kiến lưu ý nào được ghi nhận; Hội đồng xét đề nghị đặc xá xác nhận việc đặc xá không ảnh hưởng xấu đến an ninh, trật tự.',
  notApplicable: (ctx) =>
    ctx.category === 'UNDER_18_NOW'
      ? 'Người dưới 18 tuổi đang chấp hành án chỉ cần điều kiện tại điểm a và điểm g khoản 1 (khoản 4 Điều 11).'
      : null,
});

const COMMENT = {
  kinds: ['SUSPENSION_CONDUCT_COMMENT'] as const,
  label:
    'Nhận xét của Ủy ban nhân dân cấp xã hoặc đơn vị quân đội quản lý về việc chấp hành pháp luật trong thời gian tạm đình chỉ',
};

export const suspensionConductRule: Rule = {
  id: 'R-COND-SUSP',
  title: 'Chấp hành nghiêm pháp luật trong thời gian tạm đình chỉ',
  kind: 'CONDITION',
  citation: law(11, 2, 'd', 'Trong thời gian được tạm đình chỉ đã chấp hành nghiêm chỉnh pháp luật'),
  alsoCites: [
    law(14, 5, undefined, 'Nhận xét của Ủy ban nhân dân cấp xã hoặc đơn vị quân đội'),
    decree52(5, 8, undefined, 'Hồ sơ người được tạm đình chỉ'),
  ],
  notApplicable: (ctx) =>
    ctx.facts.status === 'SUSPENDED' ? null : 'Không phải người được tạm đình chỉ chấp hành án.',
  evaluate(ctx) {
    const s = ctx.facts.suspension;
    const lawful = s ? s.lawfulConduct : null;
    const inputs = [
      {
        label: 'Chấp hành pháp luật trong thời gian tạm đình chỉ',
        actual: lawful,
        operator: '=' as const,
        expected: true,
      },
    ];
    if (lawful === false)
      return result(
        suspensionConductRule,
        'FAIL',
        'Không chấp hành nghiêm chỉnh pháp luật trong thời gian tạm đình chỉ.',
        inputs,
      );
    const doc = checkEvidence(s?.certification ? [s.certification] : [], COMMENT);
    if (!doc.ok || lawful === null) {
      return result(
        suspensionConductRule,
        'NEEDS_EVIDENCE',
        'Chưa có nhận xét hợp lệ về việc chấp hành pháp luật trong thời gian tạm đình chỉ.',
        inputs,
        {
          missingEvidence: [doc.ok ? COMMENT.label : doc.message],
        },
      );
    }
    return result(
      suspensionConductRule,
      'PASS',
      `Chấp hành nghiêm chỉnh pháp luật trong thời gian tạm đình chỉ, có nhận xét của ${doc.doc.issuer}.`,
      inputs,
    );
  },
};
