import { civilOf, dayNumberOf, daysInMonth } from '../../../kernel/calendar-date.js';

// A duration as the courts and the guidance write it: years, months and days.
export interface Ymd {
  years: number;
  months: number;
  days: number;
}

export const ZERO_YMD: Ymd = Object.freeze({ years: 0, months: 0, days: 0 });

// The calendar convention (the core README, "Calendar convention"; pinned by tests):
// - adding years and months keeps the day of the month and clamps it to the last day of a shorter month
//   (31/01 + 1 month = 28/02 or 29/02; 29/02/2024 + 1 year = 28/02/2025); the days are added afterwards;
// - subtracting takes the days off first, then the years and months, clamping the same way.
export function addYmd(dayNumber: number, d: Ymd): number {
  const c = civilOf(dayNumber);
  const totalMonths = c.year * 12 + (c.month - 1) + d.years * 12 + d.months;
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths - year * 12 + 1;
  const day = Math.min(c.day, daysInMonth(year, month));
  return dayNumberOf(year, month, day) + d.days;
}

export function subtractYmd(dayNumber: number, d: Ymd): number {
  return addYmd(dayNumber - d.days, { years: -d.years, months: -d.months, days: 0 });
}

function addMonths(dayNumber: number, months: number): number {
  return addYmd(dayNumber, { years: 0, months, days: 0 });
}

// The duration from `from` (inclusive) to `to` (exclusive): the most whole months that fit, then days.
// addYmd(from, diffYmd(from, to)) === to for every from <= to.
export function diffYmd(from: number, to: number): Ymd {
  if (to <= from) return { years: 0, months: 0, days: 0 };
  const a = civilOf(from);
  const b = civilOf(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  while (months > 0 && addMonths(from, months) > to) months--;
  const days = to - addMonths(from, months);
  return { years: Math.floor(months / 12), months: months % 12, days };
}

// Length in days of a duration laid on the calendar from `anchor`.
export function ymdDaysFrom(anchor: number, d: Ymd): number {
  return addYmd(anchor, d) - anchor;
}

export function sumYmd(items: readonly Ymd[]): Ymd {
  let months = 0;
  let days = 0;
  for (const d of items) {
    months += d.years * 12 + d.months;
    days += d.days;
  }
  return { years: Math.floor(months / 12), months: months % 12, days };
}

export function totalMonthsOf(d: Ymd): number {
  return d.years * 12 + d.months;
}

// Compares durations the way a sentence band is read: months first, then days (no calendar needed).
export function compareYmd(a: Ymd, b: Ymd): number {
  const m = totalMonthsOf(a) - totalMonthsOf(b);
  return m !== 0 ? m : a.days - b.days;
}

export function isValidYmd(d: unknown): d is Ymd {
  if (d === null || typeof d !== 'object') return false;
  const x = d as Record<string, unknown>;
  return [x.years, x.months, x.days].every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0);
}

// A fraction of a sentence as practitioners compute it: whole months of the fraction, the leftover month
// fraction at 30 days a month plus the fraction of the days, rounded up so a threshold is never understated.
// 1/3 of 7 years = 2 years 4 months; 1/3 of 1 year 2 months = 4 months 20 days.
export function fractionOfYmd(d: Ymd, numerator: number, denominator: number): Ymd {
  const scaledMonths = totalMonthsOf(d) * numerator;
  const months = Math.floor(scaledMonths / denominator);
  const leftover = scaledMonths - months * denominator;
  const days = Math.ceil((leftover * 30 + d.days * numerator) / denominator);
  return { years: Math.floor(months / 12), months: months % 12, days };
}

export function yearsYmd(years: number): Ymd {
  return { years, months: 0, days: 0 };
}
