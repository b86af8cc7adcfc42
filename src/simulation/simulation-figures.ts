import { CATEGORY_LABELS, OFFENCE_GROUP_LABELS, type DossierStatus } from '../eligibility/core/index.js';
import { OTHER_GROUP } from './simulation-outcome.js';

export type Counts = Record<DossierStatus, number>;

export const DIMENSIONS = ['category', 'facility', 'ministry', 'offenceGroup', 'sentenceBand', 'sex'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  category: 'Theo diện xét đặc xá',
  facility: 'Theo trại giam, trại tạm giam',
  ministry: 'Theo Bộ quản lý',
  offenceGroup: 'Theo nhóm tội (tội chính)',
  sentenceBand: 'Theo mức án',
  sex: 'Theo giới tính',
};

export const STATUS_LABELS: Record<DossierStatus, string> = {
  ELIGIBLE: 'Đủ điều kiện',
  INELIGIBLE: 'Không đủ điều kiện',
  NEEDS_REVIEW: 'Cần xem xét thêm',
};

export const STATUSES: readonly DossierStatus[] = ['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW'];

const BAND_LABELS: Record<string, string> = {
  UP_TO_3: 'Đến 3 năm',
  OVER_3_TO_7: 'Trên 3 năm đến 7 năm',
  OVER_7_TO_15: 'Trên 7 năm đến 15 năm',
  OVER_15_TO_20: 'Trên 15 năm đến 20 năm',
  OVER_20: 'Trên 20 năm',
  LIFE: 'Tù chung thân (đã giảm xuống tù có thời hạn)',
  UNKNOWN: 'Chưa xác định được mức án',
};
export const BAND_ORDER = Object.keys(BAND_LABELS);
const SEX_LABELS: Record<string, string> = { MALE: 'Nam', FEMALE: 'Nữ' };

export interface BreakdownRow {
  key: string;
  label: string;
  base: Counts;
  draft: Counts;
}

export interface ReliedValue {
  ruleId: string;
  label: string;
  confidence: string;
  source: string;
  dossiers: number;
}

export interface UnverifiedFigures {
  // Verdicts that rest on at least one round value of confidence K or ?, by verdict.
  dossiers: Counts;
  values: ReliedValue[];
}

export interface SimulationFigures {
  total: number;
  base: Counts;
  draft: Counts;
  difference: Counts;
  breakdowns: Record<Dimension, BreakdownRow[]>;
  changed: {
    total: number;
    transitions: Array<{ from: DossierStatus; to: DossierStatus; dossiers: number }>;
    rules: Array<{ ruleId: string; dossiers: number }>;
  };
  unverified: { base: UnverifiedFigures; draft: UnverifiedFigures };
  work: {
    // Dossier versions read on the threads (their stored facts, or the document where those were not current); not
    // those whose parsed facts a thread kept from an earlier run.
    documentsRead: number;
    baseEvaluated: number;
    draftEvaluated: number;
    baseReused: number;
    draftReused: number;
  };
}

// A breakdown row's label, as the figures show it.
export function breakdownLabel(dimension: Dimension, key: string, unitNames: ReadonlyMap<string, string>): string {
  switch (dimension) {
    case 'category':
      return CATEGORY_LABELS[key as keyof typeof CATEGORY_LABELS] ?? key;
    case 'facility':
    case 'ministry':
      return unitNames.get(key) ?? 'Chưa xác định';
    case 'offenceGroup':
      return key === OTHER_GROUP
        ? 'Tội phạm khác'
        : capitalise(OFFENCE_GROUP_LABELS[key as keyof typeof OFFENCE_GROUP_LABELS] ?? key);
    case 'sentenceBand':
      return BAND_LABELS[key] ?? key;
    case 'sex':
      return SEX_LABELS[key] ?? key;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
