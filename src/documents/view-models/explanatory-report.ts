import type { DocumentHeading, Recipients, Signature } from './common.js';

export interface DisagreementRow {
  order: number;
  fullName: string;
  birthDate: string;
  facility: string;
  proposal: string;
  appraisalOpinion: string;
  explanation: string;
  standingBodyView: string;
}

export interface ExplanatoryReportViewModel {
  heading: DocumentHeading;
  addressee: string;
  introduction: string[];
  figures: { label: string; value: string }[];
  disagreements: DisagreementRow[];
  closing: string[];
  signatures: Signature[];
  recipients: Recipients;
}
