import { ConductRating } from '../../src/dossiers/dossier-format.js';
import type { DisciplineRecord, QuarterRating } from '../../src/dossiers/dossier-format.js';
import { addDays, fullQuartersBetween, quarterStart } from './dates.js';
import type { Rng } from './prng.js';

// GOOD: every quarter khá or tốt. ONE_AVERAGE: one early quarter trung bình (after a reprimand). RECENT_POOR: a
// quarter within the last year rated trung bình or kém, which breaks any consecutive-quarter requirement.
export type ConductPlan = 'GOOD' | 'ONE_AVERAGE' | 'RECENT_POOR';

export interface ConductResult {
  ratings: QuarterRating[];
  discipline: DisciplineRecord[];
}

const REPRIMANDS: readonly (readonly [string, string])[] = [
  ['Khiển trách', 'Vi phạm nội quy trại giam: tàng trữ đồ vật cấm (điện thoại di động) trong buồng giam.'],
  ['Khiển trách', 'Không chấp hành giờ giấc sinh hoạt, lao động theo quy định.'],
  ['Cảnh cáo', 'Gây gổ, xô xát với phạm nhân khác trong giờ lao động.'],
  ['Khiển trách', 'Trao đổi, mua bán đồ vật trái phép với phạm nhân khác.'],
];

export function buildConduct(
  rng: Rng,
  o: { campEntry: string; lastQuarter: string; plan: ConductPlan; maxQuarters?: number },
): ConductResult {
  let periods = fullQuartersBetween(o.campEntry, o.lastQuarter);
  if (o.maxQuarters !== undefined && periods.length > o.maxQuarters)
    periods = periods.slice(periods.length - o.maxQuarters);
  const ratings = periods.map((period) => ({
    period,
    rating: rng.chance(0.62) ? ConductRating.TOT : ConductRating.KHA,
  }));
  const discipline: DisciplineRecord[] = [];
  if (ratings.length === 0 || o.plan === 'GOOD') return { ratings, discipline };
  const index =
    o.plan === 'ONE_AVERAGE'
      ? Math.min(rng.int(0, 2), ratings.length - 1)
      : Math.max(0, ratings.length - rng.int(1, 3));
  ratings[index].rating = o.plan === 'RECENT_POOR' && rng.chance(0.3) ? ConductRating.KEM : ConductRating.TRUNG_BINH;
  const [kind, description] = rng.pick(REPRIMANDS);
  discipline.push({ date: addDays(quarterStart(ratings[index].period), rng.int(5, 80)), kind, description });
  return { ratings, discipline };
}
