import { CIRCUMSTANCE_DETAILS } from '../../dossiers/circumstance-details.js';
import { label } from '../render/labels.js';
// The nomination form as data: every field of the exchange format (docs/dossier-format.md) with its Vietnamese
// label and input kind. Keys are paths relative to their group, so an error path such as
// 'judgments[0].offences[1].article' lands on the input whose path is the same.

export type FieldKind = 'text' | 'date' | 'birth' | 'int' | 'money' | 'select' | 'bool' | 'textarea' | 'list';

export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  // Key of a label table in render/labels.ts, for selects.
  options?: string;
  required?: boolean;
  hint?: string;
  wide?: boolean;
  // Shown as a picker on the page (the stored value is the exchange format's): chapters in Roman numerals, quarters.
  picker?: 'chapter' | 'quarter' | 'aggravation';
}

export interface GroupSpec {
  key: string;
  label: string;
  itemLabel: string;
  fields: FieldSpec[];
  groups?: GroupSpec[];
  // Repeating groups have items; an optional object has zero or one, and is left out when nothing in it is filled.
  repeat: boolean;
  min: number;
  addLabel?: string;
}

const term = (prefix: string): FieldSpec[] => [
  { key: `${prefix}.years`, label: 'Năm', kind: 'int' },
  { key: `${prefix}.months`, label: 'Tháng', kind: 'int' },
  { key: `${prefix}.days`, label: 'Ngày', kind: 'int' },
];
const sentence = (prefix: string, label: string): FieldSpec[] => [
  { key: `${prefix}.kind`, label, kind: 'select', options: 'sentenceKind', required: true },
  ...term(prefix).map((f) => ({ ...f, label: `${f.label} (án tù có thời hạn)` })),
];
// A life sentence later commuted to a fixed term (Luật Đặc xá 2018, Điều 11, khoản 1, điểm b).
const commutation = (prefix: string): FieldSpec[] => [
  { key: `${prefix}.commutation.decisionNumber`, label: 'Giảm xuống tù có thời hạn: số quyết định', kind: 'text' },
  { key: `${prefix}.commutation.date`, label: 'Giảm xuống tù có thời hạn: ngày', kind: 'date' },
  ...term(`${prefix}.commutation.term`).map((f) => ({
    ...f,
    label: `Thời hạn sau khi giảm: ${f.label.toLowerCase()}`,
  })),
];
const evidenceFields: FieldSpec[] = [
  { key: 'kind', label: 'Tên giấy tờ (như ghi trên văn bản)', kind: 'text', required: true, wide: true },
  { key: 'code', label: 'Loại giấy tờ', kind: 'select', options: 'evidenceCode' },
  { key: 'number', label: 'Số văn bản', kind: 'text' },
  { key: 'date', label: 'Ngày ban hành', kind: 'date' },
  { key: 'issuer', label: 'Cơ quan ban hành', kind: 'text', required: true },
  { key: 'issuerLevel', label: 'Cấp ban hành', kind: 'select', options: 'issuerLevel', required: true },
  { key: 'readable', label: 'Bản rõ, đọc được', kind: 'bool' },
  { key: 'note', label: 'Ghi chú', kind: 'text', wide: true },
];
const address = (prefix: string, label: string): FieldSpec[] => [
  { key: `${prefix}.detail`, label: `${label}: số nhà, đường`, kind: 'text', wide: true },
  { key: `${prefix}.commune`, label: `${label}: xã, phường`, kind: 'text', required: true },
  { key: `${prefix}.province`, label: `${label}: tỉnh, thành phố`, kind: 'text', required: true },
];

export const HEADER_FIELDS: FieldSpec[] = [
  { key: 'roundCode', label: 'Đợt đặc xá', kind: 'select', options: 'rounds', required: true },
  { key: 'facilityCode', label: 'Trại giam, trại tạm giam', kind: 'select', options: 'facilities', required: true },
  { key: 'teamCode', label: 'Đội', kind: 'select', options: 'teams' },
  { key: 'inmateNumber', label: 'Số danh bản phạm nhân', kind: 'text', required: true },
  { key: 'status', label: 'Tình trạng', kind: 'select', options: 'inmateStatus', required: true },
];

