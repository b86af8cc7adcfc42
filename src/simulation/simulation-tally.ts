import type { DossierStatus } from '../eligibility/core/index.js';
import { RELY_SEPARATOR, reliedKeys, type PackedOutcome, type VerdictChange } from './simulation-outcome.js';
import {
  BAND_ORDER,
  breakdownLabel,
  DIMENSIONS,
  STATUSES,
  type BreakdownRow,
  type Counts,
  type Dimension,
  type SimulationFigures,
  type UnverifiedFigures,
} from './simulation-figures.js';

export interface TalliedDossier {
  // Tallies of parts of a round are merged in the order each key was first counted: by dossier id.
  id: string;
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

// A count with the first dossier that made it (its id, and for a category which side came first).
interface Seen {
  n: number;
  first: string;
}
interface Cell {
  base: Counts;
  draft: Counts;
  first: string;
}

// What a thread's tally of its part of a round hands over to be merged: counts, plainly cloneable.
export interface TallyPart {
  total: number;
  base: Counts;
  draft: Counts;
  cells: Map<Dimension, Map<string, Cell>>;
  transitions: Map<string, Seen>;
  rules: Map<string, number>;
  reliance: { base: RelianceCounts; draft: RelianceCounts };
}
interface RelianceCounts {
  dossiers: Counts;
  sets: Map<string, Seen>;
}

function seen<K>(map: Map<K, Seen>, key: K, first: string, n = 1): void {
  const kept = map.get(key);
  if (!kept) map.set(key, { n, first });
  else {
    kept.n += n;
    if (first < kept.first) kept.first = first;
  }
}

function addCounts(to: Counts, from: Counts): void {
  for (const s of STATUSES) to[s] += from[s];
}

// In the order first counted, as one tally fed the whole round in dossier order would list them.
function inOrder<K, V extends { first: string }>(map: Map<K, V>): Array<[K, V]> {
  return [...map].sort((a, b) => (a[1].first < b[1].first ? -1 : a[1].first > b[1].first ? 1 : 0));
}

// Counted per distinct set of values relied on (a round has a handful), split into values once at the end.
class SideReliance implements RelianceCounts {
  readonly dossiers = zero();
  readonly sets = new Map<string, Seen>();

  add(side: PackedOutcome, id: string): void {
    if (!side.relies) return;
    this.dossiers[side.status] += 1;
    seen(this.sets, side.relies, id);
  }

  merge(part: RelianceCounts): void {
    addCounts(this.dossiers, part.dossiers);
    for (const [set, s] of part.sets) seen(this.sets, set, s.first, s.n);
  }

  figures(): UnverifiedFigures {
    const byValue = new Map<string, number>();
    for (const [set, s] of inOrder(this.sets))
      for (const key of reliedKeys(set)) byValue.set(key, (byValue.get(key) ?? 0) + s.n);
    const values = [...byValue].map(([key, dossiers]) => {
      const [ruleId, label, confidence, source] = key.split(RELY_SEPARATOR);
      return { ruleId, label, confidence, source, dossiers };
    });
    values.sort((a, b) => b.dossiers - a.dossiers || a.ruleId.localeCompare(b.ruleId));
    return { dossiers: this.dossiers, values };
  }
}

// Adds dossiers up (on the thread that evaluated them), merges the parts (on the main thread); the figures are read
// once at the end.
export class SimulationTally {
  private total = 0;
  private readonly base = zero();
  private readonly draft = zero();
  private readonly cells = new Map<Dimension, Map<string, Cell>>(DIMENSIONS.map((d) => [d, new Map()]));
  private readonly transitions = new Map<string, Seen>();
  private readonly rules = new Map<string, number>();
  private readonly baseReliance = new SideReliance();
  private readonly draftReliance = new SideReliance();

  add(d: TalliedDossier): void {
    this.total += 1;
    this.base[d.base.status] += 1;
    this.draft[d.draft.status] += 1;
    this.cell('category', d.base.category, d.id + '0').base[d.base.status] += 1;
    this.cell('category', d.draft.category, d.id + '1').draft[d.draft.status] += 1;
    // One call per dimension, without a list of them: this runs for every dossier of the round.
    this.countBoth('facility', d.facilityId, d);
    this.countBoth('ministry', d.ministryId ?? '', d);
    this.countBoth('offenceGroup', d.offenceGroup, d);
    this.countBoth('sentenceBand', d.sentenceBand, d);
    this.countBoth('sex', d.sex, d);
    this.baseReliance.add(d.base, d.id);
    this.draftReliance.add(d.draft, d.id);
    if (d.change) {
      seen(this.transitions, `${d.base.status}>${d.draft.status}`, d.id);
      this.rules.set(d.change.ruleId, (this.rules.get(d.change.ruleId) ?? 0) + 1);
    }
  }

  private countBoth(dimension: Dimension, key: string, d: TalliedDossier): void {
    const cell = this.cell(dimension, key, d.id + '0');
    cell.base[d.base.status] += 1;
    cell.draft[d.draft.status] += 1;
  }

  private cell(dimension: Dimension, key: string, first: string): Cell {
    const cells = this.cells.get(dimension)!;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { base: zero(), draft: zero(), first }));
    else if (first < cell.first) cell.first = first;
    return cell;
  }

  part(): TallyPart {
    const { total, base, draft, cells, transitions, rules } = this;
    return {
      total,
      base,
      draft,
      cells,
      transitions,
      rules,
      reliance: { base: this.baseReliance, draft: this.draftReliance },
    };
  }

  merge(part: TallyPart): void {
    this.total += part.total;
    addCounts(this.base, part.base);
    addCounts(this.draft, part.draft);
    for (const [dimension, cells] of part.cells)
      for (const [key, c] of cells) {
        const cell = this.cell(dimension, key, c.first);
        addCounts(cell.base, c.base);
        addCounts(cell.draft, c.draft);
      }
    for (const [t, s] of part.transitions) seen(this.transitions, t, s.first, s.n);
    for (const [ruleId, n] of part.rules) this.rules.set(ruleId, (this.rules.get(ruleId) ?? 0) + n);
    this.baseReliance.merge(part.reliance.base);
    this.draftReliance.merge(part.reliance.draft);
  }

  figures(unitNames: ReadonlyMap<string, string>, work: SimulationFigures['work']): SimulationFigures {
    const breakdowns = Object.fromEntries(
      DIMENSIONS.map((dimension) => {
        const rows = inOrder(this.cells.get(dimension)!).map(([key, { base, draft }]) => ({
          key,
          label: breakdownLabel(dimension, key, unitNames),
          base,
          draft,
        }));
        const order = dimension === 'sentenceBand' ? BAND_ORDER : null;
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
        total: [...this.transitions.values()].reduce((a, b) => a + b.n, 0),
        transitions: inOrder(this.transitions).map(([t, { n }]) => {
          const [from, to] = t.split('>') as [DossierStatus, DossierStatus];
          return { from, to, dossiers: n };
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
