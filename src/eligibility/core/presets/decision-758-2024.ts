import type { RoundParameters } from '../round/round-parameters.js';
import {
  LAW_30_APPRAISAL_TEAM,
  LAW_30_DEADLINES,
  NO_COUNCIL_RECONSIDERATION,
  NO_FOREIGN_MINISTRY_NOTICE,
  LAW_30_SPECIAL_CATEGORIES,
  recurringExclusions,
  SIMPLE_MAJORITY,
  UNKNOWN_ROUND_CATEGORIES,
  CAMP_COUNCIL_UNPLANNED,
} from './law-30-2018-common.js';
import { known, seen, unknown } from './param.js';

const LD = 'Báo Lao Động (bản tiếng Anh), hội nghị Ban chỉ đạo đặc xá Bộ Quốc phòng 2025, so sánh với năm 2024';

// The 2024 round (2/9 and 10/10). Stricter than the law: 1/2 of the term, 15 years for commuted life.
export const DECISION_758_2024: RoundParameters = {
  code: 'QD-758-2024',
  title: 'Đặc xá năm 2024 theo Quyết định số 758/2024/QĐ-CTN',
  rulePack: 'law-30-2018',
  decision: {
    number: seen('758/2024/QĐ-CTN', 'ANTV; Báo Dân tộc'),
    date: unknown('Nguồn mâu thuẫn: ANTV ghi 3/7/2024, Báo Dân tộc ghi ký sau đề nghị của Chính phủ ngày 30/7/2024'),
    guidance: seen('88/HD-HĐTVĐX ngày 02/08/2024', 'Hướng dẫn 88/HD-HĐTVĐX'),
  },
  cutoffDate: seen('2024-09-30', 'Hướng dẫn 88/HD-HĐTVĐX (thời điểm tính 30/9/2024)'),
  time: {
    general: {
      fraction: seen({ numerator: 1, denominator: 2 }, 'Quyết định 758/2024, Điều 3'),
      lifeYears: seen(15, 'Quyết định 758/2024, Điều 3'),
    },
    heavy: {
      fraction: known(
        { numerator: 1, denominator: 2 },
        'Mức tối thiểu của Luật (Điều 11 khoản 1 điểm b đoạn 2); mức chung của đợt đã là 1/2',
      ),
      lifeYears: known(17, 'Mức tối thiểu của Luật (Điều 11 khoản 1 điểm b đoạn 2)'),
    },
    special: {
      fraction: seen({ numerator: 1, denominator: 3 }, 'Quyết định 758/2024, Điều 3 (diện ưu tiên 1/3)'),
      lifeYears: unknown('Số năm đối với tù chung thân đã giảm thuộc diện ưu tiên: chưa tìm thấy'),
    },
    specialHeavy: {
      fraction: unknown('Mức đối với diện ưu tiên thuộc nhóm tội nặng: chưa tìm thấy'),
      lifeYears: unknown('chưa tìm thấy'),
    },
  },
  specialCategories: known(
    LAW_30_SPECIAL_CATEGORIES,
    'Quyết định 758/2024, Điều 3 khoản 3 (theo khoản 3, 4 Điều 11 Luật Đặc xá; chưa đối chiếu văn bản gốc)',
  ),
  roundDefinedCategories: UNKNOWN_ROUND_CATEGORIES,
  conduct: {
    mode: known('ALL_FULL_QUARTERS', 'Nghị định 52/2019, Điều 4 khoản 1 (mọi quý đủ thời gian xếp loại)'),
    calendar: seen(
      'ND_133_2020',
      'Nghị định 133/2020: quý 2 kết thúc 25/5, quý 3 kết thúc 25/8 (HD 73/2022, kienthuc 2024)',
    ),
    lastQuarter: known(
      '2024-Q2',
      'Quý 2/2024 kết thúc 25/05/2024 theo Nghị định 133/2020; chưa đối chiếu Hướng dẫn 88',
    ),
    consecutiveBands: [],
    requireSinceLastQuarter: known(
      true,
      'Hướng dẫn của Hội đồng tư vấn đặc xá: giai đoạn sau quý cuối đến ngày họp Hội đồng',
    ),
  },
  fullPaymentGroups: unknown('Tội khác do Chủ tịch nước quy định tại điểm d khoản 1 Điều 11: chưa có văn bản gốc'),
  exclusions: {
    items: [
      {
        id: 'R-EXC-R1',
        kind: 'REMAINING_TERM_CAP',
        label: 'Thời hạn tù còn lại vượt mức tối đa của đợt',
        citation: {
          instrument: 'Quyết định số 758/2024/QĐ-CTN',
          article: 4,
          text: 'Thời hạn chấp hành án phạt tù còn lại trên 6 năm (khoản 1, 2 Điều 3) hoặc trên 8 năm (khoản 3, 4 Điều 3)',
        },
        general: seen({ years: 6, months: 0, days: 0 }, LD),
        special: seen({ years: 8, months: 0, days: 0 }, LD),
        source: LD,
        confidence: 'V',
      },
      {
        id: 'R-EXC-R5',
        kind: 'DRUG_REMAINING_CAP',
        label: 'Phạm tội về ma túy mà thời hạn tù còn lại vượt mức của đợt',
        citation: {
          instrument: 'Quyết định số 758/2024/QĐ-CTN',
          article: 4,
          text: 'Tội phạm về ma túy, thời hạn còn lại theo mức án',
        },
        bands: [],
        source: `${LD} (năm 2024 đã có quy định này; các mức chưa tìm thấy)`,
        confidence: '?',
      },
      ...recurringExclusions('758/2024/QĐ-CTN', 'Danh sách loại trừ thường gặp (plo 2021, lawnet 2022, vietbao 2022)'),
    ],
    complete: seen(false, 'Danh sách của Quyết định có khoảng 14–15 mục; mới nhập các mục đã biết'),
  },
  ballot: { threshold: SIMPLE_MAJORITY },
  deadlines: LAW_30_DEADLINES,
  appraisal: LAW_30_APPRAISAL_TEAM,
  procedure: NO_COUNCIL_RECONSIDERATION,
  foreigners: NO_FOREIGN_MINISTRY_NOTICE,
  dates: {
    campCouncil: CAMP_COUNCIL_UNPLANNED,
    councilReview: unknown('Ngày Hội đồng tư vấn đặc xá họp: chưa tìm thấy'),
    grantDecision: unknown('Ngày ký Quyết định đặc xá: công bố 30/9/2024, ngày ký chưa tìm thấy'),
    effective: seen('2024-10-01', 'baomoi, Báo Dân tộc'),
  },
};
