import type { EvidenceKind } from './core/index.js';

// The exchange format leaves a document's kind as free text. Exact engine codes pass through; otherwise the usual
// Vietnamese names of the documents are recognised, in the context of what the document is meant to prove, because
// "xác nhận của UBND xã" proves a family's hardship in one place and a martyr's relative in another.
export type EvidenceContext =
  | 'MAJOR_MERIT'
  | 'MERITORIOUS_PERSON'
  | 'MEDICAL'
  | 'FAMILY_HARDSHIP'
  | 'PREGNANT_OR_YOUNG_CHILD'
  | 'SEVERE_DISABILITY'
  | 'PRIOR_CONVICTION'
  | 'GENERAL';

type Rule = readonly [keyword: string, kind: EvidenceKind];

const COMMON: readonly Rule[] = [
  ['lý lịch tư pháp', 'CRIMINAL_RECORD_EXTRACT'],
  ['xóa án tích', 'EXPUNGEMENT_CERTIFICATE'],
  ['trích lục bản án', 'JUDGMENT_EXTRACT'],
  ['bản án', 'JUDGMENT_EXTRACT'],
  ['biên lai', 'RECEIPT'],
  ['quyết định của tòa án', 'COURT_DECISION'],
];

const BY_CONTEXT: Readonly<Record<EvidenceContext, readonly Rule[]>> = {
  MAJOR_MERIT: [
    ['tự khai', 'MERIT_STATEMENT'],
    ['đề nghị khen thưởng', 'REWARD_PROPOSAL'],
    ['quyết định khen thưởng', 'REWARD_DECISION'],
    ['xác nhận', 'MERIT_CONFIRMATION'],
  ],
  MERITORIOUS_PERSON: [
    ['huân chương', 'DECORATION_COPY'],
    ['huy chương', 'DECORATION_COPY'],
    ['danh hiệu', 'DECORATION_COPY'],
    ['anh hùng', 'DECORATION_COPY'],
    ['thương binh', 'MERIT_STATUS_PROOF'],
    ['bệnh binh', 'MERIT_STATUS_PROOF'],
    ['người có công', 'MERIT_STATUS_PROOF'],
    ['liệt sĩ', 'RELATIVE_CERTIFICATION'],
    ['xác nhận', 'RELATIVE_CERTIFICATION'],
  ],
  MEDICAL: [
    ['giám định y khoa', 'MEDICAL_ASSESSMENT_CONCLUSION'],
    ['xét nghiệm hiv', 'HIV_TEST'],
    ['bệnh án', 'MEDICAL_RECORD_COPY'],
    ['trung tâm y tế', 'HEALTH_CENTRE_CONCLUSION'],
    ['sở y tế', 'HEALTH_AGENCY_CONFIRMATION'],
    ['cơ quan y tế', 'HEALTH_AGENCY_CONFIRMATION'],
    ['có thai', 'PREGNANCY_CONCLUSION'],
    ['bệnh viện', 'HOSPITAL_CONCLUSION'],
  ],
  FAMILY_HARDSHIP: [
    ['đơn', 'FAMILY_PETITION'],
    ['xác nhận', 'COMMUNE_CERTIFICATION'],
  ],
  PREGNANT_OR_YOUNG_CHILD: [
    ['khai sinh', 'CHILD_BIRTH_CERTIFICATE'],
    ['chứng sinh', 'CHILD_BIRTH_CERTIFICATE'],
    ['giám định y khoa', 'MEDICAL_ASSESSMENT_CONCLUSION'],
    ['thai', 'PREGNANCY_CONCLUSION'],
    ['bệnh viện', 'HOSPITAL_CONCLUSION'],
  ],
  SEVERE_DISABILITY: [
    ['khuyết tật', 'DISABILITY_CERTIFICATE'],
    ['tòa án', 'COURT_DECISION'],
  ],
  PRIOR_CONVICTION: [],
  GENERAL: [['khai sinh', 'BIRTH_CERTIFICATE']],
};

export function evidenceKindOf(text: string, context: EvidenceContext, codes: ReadonlySet<string>): EvidenceKind {
  if (codes.has(text)) return text as EvidenceKind;
  const t = text.normalize('NFC').toLowerCase();
  for (const [keyword, kind] of BY_CONTEXT[context]) if (t.includes(keyword)) return kind;
  for (const [keyword, kind] of COMMON) if (t.includes(keyword)) return kind;
  return 'OTHER';
}