export const PERSON_FIELDS: FieldSpec[] = [
  { key: 'person.fullName', label: 'Họ và tên', kind: 'text', required: true },
  { key: 'person.aliases', label: 'Tên gọi khác', kind: 'list', hint: 'Cách nhau bởi dấu chấm phẩy' },
  { key: 'person.birthDate', label: 'Ngày sinh', kind: 'birth', required: true, hint: 'dd/mm/yyyy, hoặc chỉ năm sinh' },
  { key: 'person.sex', label: 'Giới tính', kind: 'select', options: 'sex', required: true },
  { key: 'person.ethnicity', label: 'Dân tộc', kind: 'text', required: true },
  { key: 'person.nationality', label: 'Quốc tịch', kind: 'text', required: true },
  { key: 'person.idNumber', label: 'Số định danh cá nhân', kind: 'text', hint: '6–20 chữ số hoặc chữ in hoa' },
  ...address('person.registeredResidence', 'Nơi thường trú'),
  ...address('person.residenceAfterRelease', 'Nơi cư trú sau khi tha'),
];

export const CASE_FIELDS: FieldSpec[] = [
  ...sentence('aggregateSentence', 'Hình phạt chung phải chấp hành'),
  ...commutation('aggregateSentence'),
  { key: 'drugUseEvidence', label: 'Có tài liệu thể hiện sử dụng trái phép chất ma túy', kind: 'bool' },
  { key: 'pendingProsecution', label: 'Đang bị truy cứu trách nhiệm hình sự về tội khác', kind: 'bool' },
  {
    key: 'securityConcern',
    label: 'Lo ngại về an ninh, trật tự khi tha (ghi rõ nếu có)',
    kind: 'textarea',
    wide: true,
  },
];

const OFFENCES: GroupSpec = {
  key: 'offences',
  label: 'Tội danh',
  itemLabel: 'Tội danh',
  repeat: true,
  min: 1,
  addLabel: 'Thêm tội danh',
  fields: [
    { key: 'name', label: 'Tên tội danh', kind: 'text', required: true, wide: true },
    { key: 'article', label: 'Điều', kind: 'int', required: true },
    { key: 'clause', label: 'Khoản', kind: 'int' },
    { key: 'point', label: 'Điểm', kind: 'text' },
    { key: 'chapter', label: 'Chương (Bộ luật Hình sự)', kind: 'int', required: true, picker: 'chapter' },
    { key: 'offenceDate', label: 'Ngày phạm tội', kind: 'date' },
    { key: 'grade', label: 'Loại tội phạm', kind: 'select', options: 'offenceGrade' },
    { key: 'victims', label: 'Số bị hại', kind: 'int' },
    {
      key: 'aggravations',
      label: 'Tình tiết định khung, tăng nặng',
      kind: 'list',
      options: 'aggravation',
      picker: 'aggravation',
    },
    { key: 'intentional', label: 'Lỗi cố ý', kind: 'bool' },
    { key: 'drug', label: 'Tội phạm về ma túy', kind: 'bool' },
    { key: 'corruption', label: 'Tội phạm tham nhũng', kind: 'bool' },
    { key: 'nationalSecurity', label: 'Xâm phạm an ninh quốc gia', kind: 'bool' },
    ...sentence('sentence', 'Hình phạt cho tội này'),
  ],
};

const DECISIONS: GroupSpec = {
  key: 'decisions',
  label: 'Chứng từ thi hành',
  itemLabel: 'Chứng từ',
  repeat: true,
  min: 0,
  addLabel: 'Thêm chứng từ',
  fields: [
    { key: 'kind', label: 'Loại chứng từ', kind: 'select', options: 'decisionKind', required: true },
    { key: 'number', label: 'Số', kind: 'text' },
    { key: 'date', label: 'Ngày', kind: 'date', required: true },
    { key: 'issuer', label: 'Cơ quan ban hành', kind: 'text', required: true },
  ],
};

const EVIDENCE: GroupSpec = {
  key: 'evidence',
  label: 'Giấy tờ chứng minh',
  itemLabel: 'Giấy tờ',
  repeat: true,
  min: 0,
  addLabel: 'Thêm giấy tờ',
  fields: evidenceFields,
};

// Every key the format allows under `details` (src/dossiers/circumstance-details.ts), once, with the categories it
// belongs to as a hint; code lists are selects. Hospital stays, a list, go in the JSON box of other details.
const DETAIL_KINDS: Record<string, FieldKind> = {
  text: 'text',
  bool: 'bool',
  int: 'int',
  date: 'date',
  code: 'select',
};

