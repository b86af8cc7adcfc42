import type { DocumentHeading, Recipients, Signature } from './common.js';

// A camp's written notice of its list results to the competent procuracy before the lists go to the appraisal team
// (Luật Đặc xá 2018, Điều 15, khoản 5).
export interface ProcuracyNoticeViewModel {
  heading: DocumentHeading;
  addressee: string;
  bases: string[];
  body: string[];
  figures: { label: string; value: string }[];
  closing: string;
  signatures: Signature[];
  recipients: Recipients;
}
