import { AGENCY_LABELS } from '../../auth/agency-labels.js';
import { ROLE_LABELS } from '../../auth/session-user.js';
import {
  ConductRating,
  CreditorKind,
  CriminalCode,
  EnforcementDecisionKind,
  InmateStatus,
  IntervalKind,
  IssuerLevel,
  ObligationKind,
  ObligationStatus,
  OffenceGrade,
  ProtestKind,
  Sex,
  SpecialCategory,
} from '../../dossiers/dossier-format.js';
import { DETAIL_CODE_LABELS, EVIDENCE_CODE_LABELS } from '../../dossiers/circumstance-details.js';
import { CATEGORY_LABELS } from '../../eligibility/core/categories.js';
import { AgencyOpinion, FLAG_KIND_LABELS, FlagStatus, OPINION_LABELS } from '../../workflow/core/appraisal.js';
import { STAGE_LABELS } from '../../workflow/core/stages.js';
import { EVENT_LABELS } from '../../workflow/core/events.js';

// Every enum a page shows, in the words of the legal texts; `label` falls back to the raw code so a new value is
// visible rather than blank.
export const LABELS: Record<string, Record<string, string>> = {
  // The aggravating circumstances an offence can record (the facts the exclusion rules match on).
  aggravation: {
    ORGANISED: 'Có tổ chức',
    THUGGISH: 'Có tính chất côn đồ',
    BARBARIC: 'Có tính chất dã man',
    REPEATED: 'Phạm tội nhiều lần',
    MULTIPLE_VICTIMS: 'Đối với nhiều người',
    ACID_OR_CHEMICAL: 'Dùng a-xít hoặc hóa chất nguy hiểm',
    ACID: 'Dùng a-xít hoặc hóa chất nguy hiểm',
    INCEST: 'Có tính chất loạn luân',
    VICTIM_UNDER_16: 'Đối với người dưới 16 tuổi',
  },
  role: ROLE_LABELS,
  // The frozen lists, named by who made them and for what (their code is for programs).
  listKind: {
    CAMP_ELIGIBLE: 'Danh sách đề nghị đặc xá của trại',
    CAMP_INELIGIBLE: 'Danh sách không đủ điều kiện đề nghị đặc xá của trại',
    RESUBMISSION: 'Danh sách gửi lại sau khi sửa chữa',
    DEPARTMENT: 'Danh sách tổng hợp của cơ quan quản lý',
    MINISTRY: 'Danh sách tổng hợp của Bộ',
    APPRAISAL: 'Danh sách của Tổ thẩm định liên ngành',
    STANDING_BODY: 'Danh sách của Cơ quan thường trực Hội đồng tư vấn đặc xá',
    COUNCIL_ELIGIBLE: 'Danh sách Hội đồng tư vấn đặc xá đề nghị đặc xá',
    COUNCIL_INELIGIBLE: 'Danh sách Hội đồng tư vấn đặc xá không đề nghị đặc xá',
    PRESIDENT_DECISION: 'Danh sách kèm theo Quyết định đặc xá của Chủ tịch nước',
    COMPLAINT: 'Danh sách bổ sung sau giải quyết khiếu nại',
    COURT: 'Danh sách đề nghị đặc xá của Tòa án',
    COURT_INELIGIBLE: 'Danh sách không đủ điều kiện đề nghị đặc xá của Tòa án',
  },
  stage: STAGE_LABELS,
  event: EVENT_LABELS,
  category: CATEGORY_LABELS,
  verdict: {
    ELIGIBLE: 'Đủ điều kiện',
    INELIGIBLE: 'Không đủ điều kiện',
    NEEDS_REVIEW: 'Cần xem xét',
    NONE: 'Chưa đánh giá',
  },
  ruleOutcome: {
    PASS: 'Đạt',
    FAIL: 'Không đạt',
    NOT_APPLICABLE: 'Không áp dụng',
    NEEDS_EVIDENCE: 'Thiếu giấy tờ',
    NEEDS_REVIEW: 'Cần xem xét',
    TO_CONFIRM: 'Cần xác nhận',
  },
  sex: { [Sex.MALE]: 'Nam', [Sex.FEMALE]: 'Nữ' },
  inmateStatus: {
    [InmateStatus.SERVING]: 'Đang chấp hành án phạt tù',
    [InmateStatus.SUSPENDED]: 'Đang tạm đình chỉ',
    [InmateStatus.POSTPONED]: 'Đang hoãn chấp hành án',
  },
  intervalKind: {
    [IntervalKind.POLICE_CUSTODY]: 'Tạm giữ',
    [IntervalKind.PRE_TRIAL_DETENTION]: 'Tạm giam',
    [IntervalKind.CAMP]: 'Chấp hành án tại trại',
    [IntervalKind.COMPULSORY_TREATMENT]: 'Bắt buộc chữa bệnh',
    [IntervalKind.BAIL]: 'Tại ngoại',
    [IntervalKind.POSTPONEMENT]: 'Hoãn chấp hành án',
    [IntervalKind.SUSPENSION]: 'Tạm đình chỉ',
  },
  conductRating: {
    [ConductRating.TOT]: 'Tốt',
    [ConductRating.KHA]: 'Khá',
    [ConductRating.TRUNG_BINH]: 'Trung bình',
    [ConductRating.KEM]: 'Kém',
    [ConductRating.NOT_CLASSIFIED]: 'Không xếp loại',
  },
  obligationKind: {
    [ObligationKind.FINE]: 'Phạt tiền',
    [ObligationKind.COURT_FEE]: 'Án phí',
    [ObligationKind.RESTITUTION]: 'Truy thu, sung công',
    [ObligationKind.COMPENSATION]: 'Bồi thường thiệt hại',
    [ObligationKind.OTHER_CIVIL]: 'Nghĩa vụ dân sự khác',
  },
  creditor: { [CreditorKind.STATE]: 'Nhà nước', [CreditorKind.NON_STATE]: 'Cá nhân, tổ chức khác' },
  obligationStatus: {
    [ObligationStatus.UNPAID]: 'Chưa thi hành',
    [ObligationStatus.PARTIAL]: 'Đã thi hành một phần',
    [ObligationStatus.PAID]: 'Đã thi hành xong',
    [ObligationStatus.EXEMPTED]: 'Được miễn',
    [ObligationStatus.WAIVED]: 'Người được thi hành án không yêu cầu',
    [ObligationStatus.ENFORCEMENT_TERMINATED]: 'Đình chỉ thi hành án',
  },
  decisionKind: {
    [EnforcementDecisionKind.RECEIPT]: 'Biên lai, chứng từ nộp tiền',
    [EnforcementDecisionKind.EXEMPTION]: 'Quyết định miễn',
    [EnforcementDecisionKind.TERMINATION]: 'Quyết định đình chỉ thi hành án',
    [EnforcementDecisionKind.NOT_YET_ENFORCEABLE]: 'Xác nhận chưa có điều kiện thi hành',
    [EnforcementDecisionKind.CREDITOR_WAIVER]: 'Văn bản của người được thi hành án',
    [EnforcementDecisionKind.POSTPONEMENT_AGREEMENT]: 'Thỏa thuận hoãn thi hành',
    [EnforcementDecisionKind.HARDSHIP_CONFIRMATION]: 'Xác nhận của cơ quan thi hành án dân sự về hoàn cảnh khó khăn',
  },
  specialCategory: {
    [SpecialCategory.MAJOR_MERIT]: 'Lập công lớn',
    [SpecialCategory.WAR_INVALID_OR_DECORATED]: 'Thương binh, bệnh binh, người có huân, huy chương',
    [SpecialCategory.SERIOUS_ILLNESS]: 'Mắc bệnh hiểm nghèo',
    [SpecialCategory.FREQUENT_ILLNESS]: 'Ốm đau thường xuyên',
    [SpecialCategory.SEVERE_DISABILITY]: 'Khuyết tật nặng, đặc biệt nặng',
    [SpecialCategory.AGE_70_PLUS]: 'Từ đủ 70 tuổi trở lên',
    [SpecialCategory.UNDER_18_AT_OFFENCE]: 'Dưới 18 tuổi khi phạm tội',
    [SpecialCategory.FAMILY_HARDSHIP_SOLE_BREADWINNER]: 'Hoàn cảnh gia đình đặc biệt khó khăn, lao động duy nhất',
    [SpecialCategory.PREGNANT_OR_CHILD_UNDER_36_MONTHS]: 'Có thai hoặc có con dưới 36 tháng tuổi',
  },
  issuerLevel: {
    [IssuerLevel.COMMUNE]: 'Cấp xã',
    [IssuerLevel.DISTRICT]: 'Cấp huyện',
    [IssuerLevel.PROVINCE]: 'Cấp tỉnh',
    [IssuerLevel.MILITARY_REGION]: 'Cấp quân khu',
    [IssuerLevel.CENTRAL]: 'Trung ương',
    [IssuerLevel.CAMP]: 'Trại giam, trại tạm giam',
    [IssuerLevel.PRIVATE]: 'Cá nhân',
  },
  evidenceCode: EVIDENCE_CODE_LABELS,
  ...DETAIL_CODE_LABELS,
  offenceGrade: {
    [OffenceGrade.LESS_SERIOUS]: 'Ít nghiêm trọng',
    [OffenceGrade.SERIOUS]: 'Nghiêm trọng',
    [OffenceGrade.VERY_SERIOUS]: 'Rất nghiêm trọng',
    [OffenceGrade.ESPECIALLY_SERIOUS]: 'Đặc biệt nghiêm trọng',
  },
  protestKind: { [ProtestKind.CASSATION]: 'Giám đốc thẩm', [ProtestKind.REOPENING]: 'Tái thẩm' },
  sentenceKind: { FIXED: 'Tù có thời hạn', LIFE: 'Tù chung thân' },
  criminalCode: {
    [CriminalCode.BLHS_2015]: 'Bộ luật Hình sự năm 2015',
    [CriminalCode.BLHS_1999]: 'Bộ luật Hình sự năm 1999',
  },
  flagKind: FLAG_KIND_LABELS,
  flagStatus: {
    [FlagStatus.OPEN]: 'Chưa giải quyết',
    [FlagStatus.ACCEPTED]: 'Đã chấp nhận',
    [FlagStatus.REJECTED]: 'Không chấp nhận',
  },
  opinion: OPINION_LABELS as Record<AgencyOpinion, string>,
  agency: AGENCY_LABELS,
  yesNo: { true: 'Có', false: 'Không' },
  roundStatus: { DRAFT: 'Dự thảo', OPEN: 'Đang thực hiện', CLOSED: 'Đã kết thúc' },
  orgKind: {
    MINISTRY: 'Bộ',
    DEPARTMENT: 'Cơ quan quản lý',
    FACILITY: 'Trại giam, trại tạm giam',
    SUB_CAMP: 'Phân trại',
    TEAM: 'Đội phạm nhân',
    NATIONAL_BODY: 'Cơ quan trung ương',
  },
  facilityKind: {
    MPS_PRISON: 'Trại giam thuộc Bộ Công an',
    MPS_DETENTION_C01: 'Trại tạm giam thuộc Cơ quan Cảnh sát điều tra Bộ Công an',
    MPS_DETENTION_A09: 'Trại tạm giam thuộc Cơ quan An ninh điều tra Bộ Công an',
    PROVINCIAL_DETENTION: 'Trại tạm giam Công an cấp tỉnh',
    MOD_PRISON: 'Trại giam thuộc Bộ Quốc phòng',
    MILITARY_REGION_CAMP: 'Trại giam quân khu',
  },
  departmentKind: {
    C10: 'Cục C10',
    C01: 'Cơ quan Cảnh sát điều tra Bộ Công an (C01)',
    A09: 'Cơ quan An ninh điều tra Bộ Công an (A09)',
    PROVINCIAL_POLICE: 'Công an cấp tỉnh',
    MOD_CID: 'Cục Điều tra hình sự Bộ Quốc phòng',
    MILITARY_REGION: 'Quân khu',
  },
  bodyKind: {
    APPRAISAL_TEAM: 'Tổ thẩm định liên ngành',
    COUNCIL_STANDING: 'Thường trực Hội đồng tư vấn đặc xá',
    COUNCIL: 'Hội đồng tư vấn đặc xá',
    PRESIDENT_OFFICE: 'Văn phòng Chủ tịch nước',
    ADMINISTRATION: 'Quản trị hệ thống',
  },
  ministry: { CONG_AN: 'Bộ Công an', QUOC_PHONG: 'Bộ Quốc phòng' },
  jobState: { queued: 'Đang chờ', rendering: 'Đang tạo', completed: 'Hoàn thành', failed: 'Lỗi' },
};

export function label(kind: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  return LABELS[kind]?.[String(value)] ?? String(value);
}

// A frozen list as people name it: what it is, the unit that made it and its number ("Danh sách tổng hợp của Bộ
// BCA số 002"); its code (KIND-UNIT-NNN) is for programs. An unknown kind keeps the code, visible rather than blank.
export function listName(kind: unknown, code: unknown): string {
  const text = String(code ?? '');
  const known = LABELS.listKind[String(kind)];
  if (!known || !text.startsWith(`${String(kind)}-`)) return text;
  const rest = text.slice(String(kind).length + 1);
  const cut = rest.lastIndexOf('-');
  return cut < 0 ? `${known} số ${rest}` : `${known} ${rest.slice(0, cut)} số ${rest.slice(cut + 1)}`;
}

// Options for a <select>, in the order the labels are written.
export function optionsOf(kind: string): { value: string; label: string }[] {
  return Object.entries(LABELS[kind] ?? {}).map(([value, text]) => ({ value, label: text }));
}
