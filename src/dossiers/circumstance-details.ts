import { isCalendarDate } from '../common/validators.js';
import { EvidenceCode, SpecialCategory } from './dossier-format.js';

// The closed list of `specialCircumstances[].details` keys per category, each with its type, its code list where it
// has one, and the article that names the fact. docs/dossier-format.md and docs/dossier.schema.json say the same;
// a key not listed here, or a code not in its list, is refused with the field's path.

type DetailType = 'text' | 'bool' | 'int' | 'date' | 'code' | 'stays';

export interface DetailSpec {
  type: DetailType;
  codes?: Readonly<Record<string, string>>;
  label: string;
  article?: string;
}

export const DIAGNOSIS_CODES: Readonly<Record<string, string>> = {
  CANCER: 'Ung thư (không ghi giai đoạn cuối)',
  LATE_STAGE_CANCER: 'Ung thư giai đoạn cuối',
  PARALYSIS: 'Liệt, bại liệt',
  SEVERE_DRUG_RESISTANT_TB: 'Lao nặng kháng thuốc',
  CIRRHOSIS_WITH_ASCITES: 'Xơ gan cổ chướng',
  HEART_FAILURE_GRADE_3_PLUS: 'Suy tim độ III trở lên',
  KIDNEY_FAILURE_GRADE_4_PLUS: 'Suy thận độ IV trở lên',
  HIV_STAGE_4_OPPORTUNISTIC: 'HIV giai đoạn AIDS (lâm sàng IV) có nhiễm trùng cơ hội',
  OTHER: 'Bệnh khác (Hội đồng giám định y khoa hoặc bệnh viện kết luận)',
};

export const MERIT_KIND_CODES: Readonly<Record<string, string>> = {
  CRIME_DETECTION: 'Giúp phát hiện, truy bắt, điều tra, xử lý tội phạm',
  SAVED_LIFE: 'Cứu được tính mạng người khác',
  SAVED_PROPERTY: 'Cứu được tài sản',
  INVENTION: 'Phát minh, sáng kiến có giá trị lớn',
  OUTSTANDING_ACHIEVEMENT: 'Thành tích đặc biệt xuất sắc khác',
};

export const MERIT_CONTEXT_CODES: Readonly<Record<string, string>> = {
  NATURAL_DISASTER: 'Trong thiên tai',
  FIRE: 'Trong hỏa hoạn',
  OTHER: 'Hoàn cảnh khác',
};

export const MERITORIOUS_STATUS_CODES: Readonly<Record<string, string>> = {
  REVOLUTIONARY_MERIT: 'Người có công với cách mạng',
  WAR_INVALID: 'Thương binh',
  SICK_SOLDIER: 'Bệnh binh',
  DUNG_SI: 'Danh hiệu Dũng sĩ',
  LABOUR_HERO: 'Anh hùng Lao động',
  ORDER_OR_RESISTANCE_MEDAL: 'Huân chương, Huy chương kháng chiến',
  MARTYR_RELATIVE: 'Thân nhân liệt sĩ',
  HEROIC_MOTHER_CHILD: 'Con của Bà mẹ Việt Nam anh hùng',
  REVOLUTION_HELPER_RELATIVE: 'Thân nhân người có công giúp đỡ cách mạng',
};

export const HARDSHIP_CAUSE_CODES: Readonly<Record<string, string>> = {
  ACCIDENT: 'Tai nạn',
  ILLNESS: 'Ốm đau',
  NATURAL_DISASTER: 'Thiên tai',
  FIRE: 'Hỏa hoạn',
  FORCE_MAJEURE: 'Sự kiện bất khả kháng khác',
  RELATIVE_SERIOUSLY_ILL: 'Người thân ốm đau nặng kéo dài, không có người chăm sóc',
  OTHER: 'Nguyên nhân khác (không thuộc các trường hợp Nghị định nêu)',
};

export const RELATION_CODES: Readonly<Record<string, string>> = {
  PARENT: 'Bố đẻ, mẹ đẻ',
  ADOPTIVE_PARENT: 'Bố nuôi, mẹ nuôi',
  SPOUSE: 'Vợ, chồng',
  CHILD: 'Con',
  SIBLING: 'Anh, chị, em',
  GRANDPARENT: 'Ông, bà',
  GRANDCHILD: 'Cháu',
  OTHER: 'Quan hệ khác',
};

export const DISABILITY_LEVEL_CODES: Readonly<Record<string, string>> = {
  MILD: 'Nhẹ',
  MODERATE: 'Nặng vừa',
  SEVERE: 'Nặng',
  ESPECIALLY_SEVERE: 'Đặc biệt nặng',
};

