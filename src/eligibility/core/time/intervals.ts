import { tryDayNumber } from '../../../kernel/calendar-date.js';
import type { Interval, IntervalKind } from '../facts.js';

const COUNTED: Readonly<Record<IntervalKind, boolean>> = {
  POLICE_CUSTODY: true,
  PRE_TRIAL_DETENTION: true,
  CAMP: true,
  COMPULSORY_TREATMENT: true,
  BAIL: false,
  POSTPONEMENT: false,
  SUSPENSION: false,
};

export interface ServedTimeline {
  servedDays: number;
  // First day actually served: the anchor on which day counts are laid back onto the calendar.
  anchorDay: number | null;
  excludedDays: number;
  // True when custody runs through the cut-off, so the time keeps growing after it.
  accruing: boolean;
  invalidDates: string[];
}

// Half-open spans [start, end) as flat pairs, merged so overlaps count once.
function mergeSpans(spans: number[]): number[] {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < spans.length; i += 2) pairs.push([spans[i], spans[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    const n = out.length;
    if (n > 0 && s <= out[n - 1]) {
      if (e > out[n - 1]) out[n - 1] = e;
    } else {
      out.push(s, e);
    }
  }
  return out;
}

function spanLength(spans: number[]): number {
  let total = 0;
  for (let i = 0; i < spans.length; i += 2) total += spans[i + 1] - spans[i];
  return total;
}

function subtractSpans(from: number[], minus: number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < from.length; i += 2) {
    let s = from[i];
    const e = from[i + 1];
    while (j < minus.length && minus[j + 1] <= s) j += 2;
    let k = j;
    while (s < e && k < minus.length && minus[k] < e) {
      if (minus[k] > s) out.push(s, minus[k]);
      s = Math.max(s, minus[k + 1]);
      k += 2;
    }
    if (s < e) out.push(s, e);
  }
  return out;
}

// Time served up to and including the cut-off day: custody, detention, camp time and compulsory treatment,
// less bail, postponement and suspension, each day counted once (HD 94/2025 §II; Criminal Code Art 38(2)).
export function servedTimeline(intervals: readonly Interval[], cutoffDay: number): ServedTimeline {
  const counted: number[] = [];
  const excluded: number[] = [];
  const invalidDates: string[] = [];
  let openThroughCutoff = false;
  const endExclusive = cutoffDay + 1;
  for (const iv of intervals) {
    const start = tryDayNumber(iv.from);
    const last = iv.to === null ? cutoffDay : tryDayNumber(iv.to);
    if (start === null || last === null) {
      invalidDates.push(start === null ? String(iv.from) : String(iv.to));
      continue;
    }
    const end = Math.min(last + 1, endExclusive);
    if (COUNTED[iv.kind] && start <= cutoffDay && (iv.to === null || last > cutoffDay)) openThroughCutoff = true;
    if (start > cutoffDay || end <= start) continue;
    (COUNTED[iv.kind] ? counted : excluded).push(start, end);
  }
  const mergedCounted = mergeSpans(counted);
  const mergedExcluded = mergeSpans(excluded);
  const served = mergedExcluded.length === 0 ? mergedCounted : subtractSpans(mergedCounted, mergedExcluded);
  const servedDays = spanLength(served);
  const lastEnd = served.length > 0 ? served[served.length - 1] : null;
  return {
    servedDays,
    anchorDay: served.length > 0 ? served[0] : null,
    excludedDays: spanLength(mergedCounted) - servedDays,
    accruing: openThroughCutoff && lastEnd === endExclusive,
    invalidDates,
  };
}
