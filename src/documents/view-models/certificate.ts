import type { DocumentHeading, PersonIdentity, Recipients, Signature } from './common.js';

export interface CertificateViewModel {
  heading: DocumentHeading;
  // The President's decision the certificate rests on, e.g. "Căn cứ Quyết định số 1244/QĐ-CTN ngày 03/7/2025 …".
  bases: string[];
  // birthPlace and reportBy are "" when the records do not hold them; the template then leaves them out.
  person: PersonIdentity & { birthPlace: string; residence: string };
  offence: string;
  sentence: string;
  judgment: string;
  custodyStart: string;
  releaseDate: string;
  // What was granted, by route: release from prison, or no further serving for a person on suspension or postponement
  // (workflow/core/certificate-statement.ts).
  statement: string;
  // Where and by when the person reports after release.
  reportTo: string;
  reportBy: string;
  signatures: Signature[];
  // "Nơi nhận": the person, and the bodies the copies were sent to (Luật Đặc xá 2018, Điều 18, khoản 4).
  recipients: Recipients;
}

// The certificates of one facility's released persons issued together: one certificate per page, each with its own
// number from the issuing unit's register; the batch's heading numbers the whole document (its first and last numbers).
export interface CertificateBatchViewModel {
  heading: DocumentHeading;
  certificates: CertificateViewModel[];
}