export const STAY_FACILITY_CODES: Readonly<Record<string, string>> = {
  INFIRMARY: 'Bệnh xá',
  HOSPITAL: 'Bệnh viện',
};

// The closed list of document kinds (EvidenceCode), in Vietnamese.
export const EVIDENCE_CODE_LABELS: Readonly<Record<EvidenceCode, string>> = {
  MEDICAL_ASSESSMENT_CONCLUSION: 'Kết luận của Hội đồng giám định y khoa',
  HOSPITAL_CONCLUSION: 'Kết luận của bệnh viện',
  MEDICAL_RECORD_COPY: 'Bản sao bệnh án',
  HEALTH_AGENCY_CONFIRMATION: 'Xác nhận của cơ quan y tế',
  HIV_TEST: 'Phiếu xét nghiệm HIV',
  HEALTH_CENTRE_CONCLUSION: 'Kết luận của trung tâm y tế',
  PREGNANCY_CONCLUSION: 'Kết luận về việc có thai',
  MERIT_STATEMENT: 'Bản tự khai thành tích lập công',
  REWARD_PROPOSAL: 'Văn bản đề nghị khen thưởng',
  MERIT_CONFIRMATION: 'Xác nhận thành tích lập công',
  REWARD_DECISION: 'Quyết định khen thưởng',
  MERIT_STATUS_PROOF: 'Giấy tờ chứng minh là người có công',
  DECORATION_COPY: 'Bản sao quyết định tặng danh hiệu, huân chương, huy chương',
  RELATIVE_CERTIFICATION: 'Xác nhận quan hệ thân nhân',
  FAMILY_PETITION: 'Đơn trình bày hoàn cảnh gia đình',
  COMMUNE_CERTIFICATION: 'Xác nhận của Ủy ban nhân dân cấp xã',
  DISABILITY_CERTIFICATE: 'Giấy xác nhận khuyết tật',
  COURT_DECISION: 'Quyết định của Tòa án',
  BIRTH_CERTIFICATE: 'Giấy khai sinh',
  JUDGMENT_EXTRACT: 'Trích lục bản án',
  CHILD_BIRTH_CERTIFICATE: 'Giấy khai sinh hoặc giấy chứng sinh của con',
  ROUND_CATEGORY_PROOF: 'Giấy tờ chứng minh trường hợp khác theo Quyết định',
  EXPUNGEMENT_CERTIFICATE: 'Giấy chứng nhận xóa án tích',
  CRIMINAL_RECORD_EXTRACT: 'Phiếu lý lịch tư pháp',
  SUSPENSION_CONDUCT_COMMENT: 'Nhận xét về việc chấp hành pháp luật trong thời gian tạm đình chỉ',
  IDENTITY_PAPER_COPY: 'Bản sao hộ chiếu hoặc giấy tờ có giá trị đi lại quốc tế',
  OTHER: 'Giấy tờ khác',
};

const D52 = 'Nghị định 52/2019/NĐ-CP';

