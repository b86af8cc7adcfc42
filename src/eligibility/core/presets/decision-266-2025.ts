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

const LD = 'Báo Lao Động (bản tiếng Anh), "bổ sung đối tượng không được đặc xá năm 2025"';
const Q = 'Quyết định số 266/2025/QĐ-CTN';

// 2025 round 1 (30/4, 50 years of reunification).
export const DECISION_266_2025: RoundParameters = {
  code: 'QD-266-2025',
  title: 'Đặc xá năm 2025 (đợt 1) theo Quyết định số 266/2025/QĐ-CTN',
  rulePack: 'law-30-2018',
  decision: {
    number: seen('266/2025/QĐ-CTN', 'Tiền Phong, Báo Pháp luật'),
    date: seen('2025-03-03', 'Tiền Phong, Báo Pháp luật'),
    guidance: seen('21/HD-HĐTVĐX ngày 07/03/2025', 'Hướng dẫn 21/HD-HĐTVĐX'),
  },
  cutoffDate: seen('2025-04-30', 'Quyết định 266/2025 (thời điểm tính 30/4/2025)'),
  time: {
    general: { fraction: seen({ numerator: 1, denominator: 3 }, LD), lifeYears: seen(14, LD) },
    heavy: {
      fraction: known({ numerator: 1, denominator: 2 }, 'Mức tối thiểu của Luật (Điều 11 khoản 1 điểm b đoạn 2)'),
      lifeYears: known(17, 'Mức tối thiểu của Luật (Điều 11 khoản 1 điểm b đoạn 2)'),
    },
    special: {
      fraction: seen({ numerator: 1, denominator: 4 }, LD),
      lifeYears: known(12, 'Các đợt 2009–2025 dùng 12 năm cho diện ưu tiên; chưa đối chiếu văn bản gốc'),
    },
    specialHeavy: {
      fraction: unknown('Mức đối với diện ưu tiên thuộc nhóm tội nặng: chưa tìm thấy'),
      lifeYears: unknown('chưa tìm thấy'),
    },
  },
  specialCategories: known(
    LAW_30_SPECIAL_CATEGORIES,
    `${Q}, Điều 3 khoản 3 (theo khoản 3, 4 Điều 11 Luật Đặc xá; chưa đối chiếu văn bản gốc)`,
  ),
  roundDefinedCategories: UNKNOWN_ROUND_CATEGORIES,
  conduct: {
    mode: known(
      'ALL_FULL_QUARTERS',
      'Nghị định 52/2019, Điều 4 khoản 1; bảng số quý liên tục chỉ có từ Quyết định 1244/2025',
    ),
    calendar: known('ND_118_2024', 'Nghị định 118/2024, Điều 18 khoản 1 (quý 1 từ 01/12 năm trước đến hết tháng 2)'),
    lastQuarter: known(
      '2025-Q1',
      'Quý 1/2025 kết thúc 28/02/2025 theo Nghị định 118/2024; chưa đối chiếu Hướng dẫn 21',
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
          instrument: Q,
          article: 4,
          text: 'Thời hạn chấp hành án phạt tù còn lại trên 8 năm (khoản 1, 2 Điều 3) hoặc trên 10 năm (khoản 3, 4 Điều 3)',
        },
        general: seen({ years: 8, months: 0, days: 0 }, LD),
        special: seen({ years: 10, months: 0, days: 0 }, LD),
        source: LD,
        confidence: 'V',
      },
      {
        id: 'R-EXC-R5',
        kind: 'DRUG_REMAINING_CAP',
        label: 'Phạm tội về ma túy mà thời hạn tù còn lại vượt mức của đợt',
        citation: {
          instrument: Q,
          article: 4,
          text: 'Tội phạm về ma túy: án đến 3 năm còn lại trên 6 tháng; trên 3 năm đến 7 năm còn lại trên 1 năm; …',
        },
        bands: [
          { overYears: null, upToYears: 3, life: false, remainingCap: seen({ years: 0, months: 6, days: 0 }, LD) },
          { overYears: 3, upToYears: 7, life: false, remainingCap: seen({ years: 1, months: 0, days: 0 }, LD) },
          { overYears: 7, upToYears: null, life: false, remainingCap: unknown('Các mức án trên 7 năm: chưa tìm thấy') },
          {
            overYears: null,
            upToYears: null,
            life: true,
            remainingCap: unknown('Tù chung thân đã giảm: chưa tìm thấy'),
          },
        ],
        source: LD,
        confidence: 'V',
      },
      ...recurringExclusions('266/2025/QĐ-CTN', 'Danh sách loại trừ thường gặp (plo 2021, lawnet 2022, laodong 2025)'),
    ],
    complete: seen(false, 'Danh sách của Quyết định chưa được truy xuất đầy đủ; mới nhập các mục đã biết'),
  },
  ballot: { threshold: SIMPLE_MAJORITY },
  deadlines: LAW_30_DEADLINES,
  appraisal: LAW_30_APPRAISAL_TEAM,
  procedure: NO_COUNCIL_RECONSIDERATION,
  foreigners: NO_FOREIGN_MINISTRY_NOTICE,
  dates: {
    campCouncil: CAMP_COUNCIL_UNPLANNED,
    councilReview: unknown('Ngày Hội đồng tư vấn đặc xá họp: chưa tìm thấy'),
    grantDecision: seen('2025-04-29', 'Quyết định 767/QĐ-CTN ngày 29/04/2025 (Tiền Phong)'),
    effective: seen('2025-05-01', 'Tiền Phong, Báo Pháp luật'),
  },
};
