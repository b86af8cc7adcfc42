// Shapes shared by every document: the Decree 30/2020 heading (ô 1–5), signatures (ô 7) and recipients (ô 9).
// View models are plain data already formatted for print; templates only place them.

export enum DocumentKind {
  TEAM_MINUTES = 'team-minutes',
  COUNCIL_MINUTES = 'council-minutes',
  ELIGIBLE_LIST = 'eligible-list',
  INELIGIBLE_LIST = 'ineligible-list',
  PROPOSAL_SHEET = 'proposal-sheet',
  APPRAISAL_NOTE = 'appraisal-note',
  EXPLANATORY_REPORT = 'explanatory-report',
  SUBMISSION = 'submission',
  CERTIFICATE = 'certificate',
  COMPLAINT_DECISION = 'complaint-decision',
  PROCURACY_NOTICE = 'procuracy-notice',
  APPRAISAL_RECORD = 'appraisal-record',
  CERTIFICATE_BATCH = 'certificate-batch',
}

export const DOCUMENT_KINDS: readonly DocumentKind[] = Object.values(DocumentKind);

export interface IssuingBody {
  // The parent body, printed upright and not bold above the issuing body; null when the issuer has none printed.
  parent: string | null;
  name: string;
}

export interface DocumentHeading {
  issuer: IssuingBody;
  // Number and symbol without the "Số:" prefix, e.g. "05/BB-TGTX".
  number: string;
  // The italic place-and-date line, e.g. "Hà Nội, ngày 04 tháng 7 năm 2025".
  placeDate: string;
  // Document type in capitals ("BIÊN BẢN", "DANH SÁCH", "TỜ TRÌNH") and its summary line.
  documentType: string;
  summary: string;
}

export interface Signature {
  // Authority prefix and body, e.g. "TM. HỘI ĐỒNG XÉT ĐỀ NGHỊ ĐẶC XÁ"; null when the signer signs in their own right.
  authority: string | null;
  title: string;
  name: string;
  // A hint printed under the title, e.g. "(Ký, ghi rõ họ tên)"; null prints nothing.
  note: string | null;
}

export interface Recipients {
  entries: string[];
  // The archive line, e.g. "Lưu: VT, ĐXA." (printed last, ending with a full stop).
  archive: string;
}

export interface MeetingInfo {
  // "08 giờ 00 phút, ngày 10/7/2025"
  startedAt: string;
  place: string;
  chair: string;
  secretary: string;
}

export interface PersonIdentity {
  fullName: string;
  // Other names, "" when none.
  alias: string;
  birthDate: string;
  sex: string;
}
