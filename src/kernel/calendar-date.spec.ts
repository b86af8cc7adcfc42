import { civilOf, dayNumber, daysInMonth, formatIsoVi, isoOf, isValidIsoDate, tryDayNumber } from './calendar-date.js';

describe('calendar dates as day numbers', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dayNumber('1900-03-01') - dayNumber('1900-02-28')).toBe(1);
  });

  it('round-trips every day from 1900 to 2100 and advances one calendar day at a time', () => {
    const start = dayNumber('1900-01-01');
    const end = dayNumber('2100-12-31');
    let prev = civilOf(start - 1);
    for (let n = start; n <= end; n++) {
      const c = civilOf(n);
      const sameMonth = c.year === prev.year && c.month === prev.month && c.day === prev.day + 1;
      const nextMonth =
        c.day === 1 &&
        prev.day === daysInMonth(prev.year, prev.month) &&
        (c.month === prev.month + 1 || (c.month === 1 && prev.month === 12 && c.year === prev.year + 1));
      if (!sameMonth && !nextMonth) throw new Error(`discontinuity at ${isoOf(n)}`);
      if (dayNumber(isoOf(n)) !== n) throw new Error(`round trip failed at ${n}`);
      prev = c;
    }
    expect(end - start + 1).toBe(73414);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-1-01', false],
    ['2024/01/01', false],
    ['', false],
    [null, false],
    [20240101, false],
  ])('validates %p as %p', (value, ok) => {
    expect(isValidIsoDate(value)).toBe(ok);
    expect(tryDayNumber(value) !== null).toBe(ok);
  });

  it('throws a readable error on a bad date', () => {
    expect(() => dayNumber('2023-02-29')).toThrow('Ngày không hợp lệ');
  });

  it('shows dates as dd/mm/yyyy', () => {
    expect(formatIsoVi('2025-08-31')).toBe('31/08/2025');
    expect(formatIsoVi('2009-01-05')).toBe('05/01/2009');
  });
});
