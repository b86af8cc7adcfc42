import type { DocumentHeading, Recipients, Signature } from './common.js';
import type { ListFacilityGroup, ListVariant } from './proposal-list.js';

export interface SubmissionAnnex {
  // "Phụ lục I"
  label: string;
  title: string;
  summary: string;
  variant: ListVariant;
  groups: ListFacilityGroup[];
  totals: { people: number; facilities: number };
}

export interface SubmissionViewModel {
  heading: DocumentHeading;
  addressee: string;
  bases: string[];
  body: string[];
  figures: { label: string; value: string }[];
  proposal: string;
  signatures: Signature[];
  recipients: Recipients;
  annexes: SubmissionAnnex[];
}
