import type { DocumentHeading, Recipients, Signature } from './common.js';

// The decision on a complaint of a person left off the eligible list (Luật Đặc xá 2018, Điều 37), in the Decree
// 30/2020 layout of a QUYẾT ĐỊNH: bases, then numbered articles; sent to the complainant and the procuracy.
export interface ComplaintDecisionViewModel {
  heading: DocumentHeading;
  bases: string[];
  // "Điều 1. …", "Điều 2. …", each a paragraph.
  articles: { label: string; text: string }[];
  signatures: Signature[];
  recipients: Recipients;
}
