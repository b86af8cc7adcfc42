import type { DocumentHeading, Recipients, Signature } from './common.js';

export enum ListLevel {
  FACILITY = 'facility',
  DEPARTMENT = 'department',
  MINISTRY = 'ministry',
  NATIONAL = 'national',
}

export enum ListVariant {
  ELIGIBLE = 'eligible',
  INELIGIBLE = 'ineligible',
}

export interface ListPersonRow {
  order: number;
  fullName: string;
  alias: string;
  birthDate: string;
  sex: string;
  residence: string;
  offence: string;
  sentence: string;
  custodyStart: string;
  served: string;
  category: string;
  // Eligible list: notes; ineligible list: the reason with its citation.
  reason: string;
  citation: string;
}

export interface ListFacilityGroup {
  // "I", "II", … printed before the facility's name.
  numeral: string;
  facilityName: string;
  count: number;
  rows: ListPersonRow[];
}

export interface ProposalListViewModel {
  heading: DocumentHeading;
  level: ListLevel;
  variant: ListVariant;
  // "Kèm theo Tờ trình số …" or the basis of the list; "" when none.
  basis: string;
  groups: ListFacilityGroup[];
  totals: { people: number; facilities: number };
  signatures: Signature[];
  recipients: Recipients | null;
}
