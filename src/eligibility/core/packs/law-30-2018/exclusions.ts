import { inGroup } from '../../offences/offence-groups.js';
import { fixedResult, result, type Rule } from '../../rule.js';
import {
  earlierAmnestyRule,
  pendingProsecutionRule,
  pendingProtestRule,
  priorConvictionsRule,
} from '../shared/art12-exclusions.js';
import { law } from './citations.js';

const SECURITY_OFFENCE = 'Tội thuộc khoản 1 Điều 12';

export const securityOffenceExclusion: Rule = {
  id: 'R-EXC-01',
  title:
    'Bị kết án về tội xâm phạm an ninh quốc gia, khủng bố hoặc tội phá hoại hòa bình, chống loài người, tội phạm chiến tranh',
  kind: 'EXCLUSION',
  citation: law(
    12,
    1,
    undefined,
    'Bị kết án về tội phản bội Tổ quốc, hoạt động nhằm lật đổ chính quyền nhân dân, gián điệp, ..., khủng bố, hoặc tội phạm thuộc chương các tội phá hoại hòa bình, chống loài người và tội phạm chiến tranh',
  ),
  evaluate(ctx) {
    const hit = ctx.offences.find((d) => inGroup(d.mask, 'ART12_SECURITY'));
    if (!hit) return noSecurityOffence();
    const inputs = [
      {
        label: SECURITY_OFFENCE,
        actual: `${hit.offence.name} (Điều ${hit.offence.article})`,
        operator: '=' as const,
        expected: null,
      },
    ];
    return result(
      securityOffenceExclusion,
      'FAIL',
      `Bị kết án về tội ${hit.offence.name} (Điều ${hit.offence.article}), thuộc khoản 1 Điều 12.`,
      inputs,
    );
  },
};

const noSecurityOffence = fixedResult(() =>
  result(securityOffenceExclusion, 'PASS', 'Không bị kết án về tội thuộc khoản 1 Điều 12.', [
    { label: SECURITY_OFFENCE, actual: null, operator: '=', expected: null },
  ]),
);

export const protestExclusion = pendingProtestRule({
  id: 'R-EXC-02',
  title: 'Bản án đang bị kháng nghị theo hướng tăng nặng',
  citation: law(
    12,
    2,
    undefined,
    'Đang có kháng nghị giám đốc thẩm, tái thẩm theo hướng tăng nặng trách nhiệm hình sự',
  ),
  aggravatingOnly: true,
});

export const prosecutionExclusion = pendingProsecutionRule({
  id: 'R-EXC-03',
  title: 'Đang bị truy cứu trách nhiệm hình sự về tội phạm khác',
  citation: law(12, 3, undefined, 'Đang bị truy cứu trách nhiệm hình sự về hành vi phạm tội khác'),
});

export const earlierAmnestyExclusion = earlierAmnestyRule({
  id: 'R-EXC-04',
  title: 'Trước đó đã được đặc xá',
  citation: law(12, 4, undefined, 'Trước đó đã được đặc xá'),
});

export const priorConvictionsExclusion = priorConvictionsRule({
  id: 'R-EXC-05',
  title: 'Có từ 02 tiền án trở lên',
  citation: law(12, 5, undefined, 'Có từ 02 tiền án trở lên'),
  maxAllowed: 1,
});
