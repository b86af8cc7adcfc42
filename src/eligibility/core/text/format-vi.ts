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

export function formatDaysVi(days: number): string {
  return `${group(days)} ngày`;
}

export function formatYmdVi(d: Ymd): string {
  const parts: string[] = [];
  if (d.years) parts.push(`${d.years} năm`);
  if (d.months) parts.push(`${d.months} tháng`);
  if (d.days || parts.length === 0) parts.push(`${d.days} ngày`);
  return parts.join(' ');
}

export function formatFractionVi(f: Fraction): string {
  return `${f.numerator}/${f.denominator}`;
}

export function formatPercentVi(ratio: number): string {
  return `${(ratio * 100).toFixed(2).replace('.', ',')}%`;
}
