import {
  formatDate,
  formatDocumentNumber,
  formatDuration,
  formatInteger,
  formatPercent,
  formatPlaceDate,
  formatVnd,
} from '../../src/documents/format/print-format.js';

describe('print formatting', () => {
  it.each([
    ['2025-07-04', 'Hà Nội, ngày 04 tháng 7 năm 2025'],
    ['2025-02-15', 'Hà Nội, ngày 15 tháng 02 năm 2025'],
    ['2025-01-09', 'Hà Nội, ngày 09 tháng 01 năm 2025'],
    ['2025-12-31', 'Hà Nội, ngày 31 tháng 12 năm 2025'],
  ])('writes the place-and-date line for %s as the decree sets it', (iso, expected) => {
    expect(formatPlaceDate('Hà Nội', iso)).toBe(expected);
  });

  it('writes dates as dd/mm/yyyy and refuses anything but an ISO date', () => {
    expect(formatDate('2025-09-01')).toBe('01/09/2025');
    expect(() => formatDate('01/09/2025')).toThrow('YYYY-MM-DD');
  });

  it('writes VND with dots between thousands and refuses fractions', () => {
    expect(formatVnd(1_250_000_000)).toBe('1.250.000.000 đồng');
    expect(formatVnd(0)).toBe('0 đồng');
    expect(formatInteger(-12_345)).toBe('-12.345');
    expect(() => formatVnd(10.5)).toThrow('whole numbers');
  });

  it('writes percentages with a decimal comma and no trailing zeros', () => {
    expect(formatPercent(30, 40)).toBe('75%');
    expect(formatPercent(31, 40)).toBe('77,5%');
    expect(formatPercent(2, 3)).toBe('66,67%');
    expect(formatPercent(1, 0)).toBe('0%');
  });

  it('writes durations in years, months and days, and numbers with a leading zero below 10', () => {
    expect(formatDuration({ years: 6, months: 0, days: 11 })).toBe('6 năm 11 ngày');
    expect(formatDuration({ years: 0, months: 0, days: 0 })).toBe('0 ngày');
    expect(formatDocumentNumber(5, 'BB-TGTX')).toBe('05/BB-TGTX');
    expect(formatDocumentNumber(123, 'DS-TGTX')).toBe('123/DS-TGTX');
  });
});
