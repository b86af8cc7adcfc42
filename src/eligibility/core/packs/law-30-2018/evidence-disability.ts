import { result } from '../../rule.js';
import { unknownParam } from '../shared/params.js';
import { claimedCategoryRule } from '../shared/category-evidence.js';
import { decree52, law } from './citations.js';

// The level is read from the certificate ("nặng", "đặc biệt nặng"), not computed from a percentage.
export const disabilityRule = claimedCategoryRule({
  id: 'R-EVID-DISAB',
  title: 'Căn cứ xác định khuyết tật nặng, đặc biệt nặng hoặc khó khăn trong nhận thức, làm chủ hành vi',
  category: 'SEVERE_DISABILITY',
  claimedAs: 'SEVERE_DISABILITY',
  citation: law(11, 3, 'h', 'Người khuyết tật nặng, đặc biệt nặng; người có khó khăn trong nhận thức, làm chủ hành vi'),
  alsoCites: [
    law(14, 3, undefined, 'Giấy xác nhận khuyết tật của Ủy ban nhân dân cấp xã'),
    decree52(5, 3, 'e', 'Giấy xác nhận khuyết tật; quyết định của Tòa án'),
  ],
  assess(ctx, c) {
    if (c.perceptionDifficulty) {
      return {
        criteria: [],
        evidence: c.evidence,
        documents: [
          {
            req: {
              kinds: ['COURT_DECISION'],
              label: 'Bản sao quyết định của Tòa án tuyên bố người có khó khăn trong nhận thức, làm chủ hành vi',
            },
          },
        ],
        passText: 'Có quyết định của Tòa án tuyên bố có khó khăn trong nhận thức, làm chủ hành vi.',
      };
    }
    return {
      criteria: [
        {
          label: 'Mức độ khuyết tật nặng hoặc đặc biệt nặng',
          value: c.level === null ? null : c.level === 'SEVERE' || c.level === 'ESPECIALLY_SEVERE',
          evidence: 'Giấy xác nhận khuyết tật ghi mức độ',
        },
      ],
      evidence: c.evidence,
      documents: [
        {
          req: {
            kinds: ['DISABILITY_CERTIFICATE'],
            label: 'Giấy xác nhận khuyết tật do Ủy ban nhân dân cấp xã cấp',
            levels: ['COMMUNE'],
          },
        },
      ],
      passText: `Có giấy xác nhận khuyết tật mức ${c.level === 'ESPECIALLY_SEVERE' ? 'đặc biệt nặng' : 'nặng'} do Ủy ban nhân dân cấp xã cấp.`,
    };
  },
});

export const roundDefinedRule = claimedCategoryRule({
  id: 'R-EVID-ROUND',
  title: 'Căn cứ xác định trường hợp khác do Chủ tịch nước quyết định',
  category: 'ROUND_DEFINED',
  claimedAs: 'ROUND_DEFINED',
  citation: law(11, 3, 'i', 'Trường hợp khác do Chủ tịch nước quyết định'),
  assess(ctx, c) {
    const list = ctx.round.roundDefinedCategories;
    if (list.value === null)
      return unknownParam({ id: 'R-EVID-ROUND' }, 'Các trường hợp khác do Chủ tịch nước quyết định trong đợt', list);
    const entry = list.value.find((e) => e.code === c.roundCategoryCode);
    if (!entry)
      return result(
        { id: 'R-EVID-ROUND' },
        'FAIL',
        `Quyết định của đợt không có trường hợp "${c.roundCategoryCode}".`,
        [],
      );
    return {
      criteria: [],
      evidence: c.evidence,
      documents: [
        { req: { kinds: ['ROUND_CATEGORY_PROOF'], label: `Tài liệu chứng minh thuộc trường hợp: ${entry.label}` } },
      ],
      passText: `Thuộc trường hợp ${entry.label}, có tài liệu chứng minh.`,
    };
  },
});
