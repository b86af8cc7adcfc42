import { dayNumber, isoOf } from '../../../kernel/calendar-date.js';
import { quarterContaining, quarterEndDay, quarterIdOf, quarterIndex, quarterStartDay } from './quarter.js';

const idx = (id: string) => quarterIndex(id) as number;

describe('classification quarters', () => {
  it.each([
    ['2025-Q1', 'ND_118_2024', '2024-12-01', '2025-02-28'],
    ['2024-Q1', 'ND_118_2024', '2023-12-01', '2024-02-29'],
    ['2025-Q2', 'ND_118_2024', '2025-03-01', '2025-05-31'],
    ['2025-Q3', 'ND_118_2024', '2025-06-01', '2025-08-31'],
    ['2025-Q4', 'ND_118_2024', '2025-09-01', '2025-11-30'],
    ['2024-Q3', 'ND_133_2020', '2024-05-26', '2024-08-25'],
    ['2024-Q1', 'ND_133_2020', '2023-11-26', '2024-02-25'],
  ] as const)('%s under %s runs %s – %s', (id, cal, start, end) => {
    expect(isoOf(quarterStartDay(idx(id), cal))).toBe(start);
    expect(isoOf(quarterEndDay(idx(id), cal))).toBe(end);
  });

  it.each([
    ['2024-12-01', 'ND_118_2024', '2025-Q1'],
    ['2024-11-30', 'ND_118_2024', '2024-Q4'],
    ['2025-05-31', 'ND_118_2024', '2025-Q2'],
    ['2025-06-01', 'ND_118_2024', '2025-Q3'],
    ['2024-11-26', 'ND_133_2020', '2025-Q1'],
    ['2024-11-25', 'ND_133_2020', '2024-Q4'],
    ['2024-02-26', 'ND_133_2020', '2024-Q2'],
  ] as const)('%s lies in %s', (day, cal, id) => {
    expect(quarterIdOf(quarterContaining(dayNumber(day), cal))).toBe(id);
  });

  it('numbers consecutive quarters consecutively and rejects bad ids', () => {
    expect(idx('2025-Q1') - idx('2024-Q4')).toBe(1);
    expect(quarterIdOf(idx('2025-Q4') + 1)).toBe('2026-Q1');
    expect(quarterIndex('2025-Q5')).toBeNull();
    expect(quarterIndex('2025Q1')).toBeNull();
  });
});
