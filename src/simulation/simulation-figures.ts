import { CATEGORY_LABELS, OFFENCE_GROUP_LABELS, type DossierStatus } from '../eligibility/core/index.js';
import {
  OTHER_GROUP,
  RELY_SEPARATOR,
  reliedKeys,
  type PackedOutcome,
  type VerdictChange,
} from './simulation-outcome.js';

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
    // Dossier versions read on the threads (their stored facts, or the document where those were not current).
    documentsRead: number;
    baseEvaluated: number;
    draftEvaluated: number;
    baseReused: number;
    draftReused: number;
  };
}

export interface TalliedDossier {
  facilityId: string;
  ministryId: string | null;
  sex: string;
  offenceGroup: string;
  sentenceBand: string;
  base: PackedOutcome;
  draft: PackedOutcome;
  change: VerdictChange | null;
}

const zero = (): Counts => ({ ELIGIBLE: 0, INELIGIBLE: 0, NEEDS_REVIEW: 0 });

// Counted per distinct set of values relied on (a round has a handful), split into values once at the end.
class SideReliance {
  readonly dossiers = zero();
  readonly sets = new Map<string, number>();

  add(side: PackedOutcome): void {
    if (!side.relies) return;
    this.dossiers[side.status] += 1;
    this.sets.set(side.relies, (this.sets.get(side.relies) ?? 0) + 1);
  }

  figures(): UnverifiedFigures {
    const byValue = new Map<string, number>();
    for (const [set, n] of this.sets) for (const key of reliedKeys(set)) byValue.set(key, (byValue.get(key) ?? 0) + n);
    const values = [...byValue].map(([key, dossiers]) => {
      const [ruleId, label, confidence, source] = key.split(RELY_SEPARATOR);
      return { ruleId, label, confidence, source, dossiers };
    });
    values.sort((a, b) => b.dossiers - a.dossiers || a.ruleId.localeCompare(b.ruleId));
    return { dossiers: this.dossiers, values };
  }
}

// Adds dossiers up as they come back from the threads; the figures are read once at the end.
export class SimulationTally {
  private total = 0;
  private readonly base = zero();
  private readonly draft = zero();
  private readonly cells = new Map<Dimension, Map<string, { base: Counts; draft: Counts }>>(
    DIMENSIONS.map((d) => [d, new Map()]),
  );
  private readonly transitions = new Map<string, number>();
  private readonly rules = new Map<string, number>();
  private readonly baseReliance = new SideReliance();
  private readonly draftReliance = new SideReliance();

  add(d: TalliedDossier): void {
    this.total += 1;
    this.base[d.base.status] += 1;
    this.draft[d.draft.status] += 1;
    this.count('category', d.base.category, 'base', d.base.status);
    this.count('category', d.draft.category, 'draft', d.draft.status);
    // One call per dimension, without a list of them: this runs for every dossier of the round.
    this.countBoth('facility', d.facilityId, d);
    this.countBoth('ministry', d.ministryId ?? '', d);
    this.countBoth('offenceGroup', d.offenceGroup, d);
    this.countBoth('sentenceBand', d.sentenceBand, d);
    this.countBoth('sex', d.sex, d);
    this.baseReliance.add(d.base);
    this.draftReliance.add(d.draft);
    if (d.change) {
      const t = `${d.base.status}>${d.draft.status}`;
      this.transitions.set(t, (this.transitions.get(t) ?? 0) + 1);
      this.rules.set(d.change.ruleId, (this.rules.get(d.change.ruleId) ?? 0) + 1);
    }
  }

  private countBoth(dimension: Dimension, key: string, d: TalliedDossier): void {
    const cells = this.cells.get(dimension)!;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { base: zero(), draft: zero() }));
    cell.base[d.base.status] += 1;
    cell.draft[d.draft.status] += 1;
  }

  private count(dimension: Dimension, key: string, side: 'base' | 'draft', status: DossierStatus): void {
    const cells = this.cells.get(dimension)!;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { base: zero(), draft: zero() }));
    cell[side][status] += 1;
  }

  figures(unitNames: ReadonlyMap<string, string>, work: SimulationFigures['work']): SimulationFigures {
    const label = (dimension: Dimension, key: string): string => {
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
    };
    const breakdowns = Object.fromEntries(
      DIMENSIONS.map((dimension) => {
        const rows = [...this.cells.get(dimension)!].map(([key, cell]) => ({
          key,
          label: label(dimension, key),
          ...cell,
        }));
        const order = dimension === 'sentenceBand' ? Object.keys(BAND_LABELS) : null;
        rows.sort((a, b) =>
          order ? order.indexOf(a.key) - order.indexOf(b.key) : a.label.localeCompare(b.label, 'vi'),
        );
        return [dimension, rows];
      }),
    ) as Record<Dimension, BreakdownRow[]>;
    const difference = zero();
    for (const s of STATUSES) difference[s] = this.draft[s] - this.base[s];
    return {
      total: this.total,
      base: this.base,
      draft: this.draft,
      difference,
      breakdowns,
      changed: {
        total: [...this.transitions.values()].reduce((a, b) => a + b, 0),
        transitions: [...this.transitions].map(([t, dossiers]) => {
          const [from, to] = t.split('>') as [DossierStatus, DossierStatus];
          return { from, to, dossiers };
        }),
        rules: [...this.rules]
          .map(([ruleId, dossiers]) => ({ ruleId, dossiers }))
          .sort((a, b) => b.dossiers - a.dossiers || a.ruleId.localeCompare(b.ruleId)),
      },
      unverified: { base: this.baseReliance.figures(), draft: this.draftReliance.figures() },
      work,
    };
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
