// Calendar arithmetic on ISO dates for building timelines; UTC throughout so no time zone can shift a day.
const DAY_MS = 86_400_000;

// Days since 1970-01-01 (proleptic Gregorian), computed directly: timelines for 150,000 dossiers make millions of
// these conversions.
export function toDay(iso: string): number {
  let y =
    (iso.charCodeAt(0) - 48) * 1000 +
    (iso.charCodeAt(1) - 48) * 100 +
    (iso.charCodeAt(2) - 48) * 10 +
    (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const ISO_CACHE = new Map<number, string>();

export function fromDay(day: number): string {
  let iso = ISO_CACHE.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    ISO_CACHE.set(day, iso);
  }
  return iso;
}

export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

// Clamps to the month's last day (31 Jan + 1 month = 28/29 Feb), as sentence arithmetic does.
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function year(iso: string): number {
  return Number(iso.slice(0, 4));
}

// Decree 118/2024 Art 18(1): Q1 runs 1 Dec of the previous year to the end of February; 'YYYY-Qn'.
export function quarterStart(period: string): string {
  const y = Number(period.slice(0, 4));
  const q = Number(period.slice(6));
  return q === 1 ? `${y - 1}-12-01` : `${y}-${String(q * 3 - 3).padStart(2, '0')}-01`;
}

export function quarterOf(iso: string): string {
  const y = year(iso);
  const m = Number(iso.slice(5, 7));
  if (m === 12) return `${y + 1}-Q1`;
  if (m <= 2) return `${y}-Q1`;
  return `${y}-Q${Math.floor(m / 3) + 1}`;
}

export function nextQuarter(period: string): string {
  const y = Number(period.slice(0, 4));
  const q = Number(period.slice(6));
  return q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
}

// Every quarter that starts on or after `from` up to and including `last`.
export function fullQuartersBetween(from: string, last: string): string[] {
  let q = quarterOf(from);
  if (quarterStart(q) < from) q = nextQuarter(q);
  const out: string[] = [];
  while (q <= last && out.length < 400) {
    out.push(q);
    q = nextQuarter(q);
  }
  return out;
}
