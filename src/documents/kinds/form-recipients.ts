import { DocumentKind } from '../view-models/common.js';

// The kinds whose template prints "Nơi nhận" (Decree 30/2020, Appendix I, ô 9); minutes, sheets, notes and
// certificates print none.
export const KINDS_WITH_RECIPIENTS: ReadonlySet<DocumentKind> = new Set([
  DocumentKind.ELIGIBLE_LIST,
  DocumentKind.INELIGIBLE_LIST,
  DocumentKind.EXPLANATORY_REPORT,
  DocumentKind.SUBMISSION,
  DocumentKind.COMPLAINT_DECISION,
  DocumentKind.PROCURACY_NOTICE,
  DocumentKind.APPRAISAL_RECORD,
]);

// The kind's own lines in "Nơi nhận", offered by the request form after the recipients the law names from the source
// (a list's next level and competent procuracy; the appraisal record's standing body and the bodies whose lists were
// appraised; the explanatory report's Council; the submission's President's Office: builders/law-recipients.ts), one
// entry a line. Some recipients the law names are added by the builders
// and need not be typed: the complainant and the competent procuracy of a complaint decision (Luật Đặc xá 2018,
// Điều 37), the procuracy of a camp's notice (Điều 15, khoản 5). A decision is also sent to those its last article
// charges with carrying it out ("Như Điều 3", Decree 30/2020, Appendix I).
export function formRecipients(kind: DocumentKind): string[] {
  if (!KINDS_WITH_RECIPIENTS.has(kind)) return [];
  return kind === DocumentKind.COMPLAINT_DECISION ? ['Như Điều 3', 'Lưu: VT.'] : ['Lưu: VT.'];
}