export const CIRCUMSTANCE_DETAILS: Readonly<Record<SpecialCategory, Readonly<Record<string, DetailSpec>>>> = {
  [SpecialCategory.MAJOR_MERIT]: {
    meritType: { type: 'code', codes: MERIT_KIND_CODES, label: 'Loại lập công', article: `${D52}, Điều 4 khoản 4` },
    meritContext: {
      type: 'code',
      codes: MERIT_CONTEXT_CODES,
      label: 'Hoàn cảnh cứu người, cứu tài sản',
      article: `${D52}, Điều 4 khoản 4 điểm b`,
    },
    meritDate: { type: 'date', label: 'Ngày lập công', article: `${D52}, Điều 4 khoản 4` },
    propertyValue: { type: 'int', label: 'Giá trị tài sản cứu được (đồng)', article: `${D52}, Điều 4 khoản 4 điểm b` },
    description: { type: 'text', label: 'Mô tả thành tích' },
  },
  [SpecialCategory.WAR_INVALID_OR_DECORATED]: {
    status: {
      type: 'code',
      codes: MERITORIOUS_STATUS_CODES,
      label: 'Diện người có công, được tặng thưởng',
      article: 'Luật Đặc xá 2018, Điều 11 khoản 3 điểm b',
    },
    title: { type: 'text', label: 'Danh hiệu, huân chương' },
  },
  [SpecialCategory.SERIOUS_ILLNESS]: {
    diagnosisCode: {
      type: 'code',
      codes: DIAGNOSIS_CODES,
      label: 'Mã bệnh hiểm nghèo',
      article: `${D52}, Điều 4 khoản 5; Nghị định 76/2008/NĐ-CP, Điều 5 khoản 2 điểm b`,
    },
    diagnosis: { type: 'text', label: 'Chẩn đoán bệnh' },
    selfCareUnable: { type: 'bool', label: 'Không tự phục vụ bản thân được', article: `${D52}, Điều 4 khoản 5` },
    highDeathRisk: { type: 'bool', label: 'Tiên lượng xấu, nguy cơ tử vong cao', article: `${D52}, Điều 4 khoản 5` },
  },
  [SpecialCategory.FREQUENT_ILLNESS]: {
    diagnosis: { type: 'text', label: 'Chẩn đoán bệnh' },
    hospitalStays: { type: 'stays', label: 'Các đợt điều trị nội trú', article: `${D52}, Điều 4 khoản 6` },
    stayCount: { type: 'int', label: 'Số đợt điều trị nội trú', article: `${D52}, Điều 4 khoản 6` },
    longestStayDays: { type: 'int', label: 'Số ngày của đợt điều trị dài nhất', article: `${D52}, Điều 4 khoản 6` },
    hospitalStaysOfAtLeastOneMonth: {
      type: 'int',
      label: 'Số lần nằm viện từ 1 tháng trở lên',
      article: `${D52}, Điều 4 khoản 6`,
    },
    selfCareUnable: { type: 'bool', label: 'Không tự phục vụ bản thân được', article: `${D52}, Điều 4 khoản 6` },
    unableToWork: {
      type: 'bool',
      label: 'Không lao động được',
      article: 'Nghị định 76/2008/NĐ-CP, Điều 5 khoản 2 điểm c',
    },
    noLongerDangerous: {
      type: 'bool',
      label: 'Không còn khả năng gây nguy hiểm cho xã hội',
      article: 'Nghị định 76/2008/NĐ-CP, Điều 5 khoản 2 điểm c',
    },
  },
  [SpecialCategory.SEVERE_DISABILITY]: {
    level: {
      type: 'code',
      codes: DISABILITY_LEVEL_CODES,
      label: 'Mức độ khuyết tật',
      article: 'Luật Đặc xá 2018, Điều 11 khoản 3 điểm h',
    },
    perceptionDifficulty: {
      type: 'bool',
      label: 'Khó khăn trong nhận thức, làm chủ hành vi',
      article: 'Luật Đặc xá 2018, Điều 11 khoản 3 điểm h',
    },
    disabilityType: { type: 'text', label: 'Dạng khuyết tật' },
  },
  [SpecialCategory.AGE_70_PLUS]: {},
  [SpecialCategory.UNDER_18_AT_OFFENCE]: {},
  [SpecialCategory.FAMILY_HARDSHIP_SOLE_BREADWINNER]: {
    cause: {
      type: 'code',
      codes: HARDSHIP_CAUSE_CODES,
      label: 'Nguyên nhân khó khăn',
      article: `${D52}, Điều 4 khoản 7; Nghị định 76/2008/NĐ-CP, Điều 5 khoản 2 điểm d`,
    },
    noSignificantProperty: { type: 'bool', label: 'Không còn tài sản gì đáng kể', article: `${D52}, Điều 4 khoản 7` },
    incomeBelowPovertyLine: {
      type: 'bool',
      label: 'Không có thu nhập hoặc thu nhập dưới chuẩn hộ nghèo',
      article: `${D52}, Điều 4 khoản 7`,
    },
    relativeRelation: {
      type: 'code',
      codes: RELATION_CODES,
      label: 'Quan hệ với người thân ốm đau nặng kéo dài',
      article: `${D52}, Điều 4 khoản 7 (bố, mẹ, vợ, chồng, con)`,
    },
    relativeSeriouslyIll: {
      type: 'bool',
      label: 'Người thân bị ốm đau nặng kéo dài',
      article: `${D52}, Điều 4 khoản 7`,
    },
    relativeNoOtherCarer: {
      type: 'bool',
      label: 'Người thân không có người chăm sóc',
      article: `${D52}, Điều 4 khoản 7`,
    },
    soleWorker: {
      type: 'bool',
      label: 'Là lao động duy nhất trong gia đình',
      article: 'Luật Đặc xá 2018, Điều 11 khoản 3 điểm e',
    },
    familyMembers: { type: 'text', label: 'Thành viên gia đình' },
  },
  [SpecialCategory.PREGNANT_OR_CHILD_UNDER_36_MONTHS]: {
    pregnant: { type: 'bool', label: 'Đang có thai', article: 'Luật Đặc xá 2018, Điều 11 khoản 3 điểm g' },
    gestationWeeks: { type: 'int', label: 'Số tuần thai' },
    childBirthDate: { type: 'date', label: 'Ngày sinh của con', article: 'Luật Đặc xá 2018, Điều 11 khoản 3 điểm g' },
    childLivesWithMother: {
      type: 'bool',
      label: 'Con đang ở cùng mẹ trong cơ sở giam giữ',
      article: 'Luật Đặc xá 2018, Điều 11 khoản 3 điểm g',
    },
  },
};

