// Calendar dates are ISO 'YYYY-MM-DD' strings at the edges and integer day numbers (days since 1970-01-01,
// proleptic Gregorian) inside the arithmetic: no Date object, so no time zone can shift a day.
export type IsoDate = string;

export class CalendarDateError extends Error {
  constructor(readonly value: unknown) {
    super(`Ngày không hợp lệ (cần dạng YYYY-MM-DD): ${String(value)}`);
    this.name = 'CalendarDateError';
  }
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

// Howard Hinnant's days_from_civil: exact for every Gregorian date, integers only.
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilOf(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

// Returns null instead of throwing so that callers can turn a bad date into "needs evidence".
// Parsed by character codes because the engine reads hundreds of thousands of dates per second.
export function tryDayNumber(iso: unknown): number | null {
  if (typeof iso !== 'string' || iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  const y0 = digit(iso, 0),
    y1 = digit(iso, 1),
    y2 = digit(iso, 2),
    y3 = digit(iso, 3);
  const m0 = digit(iso, 5),
    m1 = digit(iso, 6),
    d0 = digit(iso, 8),
    d1 = digit(iso, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return null;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayNumberOf(year, month, day);
}

export function dayNumber(iso: IsoDate): number {
  const n = tryDayNumber(iso);
  if (n === null) throw new CalendarDateError(iso);
  return n;
}

export function isValidIsoDate(value: unknown): value is IsoDate {
  return tryDayNumber(value) !== null;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

export function isoOf(dayNumber: number): IsoDate {
  const { year, month, day } = civilOf(dayNumber);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

function buildDayVi(dayNumber: number): string {
  const { year, month, day } = civilOf(dayNumber);
  return `${pad2(day)}/${pad2(month)}/${pad4(year)}`;
}

// Every reason names a few dates (the cut-off, the day a threshold is met): days from 1900 to 2199 are formatted
// once each and kept.
const CACHE_FROM = dayNumberOf(1900, 1, 1);
const CACHE_TO = dayNumberOf(2200, 1, 1);
const dayVi: Array<string | null> = new Array<string | null>(CACHE_TO - CACHE_FROM).fill(null);

// Users read dates as dd/mm/yyyy.
export function formatDayVi(dayNumber: number): string {
  if (Number.isInteger(dayNumber) && dayNumber >= CACHE_FROM && dayNumber < CACHE_TO) {
    return (dayVi[dayNumber - CACHE_FROM] ??= buildDayVi(dayNumber));
  }
  return buildDayVi(dayNumber);
}

export function formatIsoVi(iso: IsoDate): string {
  return formatDayVi(dayNumber(iso));
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return isoOf(dayNumber(iso) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}
