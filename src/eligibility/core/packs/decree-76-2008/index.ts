import type { RulePack } from '../rule-pack.js';
import {
  earlierAmnestyRule,
  pendingProsecutionRule,
  pendingProtestRule,
  priorConvictionsRule,
} from '../shared/art12-exclusions.js';
import { roundExclusionRules } from '../shared/round-exclusions.js';
import { decree76, law07 } from './citations.js';
import {
  conductLatestRule,
  conductRule,
  obligationsRule,
  scopeRule,
  securityOrderRule,
  timeServedGeneralRule,
  timeServedSpecialRule,
} from './conditions.js';
import { familyHardshipRule, frequentIllnessRule, meritRule, seriousIllnessRule } from './evidence.js';

// Law 07/2007/QH12 Arts 10–11 as detailed by Decree 76/2008/NĐ-CP Art 5: for re-explaining decree-era records.
// Thresholds (1/3 and 14 years; 1/4 and 12 years) come from each round, as in the 2009 guidance.
export const DECREE_76_2008_PACK: RulePack = {
  id: 'decree-76-2008',
  version: '1.0.0',
  title: 'Luật Đặc xá số 07/2007/QH12 và Nghị định số 76/2008/NĐ-CP',
  lawMinimums: {
    generalFraction: { numerator: 1, denominator: 3 },
    generalLifeYears: 14,
    heavyFraction: null,
    heavyLifeYears: null,
    citation: law07(10, 1, 'b', 'Ít nhất 1/3 thời hạn, 14 năm đối với tù chung thân đã được giảm'),
  },
  // Criminal Code 1999 Art 50: an aggregated prison term does not exceed 30 years.
  aggregationCapYears: 30,
  categories: [
    { code: 'MAJOR_MERIT', claimedAs: 'MAJOR_MERIT', citation: decree76(5, 2, 'a', 'Đã lập công lớn') },
    { code: 'SERIOUS_ILLNESS', claimedAs: 'SERIOUS_ILLNESS', citation: decree76(5, 2, 'b', 'Mắc bệnh hiểm nghèo') },
    { code: 'FREQUENT_ILLNESS', claimedAs: 'FREQUENT_ILLNESS', citation: decree76(5, 2, 'c', 'Ốm đau thường xuyên') },
    {
      code: 'FAMILY_HARDSHIP',
      claimedAs: 'FAMILY_HARDSHIP',
      citation: decree76(5, 2, 'd', 'Hoàn cảnh gia đình đặc biệt khó khăn, lao động duy nhất'),
    },
  ],
  rules: [
    scopeRule,
    conductRule,
    conductLatestRule,
    securityOrderRule,
    timeServedGeneralRule,
    timeServedSpecialRule,
    obligationsRule,
    pendingProtestRule({
      id: 'R-EXC-A',
      title: 'Bản án đang bị kháng nghị giám đốc thẩm, tái thẩm',
      citation: law07(11, undefined, 'a', 'Bản án, quyết định đang bị kháng nghị giám đốc thẩm, tái thẩm'),
      aggravatingOnly: false,
    }),
    pendingProsecutionRule({
      id: 'R-EXC-B',
      title: 'Đang bị truy cứu trách nhiệm hình sự về tội phạm khác',
      citation: law07(11, undefined, 'b', 'Đang bị truy cứu trách nhiệm hình sự về tội phạm khác'),
    }),
    earlierAmnestyRule({
      id: 'R-EXC-C',
      title: 'Trước đó đã được đặc xá',
      citation: law07(11, undefined, 'c', 'Trước đó đã được đặc xá'),
    }),
    priorConvictionsRule({
      id: 'R-EXC-D',
      title: 'Có từ hai tiền án trở lên',
      citation: law07(11, undefined, 'd', 'Có từ hai tiền án trở lên'),
      maxAllowed: 1,
    }),
    meritRule,
    seriousIllnessRule,
    frequentIllnessRule,
    familyHardshipRule,
  ],
  roundRules: (round) =>
    roundExclusionRules(round, {
      id: 'R-EXC-LIST',
      citation: law07(11, undefined, 'đ', 'Các trường hợp khác do Chủ tịch nước quyết định'),
    }),
};
