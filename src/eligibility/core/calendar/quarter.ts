import { civilOf, dayNumberOf, daysInMonth } from '../../../kernel/calendar-date.js';

// Conduct is classified by quarter. Decree 118/2024 Art 18(1): Q1 = 1 Dec (previous year) – end of Feb,
// Q2 = 1 Mar – 31 May, Q3 = 1 Jun – 31 Aug, Q4 = 1 Sep – 30 Nov. Decree 133/2020 (rounds before 2025) closed
// each quarter on the 25th: Q1 = 26 Nov – 25 Feb, Q2 = 26 Feb – 25 May, Q3 = 26 May – 25 Aug, Q4 = 26 Aug – 25 Nov.
export type QuarterCalendar = 'ND_118_2024' | 'ND_133_2020';
export const QUARTER_CALENDARS: readonly QuarterCalendar[] = ['ND_118_2024', 'ND_133_2020'];

// 'YYYY-Qn'; the index counts quarters from year 0 so that consecutive quarters differ by one.
export type QuarterId = string;

// Parsed by character codes: every dossier carries dozens of quarter ids.
export function quarterIndex(id: QuarterId): number | null {
  if (typeof id !== 'string' || id.length !== 7 || id.charCodeAt(4) !== 45 || id.charCodeAt(5) !== 81) return null;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    year = year * 10 + d;
  }
  const q = id.charCodeAt(6) - 48;
  return q >= 1 && q <= 4 ? year * 4 + q - 1 : null;
}

export function quarterIdOf(index: number): QuarterId {
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

// Last month of each quarter (Q1 ends in February of its own year).
const END_MONTH = [2, 5, 8, 11];

export function quarterEndDay(index: number, calendar: QuarterCalendar): number {
  const year = Math.floor(index / 4);
  const month = END_MONTH[index % 4];
  const day = calendar === 'ND_118_2024' ? daysInMonth(year, month) : 25;
  return dayNumberOf(year, month, day);
}

export function quarterStartDay(index: number, calendar: QuarterCalendar): number {
  return quarterEndDay(index - 1, calendar) + 1;
}

export function quarterContaining(dayNumber: number, calendar: QuarterCalendar): number {
  const c = civilOf(dayNumber);
  // Shift so that the quarter year starts in December: December belongs to Q1 of the next year.
  let index = c.month === 12 ? (c.year + 1) * 4 : c.year * 4 + Math.floor(c.month / 3);
  if (dayNumber > quarterEndDay(index, calendar)) index += 1;
  if (dayNumber < quarterStartDay(index, calendar)) index -= 1;
  return index;
}
