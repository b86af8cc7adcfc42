import type { DocumentHeading, Recipients, Signature } from './common.js';

// The appraisal team's record (biên bản thẩm định) with its eligible and ineligible list, each name with every
// required agency's position (Luật Đặc xá 2018, Điều 16, khoản 2; Nghị định 52/2019/NĐ-CP, Điều 8, khoản 3).
export interface AppraisalRecordLine {
  order: number;
  fullName: string;
  facility: string;
  positions: string;
  ratio: string;
  note: string;
}

export interface AppraisalRecordViewModel {
  heading: DocumentHeading;
  bases: string[];
  introduction: string[];
  members: string[];
  figures: { label: string; value: string }[];
  eligible: AppraisalRecordLine[];
  ineligible: AppraisalRecordLine[];
  closing: string[];
  signatures: Signature[];
  recipients: Recipients;
}