export interface DetailProblem {
  // The key below `details`, e.g. 'diagnosisCode' or 'hospitalStays[1].to'.
  key: string;
  message: string;
}

function codeList(codes: Readonly<Record<string, string>>): string {
  return Object.keys(codes).join(', ');
}

function stayProblems(value: unknown, key: string): DetailProblem[] {
  if (!Array.isArray(value)) return [{ key, message: 'phải là một danh sách các đợt điều trị' }];
  if (value.length > 50) return [{ key, message: 'không được có quá 50 đợt' }];
  const out: DetailProblem[] = [];
  value.forEach((s: unknown, i) => {
    const at = `${key}[${i}]`;
    if (s === null || typeof s !== 'object' || Array.isArray(s)) {
      out.push({ key: at, message: 'phải là một đợt điều trị { facility, from, to }' });
      return;
    }
    const stay = s as Record<string, unknown>;
    for (const k of Object.keys(stay))
      if (!['facility', 'from', 'to'].includes(k))
        out.push({ key: `${at}.${k}`, message: 'là trường không được phép (không có trong định dạng hồ sơ)' });
    if (typeof stay.facility !== 'string' || !(stay.facility in STAY_FACILITY_CODES))
      out.push({ key: `${at}.facility`, message: `chỉ chấp nhận: ${codeList(STAY_FACILITY_CODES)}` });
    for (const end of ['from', 'to'] as const)
      if (!isCalendarDate(stay[end]))
        out.push({ key: `${at}.${end}`, message: 'phải là ngày hợp lệ theo dạng YYYY-MM-DD' });
    if (isCalendarDate(stay.from) && isCalendarDate(stay.to) && (stay.to as string) < (stay.from as string))
      out.push({ key: `${at}.to`, message: 'không được trước ngày vào viện' });
  });
  return out;
}

function valueProblem(spec: DetailSpec, value: unknown, key: string): DetailProblem[] {
  switch (spec.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 2000
        ? []
        : [{ key, message: 'phải là chuỗi ký tự không quá 2000 ký tự' }];
    case 'bool':
      return typeof value === 'boolean' ? [] : [{ key, message: 'phải là đúng (true) hoặc sai (false)' }];
    case 'int':
      return Number.isSafeInteger(value) && (value as number) >= 0
        ? []
        : [{ key, message: 'phải là số nguyên không âm' }];
    case 'date':
      return isCalendarDate(value) ? [] : [{ key, message: 'phải là ngày hợp lệ theo dạng YYYY-MM-DD' }];
    case 'code':
      return typeof value === 'string' && value in spec.codes!
        ? []
        : [{ key, message: `có mã không hợp lệ; chỉ chấp nhận: ${codeList(spec.codes!)}` }];
    case 'stays':
      return stayProblems(value, key);
  }
}

// Every problem of one circumstance's details; an unknown category is left to the category's own check.
export function circumstanceDetailProblems(category: unknown, details: unknown): DetailProblem[] {
  const specs = CIRCUMSTANCE_DETAILS[category as SpecialCategory];
  if (!specs || details === null || typeof details !== 'object' || Array.isArray(details)) return [];
  const out: DetailProblem[] = [];
  for (const [key, value] of Object.entries(details)) {
    const spec = specs[key];
    if (!spec) {
      const allowed = Object.keys(specs);
      out.push({
        key,
        message: allowed.length
          ? `là khóa không có trong định dạng hồ sơ cho diện này; chỉ chấp nhận: ${allowed.join(', ')}`
          : 'là khóa không được phép: diện này không có thông tin chi tiết',
      });
      continue;
    }
    out.push(...valueProblem(spec, value, key));
  }
  return out;
}

// Label tables for the code lists, keyed 'detail.<key>' (a key has one list in every category it appears in).
export const DETAIL_CODE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.fromEntries(
  Object.values(CIRCUMSTANCE_DETAILS).flatMap((specs) =>
    Object.entries(specs)
      .filter(([, d]) => d.codes)
      .map(([key, d]) => [`detail.${key}`, d.codes!]),
  ),
);
