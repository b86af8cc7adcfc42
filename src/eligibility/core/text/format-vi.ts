import type { Ymd } from '../calendar/duration.js';
import type { Fraction } from '../round/round-parameters.js';

function group(n: number): string {
  const s = String(Math.abs(Math.trunc(n)));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += '.';
    out += s[i];
  }
  return n < 0 ? `-${out}` : out;
}

export function formatIntegerVi(n: number): string {
  return group(n);
}

export function formatMoneyVi(vnd: number): string {
  return `${group(vnd)} đồng`;
}

// Reasons repeat the same few thousand day counts and durations across a round: each text is built once and kept.
const DAYS_CACHED = 40_000;
const daysText: Array<string | null> = new Array<string | null>(DAYS_CACHED).fill(null);

export function formatDaysVi(days: number): string {
  if (Number.isInteger(days) && days >= 0 && days < DAYS_CACHED) return (daysText[days] ??= `${group(days)} ngày`);
  return `${group(days)} ngày`;
}

function buildYmd(d: Ymd): string {
  let out = '';
  if (d.years) out = `${d.years} năm`;
  if (d.months) out += `${out ? ' ' : ''}${d.months} tháng`;
  if (d.days || !out) out += `${out ? ' ' : ''}${d.days} ngày`;
  return out;
}

const ymdText = new Map<number, string>();

export function formatYmdVi(d: Ymd): string {
  const { years, months, days } = d;
  // Whole non-negative parts within a life's span share one key; anything else is built afresh.
  if (
    years >= 0 &&
    years < 200 &&
    months >= 0 &&
    months < 100 &&
    days >= 0 &&
    days < 1000 &&
    Number.isInteger(years) &&
    Number.isInteger(months) &&
    Number.isInteger(days)
  ) {
    const key = (years * 100 + months) * 1000 + days;
    let text = ymdText.get(key);
    if (text === undefined) {
      text = buildYmd(d);
      if (ymdText.size < 100_000) ymdText.set(key, text);
    }
    return text;
  }
  return buildYmd(d);
}

export function formatFractionVi(f: Fraction): string {
  return `${f.numerator}/${f.denominator}`;
}

export function formatPercentVi(ratio: number): string {
  return `${(ratio * 100).toFixed(2).replace('.', ',')}%`;
}
