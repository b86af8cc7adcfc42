import { tryDayNumber } from '../../../../kernel/calendar-date.js';
import { addYmd } from '../../calendar/duration.js';
import type { HospitalStay } from '../../facts.js';
import { claimedCategoryRule, councilReference } from '../shared/category-evidence.js';
import type { EvidenceRequirement } from '../shared/evidence.js';
import { decree52, law } from './citations.js';
import { LAW_30_DATA } from './law-data.js';

// Decree 52/2019 Art 5(3)(c): a conclusion of the medical-assessment council, or of a hospital at provincial or
// military-region level or above, no older than 6 months on the day the camp council meets.
export const MEDICAL_CONCLUSION: EvidenceRequirement = {
  kinds: ['MEDICAL_ASSESSMENT_CONCLUSION', 'HOSPITAL_CONCLUSION'],
  label: 'Kết luận của Hội đồng giám định y khoa hoặc của bệnh viện cấp tỉnh, cấp quân khu trở lên',
  minLevel: 'PROVINCE',
  maxAgeMonths: LAW_30_DATA.medicalValidityMonths,
};

const DIAGNOSIS_LABELS: Record<string, string> = {
  LATE_STAGE_CANCER: 'ung thư giai đoạn cuối',
  PARALYSIS: 'liệt',
  SEVERE_DRUG_RESISTANT_TB: 'lao nặng kháng thuốc',
  CIRRHOSIS_WITH_ASCITES: 'xơ gan cổ trướng',
  HEART_FAILURE_GRADE_3_PLUS: 'suy tim độ III trở lên',
  KIDNEY_FAILURE_GRADE_4_PLUS: 'suy thận độ IV trở lên',
  HIV_STAGE_4_OPPORTUNISTIC: 'HIV giai đoạn lâm sàng IV có nhiễm trùng cơ hội',
};

export const seriousIllnessRule = claimedCategoryRule({
  id: 'R-EVID-ILL',
  title: 'Căn cứ xác định bệnh hiểm nghèo',
  category: 'SERIOUS_ILLNESS',
  claimedAs: 'SERIOUS_ILLNESS',
  citation: law(11, 3, 'c', 'Đang mắc bệnh hiểm nghèo'),
  alsoCites: [
    decree52(4, 5, undefined, 'Người mắc bệnh hiểm nghèo'),
    decree52(5, 3, 'c', 'Kết luận y khoa, thời hạn 6 tháng'),
  ],
  assess(ctx, c) {
    const listed = c.diagnosis === null ? undefined : DIAGNOSIS_LABELS[c.diagnosis];
    return {
      criteria: [
        {
          label: 'Không tự phục vụ được bản thân',
          value: c.selfCareUnable,
          evidence: 'Kết luận y khoa về khả năng tự phục vụ bản thân',
        },
        {
          label: 'Có tiên lượng xấu, nguy cơ tử vong cao',
          value: c.highDeathRisk,
          evidence: 'Kết luận y khoa về tiên lượng bệnh',
        },
      ],
      evidence: c.evidence,
      documents: [{ req: MEDICAL_CONCLUSION, reference: councilReference(ctx) }],
      passText: listed
        ? `Mắc ${listed} (${c.diagnosisText}), thuộc danh mục bệnh hiểm nghèo, có kết luận y khoa hợp lệ.`
        : `Mắc ${c.diagnosisText}, có kết luận bằng văn bản về việc không tự phục vụ bản thân và nguy cơ tử vong cao.`,
    };
  },
});

function monthsLong(stay: HospitalStay, months: number): boolean | null {
  const from = tryDayNumber(stay.from);
  const to = tryDayNumber(stay.to);
  if (from === null || to === null) return null;
  return addYmd(from, { years: 0, months, days: 0 }) <= to + 1;
}

// Without dates, a length in days settles "3 months" only when every 3-month span is shorter (92 days or more) or
// every one is longer (under 89 days); in between the dates are needed.
function longestStayMeets(days: number | null, months: number): boolean | null {
  if (days === null) return null;
  if (days >= months * 31 - 1) return true;
  return days < months * 30 - 1 ? false : null;
}

function countMeets(count: number | null, needed: number): boolean | null {
  return count === null ? null : count >= needed;
}

// Any source showing the condition met settles it; otherwise the dated stays, when listed, are the whole record;
// otherwise the summary fails only when both its parts say no.
function settle(fromStays: boolean | null, continuous: boolean | null, count: boolean | null): boolean | null {
  if (fromStays === true || continuous === true || count === true) return true;
  if (fromStays !== null) return fromStays;
  return continuous === false && count === false ? false : null;
}

export const frequentIllnessRule = claimedCategoryRule({
  id: 'R-EVID-FREQ',
  title: 'Căn cứ xác định ốm đau thường xuyên',
  category: 'FREQUENT_ILLNESS',
  claimedAs: 'FREQUENT_ILLNESS',
  citation: law(11, 3, 'c', 'Ốm đau thường xuyên mà không tự phục vụ bản thân được'),
  alsoCites: [
    decree52(4, 6, undefined, 'Người ốm đau thường xuyên'),
    decree52(5, 3, 'c', 'Kết luận y khoa, thời hạn 6 tháng'),
  ],
  assess(ctx, c) {
    const d = LAW_30_DATA;
    const continuous = c.stays.map((s) => monthsLong(s, d.frequentIllnessContinuousMonths));
    const longHospital = c.stays
      .filter((s) => s.facility === 'HOSPITAL')
      .map((s) => monthsLong(s, d.frequentIllnessStayMonths));
    const fromStays =
      c.stays.length === 0
        ? null
        : continuous.some((x) => x === true) || longHospital.filter((x) => x === true).length >= d.frequentIllnessStays
          ? true
          : continuous.some((x) => x === null) || longHospital.some((x) => x === null)
            ? null
            : false;
    const enough = settle(
      fromStays,
      longestStayMeets(c.longestStayDays ?? null, d.frequentIllnessContinuousMonths),
      countMeets(c.hospitalStaysOfAtLeastOneMonth ?? null, d.frequentIllnessStays),
    );
    return {
      criteria: [
        {
          label: `Điều trị nội trú liên tục từ ${d.frequentIllnessContinuousMonths} tháng hoặc nằm viện từ ${d.frequentIllnessStays} lần, mỗi lần từ ${d.frequentIllnessStayMonths} tháng`,
          value: enough,
          evidence: 'Hồ sơ bệnh án thể hiện các đợt điều trị nội trú',
        },
        {
          label: 'Không tự phục vụ được bản thân',
          value: c.selfCareUnable,
          evidence: 'Kết luận y khoa về khả năng tự phục vụ bản thân',
        },
      ],
      evidence: c.evidence,
      documents: [{ req: MEDICAL_CONCLUSION, reference: councilReference(ctx) }],
      passText:
        'Thời gian điều trị nội trú đáp ứng mức quy định, không tự phục vụ được bản thân, có kết luận y khoa hợp lệ.',
    };
  },
});
