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

const Q = 'Quyết định số 1244/2025/QĐ-CTN';
const TABLE = 'baomoi.net.vn; ja.laodong.vn (bảng số quý liên tục của Quyết định 1244/2025)';
const TABLE_MT = 'ja.laodong.vn, bản dịch máy tiếng Nhật: chưa đối chiếu bản tiếng Việt';

// 2025 round 2 (2/9, 80th National Day): the first round with a consecutive-quarter table by sentence band.
export const DECISION_1244_2025: RoundParameters = {
  code: 'QD-1244-2025',
  title: 'Đặc xá năm 2025 (đợt 2) theo Quyết định số 1244/2025/QĐ-CTN',
  rulePack: 'law-30-2018',
  decision: {
    number: seen('1244/2025/QĐ-CTN', 'Tiền Phong, VnExpress'),
    date: seen('2025-07-03', 'Tiền Phong, VnExpress'),
    guidance: seen('94/HD-HĐTVĐX ngày 04/07/2025', 'Hướng dẫn 94/HD-HĐTVĐX (cand.com.vn, thuvienphapluat)'),
  },
  cutoffDate: seen('2025-08-31', 'Hướng dẫn 94/HD-HĐTVĐX (thời điểm tính 31/8/2025)'),
  time: {
    general: {
      fraction: known(
        { numerator: 1, denominator: 3 },
        'Mức của Luật; báo chí nêu đợt 2 "mở rộng" so với đợt 1 (1/3); chưa đối chiếu văn bản gốc',
      ),
      lifeYears: known(14, 'Mức của Luật; chưa đối chiếu văn bản gốc'),
    },
    heavy: {
      fraction: known({ numerator: 1, denominator: 2 }, 'Mức tối thiểu của Luật (Điều 11 khoản 1 điểm b đoạn 2)'),
      lifeYears: known(17, 'Mức tối thiểu của Luật (Điều 11 khoản 1 điểm b đoạn 2)'),
    },
    special: {
      fraction: known({ numerator: 1, denominator: 4 }, 'Như đợt 1 năm 2025; chưa đối chiếu văn bản gốc'),
      lifeYears: known(12, 'Như các đợt trước; chưa đối chiếu văn bản gốc'),
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
    mode: seen('CONSECUTIVE_QUARTERS', `${Q}, Điều 3 khoản 1 điểm a; Luật 86/2025, Điều 2 khoản 2 điểm b`),
    calendar: seen('ND_118_2024', 'Hướng dẫn 94/HD-HĐTVĐX mục II; Nghị định 118/2024, Điều 18 khoản 1'),
    lastQuarter: seen('2025-Q2', 'Hướng dẫn 94/HD-HĐTVĐX: quý 2/2025 kết thúc ngày cuối tháng 5'),
    consecutiveBands: [
      { overYears: null, upToYears: null, life: true, quarters: seen(18, TABLE) },
      {
        overYears: 15,
        upToYears: 30,
        life: false,
        quarters: seen(16, `${TABLE} (một nguồn in "đến 35", nhiều khả năng lỗi in)`),
      },
      { overYears: 10, upToYears: 15, life: false, quarters: known(14, TABLE_MT) },
      { overYears: 8, upToYears: 10, life: false, quarters: known(8, TABLE_MT) },
      { overYears: 5, upToYears: 8, life: false, quarters: known(4, TABLE_MT) },
      { overYears: 3, upToYears: 5, life: false, quarters: known(2, TABLE_MT) },
      { overYears: null, upToYears: 3, life: false, quarters: unknown('Mức án đến 3 năm: văn bản nguồn bị cắt') },
    ],
    requireSinceLastQuarter: seen(true, 'Hướng dẫn 94/HD-HĐTVĐX mục II: từ 01/6/2025 đến ngày họp Hội đồng'),
  },
  fullPaymentGroups: unknown('Tội khác do Chủ tịch nước quy định tại điểm d khoản 1 Điều 11: chưa có văn bản gốc'),
  exclusions: {
    items: [
      {
        id: 'R-EXC-R1',
        kind: 'REMAINING_TERM_CAP',
        label: 'Thời hạn tù còn lại vượt mức tối đa của đợt',
        citation: { instrument: Q, article: 4, text: 'Thời hạn chấp hành án phạt tù còn lại' },
        general: unknown('Mức còn lại tối đa của đợt 2 năm 2025: chưa tìm thấy'),
        special: unknown('Mức còn lại tối đa của đợt 2 năm 2025: chưa tìm thấy'),
        source: 'vietnamplus (Điều 4 có 14 mục)',
        confidence: '?',
      },
      {
        id: 'R-EXC-R5',
        kind: 'DRUG_REMAINING_CAP',
        label: 'Phạm tội về ma túy mà thời hạn tù còn lại vượt mức của đợt',
        citation: { instrument: Q, article: 4, text: 'Tội phạm về ma túy, thời hạn còn lại theo mức án' },
        bands: [],
        source: 'Các mức của đợt 2 năm 2025: chưa tìm thấy',
        confidence: '?',
      },
      ...recurringExclusions('1244/2025/QĐ-CTN', 'Danh sách loại trừ thường gặp (vietnamplus 2025, laodong 2025)'),
    ],
    complete: seen(false, 'Điều 4 có 14 mục (vietnamplus); danh sách đầy đủ chưa được truy xuất'),
  },
  ballot: { threshold: SIMPLE_MAJORITY },
  deadlines: LAW_30_DEADLINES,
  appraisal: LAW_30_APPRAISAL_TEAM,
  procedure: NO_COUNCIL_RECONSIDERATION,
  foreigners: NO_FOREIGN_MINISTRY_NOTICE,
  dates: {
    campCouncil: CAMP_COUNCIL_UNPLANNED,
    councilReview: seen('2025-08-25', 'Dân trí 25/8/2025'),
    grantDecision: seen('2025-08-29', 'Quyết định 1693/QĐ-CTN ngày 29/08/2025'),
    effective: seen('2025-09-01', 'Tiền Phong, VnExpress'),
  },
};
