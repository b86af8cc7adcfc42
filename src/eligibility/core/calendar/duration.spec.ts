import { dayNumber, isoOf } from '../../../kernel/calendar-date.js';
import { addYmd, compareYmd, diffYmd, fractionOfYmd, subtractYmd, sumYmd, type Ymd } from './duration.js';

const ymd = (years: number, months = 0, days = 0): Ymd => ({ years, months, days });
const add = (iso: string, d: Ymd) => isoOf(addYmd(dayNumber(iso), d));
const sub = (iso: string, d: Ymd) => isoOf(subtractYmd(dayNumber(iso), d));
const diff = (a: string, b: string) => diffYmd(dayNumber(a), dayNumber(b));

describe('years/months/days on the calendar', () => {
  it.each([
    ['2024-01-31', ymd(0, 1), '2024-02-29'],
    ['2023-01-31', ymd(0, 1), '2023-02-28'],
    ['2024-02-29', ymd(1), '2025-02-28'],
    ['2024-02-29', ymd(4), '2028-02-29'],
    ['2024-03-31', ymd(0, 1), '2024-04-30'],
    ['2024-01-31', ymd(0, 1, 1), '2024-03-01'],
    ['2017-01-05', ymd(12), '2029-01-05'],
    ['2025-12-15', ymd(0, 2), '2026-02-15'],
    ['2025-05-01', ymd(0, 6), '2025-11-01'],
  ])('%s + %j = %s (month ends clamp)', (from, d, to) => {
    expect(add(from, d)).toBe(to);
  });

  it.each([
    ['2024-03-31', ymd(0, 1), '2024-02-29'],
    ['2025-02-28', ymd(1), '2024-02-28'],
    ['2028-09-01', ymd(2), '2026-09-01'],
    ['2024-03-01', ymd(0, 0, 1), '2024-02-29'],
  ])('%s - %j = %s', (from, d, to) => {
    expect(sub(from, d)).toBe(to);
  });

  it.each([
    ['2017-01-05', '2025-05-01', ymd(8, 3, 26)],
    ['2024-01-31', '2024-02-29', ymd(0, 1, 0)],
    ['2024-02-29', '2025-02-28', ymd(1, 0, 0)],
    ['2024-02-29', '2025-03-01', ymd(1, 0, 1)],
    ['2016-09-01', '2025-09-01', ymd(9, 0, 0)],
    ['2025-05-01', '2025-05-01', ymd(0, 0, 0)],
  ])('from %s to %s (exclusive) is %j', (a, b, d) => {
    expect(diff(a, b)).toEqual(d);
  });

  it('diff then add returns the end date for every pair in a leap-year window', () => {
    const start = dayNumber('2023-12-20');
    for (let a = start; a < start + 120; a += 3) {
      for (let b = a; b < a + 800; b += 7) {
        expect(addYmd(a, diffYmd(a, b))).toBe(b);
      }
    }
  });

  it.each([
    [ymd(12), 1, 3, ymd(4)],
    [ymd(7), 1, 3, ymd(2, 4)],
    [ymd(10), 1, 3, ymd(3, 4)],
    [ymd(1, 2), 1, 3, ymd(0, 4, 20)],
    [ymd(2, 6), 1, 4, ymd(0, 7, 15)],
    [ymd(13, 5, 10), 1, 3, ymd(4, 5, 24)],
    [ymd(5), 1, 2, ymd(2, 6)],
    [ymd(30), 1, 3, ymd(10)],
  ])('%j × %i/%i = %j (leftover months at 30 days, rounded up)', (d, n, den, expected) => {
    expect(fractionOfYmd(d, n, den)).toEqual(expected);
  });

  it('adds and compares durations', () => {
    expect(sumYmd([ymd(1, 8), ymd(0, 6, 10), ymd(0, 0, 5)])).toEqual(ymd(2, 2, 15));
    expect(compareYmd(ymd(10), ymd(9, 12))).toBe(0);
    expect(compareYmd(ymd(10, 0, 1), ymd(10))).toBeGreaterThan(0);
    expect(compareYmd(ymd(7), ymd(7, 1))).toBeLessThan(0);
  });
});
