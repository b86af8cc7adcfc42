import { isoOf, tryDayNumber, type IsoDate } from '../../../kernel/calendar-date.js';
import { diffYmd, subtractYmd, sumYmd, addYmd, type Ymd } from '../calendar/duration.js';
import type { EligibilityFacts, Sentence } from '../facts.js';
import { servedTimeline } from './intervals.js';
import { resolveSentence, termOf, type SentenceSource } from './sentence.js';

export type SentenceKind = 'FIXED' | 'LIFE_COMMUTED' | 'LIFE' | 'UNKNOWN';

// The shared figures of one dossier, computed once and read by every rule. Day counts are the truth;
// the y/m/d forms lay those days back onto the calendar from the first day served (see the core README).
export interface TimeFigures {
  cutoff: IsoDate;
  anchor: IsoDate | null;
  servedDays: number;
  served: Ymd;
  excludedDays: number;
  accruing: boolean;
  sentenceKind: SentenceKind;
  sentenceSource: SentenceSource;
  aggregationCapped: boolean;
  term: Ymd | null;
  termDays: number | null;
  reductions: Ymd;
  reductionDays: number;
  remainingDays: number | null;
  remaining: Ymd | null;
  fractionServed: number | null;
  invalidDates: string[];
}

// The fraction as the guidance writes it ("9/12"): both durations in months, days at 30 a month, so leap days do
// not make 9 of 12 years read 0.7499. The threshold itself is decided on day counts.
function calendarFraction(served: Ymd, term: Ymd): number | null {
  const months = (d: Ymd) => d.years * 12 + d.months + d.days / 30;
  const whole = months(term);
  return whole > 0 ? Math.round((months(served) / whole) * 10000) / 10000 : null;
}

// The sentence as it stood on the cut-off day: a life sentence commuted after it was still a life sentence then
// (Law 30/2018 Art 11(1)(b) measures time served and the sentence at the cut-off; a later decision cannot count).
function asAtCutoff(sentence: Sentence | null, cutoffDay: number): Sentence | null {
  if (!sentence || sentence.kind !== 'LIFE' || !sentence.commutation) return sentence;
  const on = tryDayNumber(sentence.commutation.date);
  return on !== null && on > cutoffDay ? { kind: 'LIFE', commutation: null } : sentence;
}

export function computeTimeFigures(
  facts: EligibilityFacts,
  cutoffDay: number,
  aggregationCapYears: number,
): TimeFigures {
  const timeline = servedTimeline(facts.intervals, cutoffDay);
  const resolved = resolveSentence(facts, aggregationCapYears);
  const sentence = asAtCutoff(resolved.sentence, cutoffDay);
  const term = termOf(sentence);
  const sentenceKind: SentenceKind = !sentence
    ? 'UNKNOWN'
    : sentence.kind === 'FIXED'
      ? 'FIXED'
      : sentence.commutation
        ? 'LIFE_COMMUTED'
        : 'LIFE';
  // Reductions shorten the remaining term, never the time served (Law 30/2018 Art 11(1)(b)); for a commuted life
  // sentence only those granted after the commutation apply to the commuted term.
  const commutedOn =
    sentence && sentence.kind === 'LIFE' && sentence.commutation ? tryDayNumber(sentence.commutation.date) : null;
  const invalidDates = timeline.invalidDates;
  const applicable: Ymd[] = [];
  for (const r of facts.reductions) {
    const d = tryDayNumber(r.date);
    if (d === null) {
      invalidDates.push(String(r.date));
      continue;
    }
    if (d <= cutoffDay && (commutedOn === null || d >= commutedOn)) applicable.push(r.term);
  }
  const reductions = sumYmd(applicable);
  const anchorDay = timeline.anchorDay;
  const servedDays = timeline.servedDays;
  const served = anchorDay === null ? { years: 0, months: 0, days: 0 } : diffYmd(anchorDay, anchorDay + servedDays);
  let termDays: number | null = null;
  let reductionDays = 0;
  let remainingDays: number | null = null;
  let remaining: Ymd | null = null;
  if (term) {
    const anchor = anchorDay ?? cutoffDay + 1;
    const termEnd = addYmd(anchor, term);
    termDays = termEnd - anchor;
    reductionDays = termEnd - subtractYmd(termEnd, reductions);
    remainingDays = Math.max(0, termDays - servedDays - reductionDays);
    remaining = diffYmd(cutoffDay + 1, cutoffDay + 1 + remainingDays);
  }
  return {
    cutoff: isoOf(cutoffDay),
    anchor: anchorDay === null ? null : isoOf(anchorDay),
    servedDays,
    served,
    excludedDays: timeline.excludedDays,
    accruing: timeline.accruing,
    sentenceKind,
    sentenceSource: resolved.source,
    aggregationCapped: resolved.capped,
    term,
    termDays,
    reductions,
    reductionDays,
    remainingDays,
    remaining,
    fractionServed: term ? calendarFraction(served, term) : null,
    invalidDates,
  };
}
