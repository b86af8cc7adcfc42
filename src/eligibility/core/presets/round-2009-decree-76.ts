import type { RoundParameters } from '../round/round-parameters.js';
import { known, seen, unknown } from './param.js';

const PLO = 'plo.vn 2009 về đợt đặc xá thứ hai năm 2009; cuuchienbinh.vn 2011';
const NOT_FOUND = 'Văn bản gốc của đợt 2009 chưa được truy xuất';

// A decree-era round, for re-explaining records kept from the 2009 amnesty under Law 07/2007 and Decree 76/2008.
// Most of its values were not retrieved: they stay empty, and a screening must supply them from the archive.
export const ROUND_2009_DECREE_76: RoundParameters = {
  code: 'DOT-2009-2',
  title: 'Đặc xá đợt 2 năm 2009 (Luật Đặc xá 2007, Nghị định 76/2008)',
  rulePack: 'decree-76-2008',
  decision: { number: unknown(NOT_FOUND), date: unknown(NOT_FOUND), guidance: unknown(NOT_FOUND) },
  cutoffDate: unknown(`Thời điểm tính của đợt: ${NOT_FOUND}`),
  time: {
    general: {
      fraction: known({ numerator: 1, denominator: 3 }, 'Luật Đặc xá 2007, Điều 10 khoản 1 điểm b (baokhanhhoa 2010)'),
      lifeYears: known(14, 'Luật Đặc xá 2007, Điều 10 khoản 1 điểm b'),
    },
    heavy: {
      fraction: unknown('Luật 2007 không có nhóm tội nặng'),
      lifeYears: unknown('Luật 2007 không có nhóm tội nặng'),
    },
    special: { fraction: seen({ numerator: 1, denominator: 4 }, PLO), lifeYears: seen(12, PLO) },
    specialHeavy: {
      fraction: unknown('Luật 2007 không có nhóm tội nặng'),
      lifeYears: unknown('Luật 2007 không có nhóm tội nặng'),
    },
  },
  specialCategories: known(
    ['MAJOR_MERIT', 'SERIOUS_ILLNESS', 'FREQUENT_ILLNESS', 'FAMILY_HARDSHIP'],
    'Luật Đặc xá 2007, Điều 10 khoản 2; Nghị định 76/2008, Điều 5 khoản 2',
  ),
  roundDefinedCategories: unknown(
    `Người từ 70 tuổi, dưới 18 tuổi, phụ nữ có thai do Quyết định của đợt quy định: ${NOT_FOUND}`,
  ),
  conduct: {
    mode: known('ALL_FULL_QUARTERS', 'Hướng dẫn 82/2008 và 325/2016: các quý của các năm xét đều đạt Khá trở lên'),
    calendar: unknown(`Mốc quý xếp loại cải tạo năm 2009: ${NOT_FOUND}`),
    lastQuarter: unknown(`Quý xếp loại cuối được xét: ${NOT_FOUND}`),
    consecutiveBands: [],
    requireSinceLastQuarter: unknown(NOT_FOUND),
  },
  fullPaymentGroups: known(
    [],
    'Luật 2007 đòi thi hành xong mọi nghĩa vụ (Điều 10 khoản 1 điểm c), không phân nhóm tội',
  ),
  exclusions: {
    items: [],
    complete: known(false, `Các trường hợp do Chủ tịch nước quyết định (Điều 11 điểm đ): ${NOT_FOUND}`),
  },
  ballot: {
    threshold: known(
      { kind: 'SIMPLE_MAJORITY_OF_VALID' },
      'Nghị định 76/2008, Điều 7 khoản 1 (bỏ phiếu kín); quá bán số phiếu hợp lệ',
    ),
  },
  readings: {
    frequentIllnessMinStays: known(
      2,
      'Nghị định 76/2008, Điều 5 khoản 2 điểm c ("nhiều lần", không định lượng): hiểu là từ 2 lần trở lên',
    ),
  },
  deadlines: {
    applicationDays: unknown('Luật 2007 không quy định thời hạn viết đơn'),
    listPreparationDays: unknown(NOT_FOUND),
    courtListDays: unknown('Luật 2007 không áp dụng cho người tạm đình chỉ'),
    appraisalDays: unknown(NOT_FOUND),
    complaintDays: unknown(NOT_FOUND),
    complaintDecisionDays: unknown(NOT_FOUND),
  },
  dates: {
    campCouncil: unknown(NOT_FOUND),
    councilReview: unknown(NOT_FOUND),
    grantDecision: unknown(NOT_FOUND),
    effective: unknown(NOT_FOUND),
  },
};
