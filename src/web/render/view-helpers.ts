import type { HelperDelegate } from 'handlebars';
import { formatDate, formatDateTime, formatVnd, groupThousands } from './format.js';
import { label, listName } from './labels.js';

// Handlebars passes its options hash as the last argument; helpers look only at the values before it.
function args(all: unknown[]): unknown[] {
  return all.slice(0, -1);
}

export const VIEW_HELPERS: Record<string, HelperDelegate> = {
  date: (value: unknown) => formatDate(value),
  datetime: (value: unknown) => formatDateTime(value),
  vnd: (value: unknown) => formatVnd(value),
  number: (value: unknown) => (value === null || value === undefined ? '' : groupThousands(Number(value))),
  eq: (...all: unknown[]) => {
    const [a, b] = args(all);
    return String(a) === String(b);
  },
  ne: (...all: unknown[]) => {
    const [a, b] = args(all);
    return String(a) !== String(b);
  },
  or: (...all: unknown[]) => args(all).some(Boolean),
  and: (...all: unknown[]) => args(all).every(Boolean),
  not: (value: unknown) => !value,
  gt: (a: unknown, b: unknown) => Number(a) > Number(b),
  inc: (value: unknown) => Number(value) + 1,
  labelOf: (kind: unknown, value: unknown) => label(String(kind), value),
  listName: (kind: unknown, code: unknown) => listName(kind, code),
  // Months and days written the way judgments write them: "9 năm 6 tháng".
  duration: (value: unknown) => {
    const d = value as { years?: number; months?: number; days?: number } | null;
    if (!d) return '';
    const parts = [
      d.years ? `${d.years} năm` : '',
      d.months ? `${d.months} tháng` : '',
      d.days ? `${d.days} ngày` : '',
    ].filter(Boolean);
    return parts.length ? parts.join(' ') : '0 ngày';
  },
  sentence: (value: unknown) => {
    const s = value as { kind?: string; years?: number; months?: number; days?: number } | null;
    if (!s) return '';
    if (s.kind === 'LIFE') return 'Tù chung thân';
    const parts = [
      s.years ? `${s.years} năm` : '',
      s.months ? `${s.months} tháng` : '',
      s.days ? `${s.days} ngày` : '',
    ].filter(Boolean);
    return `${parts.join(' ') || '0 ngày'} tù`;
  },
  percent: (part: unknown, whole: unknown) =>
    Number(whole) > 0 ? Math.round((Number(part) * 100) / Number(whole)) : 0,
  json: (value: unknown) => JSON.stringify(value ?? null).replace(/</g, '\\u003c'),
};