export const DETAIL_KEYS: FieldSpec[] = (() => {
  const byKey = new Map<string, { spec: FieldSpec; categories: string[] }>();
  for (const [category, specs] of Object.entries(CIRCUMSTANCE_DETAILS)) {
    for (const [key, d] of Object.entries(specs)) {
      const kind = DETAIL_KINDS[d.type];
      if (!kind) continue;
      const entry = byKey.get(key) ?? {
        spec: {
          key: `details.${key}`,
          label: d.label,
          kind,
          ...(d.type === 'code' ? { options: `detail.${key}` } : {}),
          wide: d.type === 'text',
        },
        categories: [],
      };
      entry.categories.push(label('specialCategory', category));
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].map(({ spec, categories }) => ({ ...spec, hint: `Diện: ${categories.join('; ')}` }));
})();

export const GROUPS: GroupSpec[] = [
  {
    key: 'judgments',
    label: 'Bản án',
    itemLabel: 'Bản án',
    repeat: true,
    min: 1,
    addLabel: 'Thêm bản án',
    groups: [OFFENCES],
    fields: [
      { key: 'number', label: 'Số bản án', kind: 'text', required: true },
      { key: 'date', label: 'Ngày tuyên án', kind: 'date', required: true },
      { key: 'court', label: 'Tòa án xét xử', kind: 'text', required: true, wide: true },
      { key: 'finalDate', label: 'Ngày có hiệu lực pháp luật', kind: 'date' },
      ...sentence('sentence', 'Hình phạt của bản án'),
      ...commutation('sentence'),
    ],
  },
  {
    key: 'intervals',
    label: 'Thời gian tạm giữ, tạm giam, chấp hành án',
    itemLabel: 'Khoảng thời gian',
    repeat: true,
    min: 1,
    addLabel: 'Thêm khoảng thời gian',
    fields: [
      { key: 'kind', label: 'Loại', kind: 'select', options: 'intervalKind', required: true },
      { key: 'from', label: 'Từ ngày', kind: 'date', required: true },
      { key: 'to', label: 'Đến ngày', kind: 'date', hint: 'Để trống nếu đang chấp hành' },
    ],
  },
  {
    key: 'reductions',
    label: 'Giảm thời hạn chấp hành án',
    itemLabel: 'Quyết định giảm án',
    repeat: true,
    min: 0,
    addLabel: 'Thêm quyết định giảm án',
    fields: [
      { key: 'decisionNumber', label: 'Số quyết định', kind: 'text', required: true },
      { key: 'date', label: 'Ngày quyết định', kind: 'date', required: true },
      { key: 'issuer', label: 'Cơ quan quyết định', kind: 'text', required: true, wide: true },
      ...term('term').map((f) => ({ ...f, label: `Được giảm: ${f.label.toLowerCase()}` })),
    ],
  },
  {
    key: 'conductRatings',
    label: 'Xếp loại chấp hành án theo quý',
    itemLabel: 'Quý',
    repeat: true,
    min: 0,
    addLabel: 'Thêm quý',
    fields: [
      { key: 'period', label: 'Quý', kind: 'text', required: true, picker: 'quarter' },
      { key: 'rating', label: 'Xếp loại', kind: 'select', options: 'conductRating', required: true },
    ],
  },
  {
    key: 'postQuarterEvaluation',
    label: 'Đánh giá sau quý cuối',
    itemLabel: 'Đánh giá',
    repeat: false,
    min: 0,
    fields: [
      { key: 'from', label: 'Từ ngày', kind: 'date', required: true },
      { key: 'to', label: 'Đến ngày', kind: 'date', required: true },
      { key: 'rating', label: 'Xếp loại', kind: 'select', options: 'conductRating', required: true },
    ],
  },
  {
    key: 'discipline',
    label: 'Kỷ luật',
    itemLabel: 'Lần kỷ luật',
    repeat: true,
    min: 0,
    addLabel: 'Thêm lần kỷ luật',
    fields: [
      { key: 'date', label: 'Ngày', kind: 'date', required: true },
      { key: 'kind', label: 'Hình thức', kind: 'text', required: true },
      { key: 'description', label: 'Nội dung', kind: 'text', wide: true },
    ],
  },
  {
    key: 'priorConvictions',
    label: 'Tiền án',
    itemLabel: 'Tiền án',
    repeat: true,
    min: 0,
    addLabel: 'Thêm tiền án',
    fields: [
      { key: 'judgmentNumber', label: 'Số bản án', kind: 'text', required: true },
      { key: 'date', label: 'Ngày', kind: 'date', required: true },
      { key: 'court', label: 'Tòa án', kind: 'text', required: true },
      { key: 'offence', label: 'Tội danh', kind: 'text', required: true },
      { key: 'expunged', label: 'Đã được xóa án tích', kind: 'bool' },
      ...evidenceFields.map((f) => ({
        ...f,
        key: `proof.${f.key}`,
        label: `Giấy chứng nhận xóa án tích: ${f.label.toLowerCase()}`,
      })),
    ],
  },
  {
    key: 'earlierAmnesty',
    label: 'Đã được đặc xá trước đây',
    itemLabel: 'Quyết định đặc xá',
    repeat: false,
    min: 0,
    fields: [
      { key: 'decisionNumber', label: 'Số quyết định', kind: 'text', required: true },
      { key: 'date', label: 'Ngày', kind: 'date', required: true },
    ],
  },
  {
    key: 'pendingProtest',
    label: 'Đang bị kháng nghị',
    itemLabel: 'Kháng nghị',
    repeat: false,
    min: 0,
    fields: [
      { key: 'kind', label: 'Loại kháng nghị', kind: 'select', options: 'protestKind', required: true },
      { key: 'date', label: 'Ngày kháng nghị', kind: 'date', required: true },
      { key: 'aggravating', label: 'Theo hướng tăng nặng', kind: 'bool' },
    ],
  },
  {
    key: 'obligations',
    label: 'Hình phạt tiền, án phí, nghĩa vụ dân sự',
    itemLabel: 'Nghĩa vụ',
    repeat: true,
    min: 0,
    addLabel: 'Thêm nghĩa vụ',
    groups: [DECISIONS],
    fields: [
      { key: 'kind', label: 'Loại nghĩa vụ', kind: 'select', options: 'obligationKind', required: true },
      { key: 'creditor', label: 'Người được thi hành án', kind: 'select', options: 'creditor', required: true },
      { key: 'amountDue', label: 'Số tiền phải nộp (đồng)', kind: 'money', required: true },
      { key: 'amountPaid', label: 'Số tiền đã nộp (đồng)', kind: 'money', required: true },
      { key: 'status', label: 'Tình trạng thi hành', kind: 'select', options: 'obligationStatus', required: true },
    ],
  },
  {
    key: 'specialCircumstances',
    label: 'Trường hợp đặc biệt',
    itemLabel: 'Trường hợp',
    repeat: true,
    min: 0,
    addLabel: 'Thêm trường hợp đặc biệt',
    groups: [EVIDENCE],
    fields: [
      { key: 'category', label: 'Trường hợp', kind: 'select', options: 'specialCategory', required: true, wide: true },
      ...DETAIL_KEYS,
    ],
  },
  {
    key: 'application',
    label: 'Đơn đề nghị đặc xá',
    itemLabel: 'Đơn',
    repeat: false,
    min: 0,
    fields: [
      { key: 'date', label: 'Ngày làm đơn', kind: 'date', required: true },
      { key: 'signed', label: 'Có chữ ký', kind: 'bool' },
      { key: 'fingerprinted', label: 'Có điểm chỉ', kind: 'bool' },
      { key: 'decisionPostedOn', label: 'Ngày niêm yết Quyết định đặc xá tại trại', kind: 'date' },
    ],
  },
  {
    key: 'commitment',
    label: 'Bản cam kết',
    itemLabel: 'Cam kết',
    repeat: false,
    min: 0,
    fields: [
      { key: 'date', label: 'Ngày cam kết', kind: 'date', required: true },
      { key: 'signed', label: 'Có chữ ký', kind: 'bool' },
    ],
  },
  {
    key: 'suspensionCertification',
    label: 'Xác nhận tạm đình chỉ',
    itemLabel: 'Giấy xác nhận',
    repeat: false,
    min: 0,
    fields: evidenceFields,
  },
  {
    key: 'identityPaper',
    label: 'Hộ chiếu (người nước ngoài)',
    itemLabel: 'Bản sao hộ chiếu hoặc giấy tờ đi lại quốc tế',
    repeat: false,
    min: 0,
    fields: evidenceFields,
  },
];
