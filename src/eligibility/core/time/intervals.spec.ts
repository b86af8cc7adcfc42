import { dayNumber, isoOf } from '../../../kernel/calendar-date.js';
import type { Interval } from '../facts.js';
import { servedTimeline } from './intervals.js';

const cutoff = dayNumber('2025-04-30');
const iv = (kind: Interval['kind'], from: string, to: string | null): Interval => ({ kind, from, to });

describe('time served from custody intervals', () => {
  it('counts both ends of each interval and runs an open interval to the cut-off', () => {
    const t = servedTimeline(
      [iv('POLICE_CUSTODY', '2024-01-01', '2024-01-03'), iv('CAMP', '2024-01-04', null)],
      cutoff,
    );
    expect(t.servedDays).toBe(dayNumber('2025-04-30') - dayNumber('2024-01-01') + 1);
    expect(isoOf(t.anchorDay as number)).toBe('2024-01-01');
    expect(t.accruing).toBe(true);
  });

  it('counts overlapping custody, detention and camp days once', () => {
    const t = servedTimeline(
      [iv('PRE_TRIAL_DETENTION', '2024-01-01', '2024-06-30'), iv('CAMP', '2024-06-01', '2024-12-31')],
      cutoff,
    );
    expect(t.servedDays).toBe(366);
    expect(t.accruing).toBe(false);
  });

  it('takes out bail, postponement and suspension, even inside a camp interval', () => {
    const t = servedTimeline(
      [
        iv('CAMP', '2024-01-01', null),
        iv('SUSPENSION', '2024-03-01', '2024-03-31'),
        iv('BAIL', '2023-06-01', '2024-01-10'),
      ],
      cutoff,
    );
    const span = dayNumber('2025-04-30') - dayNumber('2024-01-01') + 1;
    expect(t.servedDays).toBe(span - 31 - 10);
    expect(t.excludedDays).toBe(41);
    expect(isoOf(t.anchorDay as number)).toBe('2024-01-11');
  });

  it('counts compulsory treatment and ignores intervals after the cut-off', () => {
    const t = servedTimeline(
      [iv('COMPULSORY_TREATMENT', '2025-04-01', '2025-04-10'), iv('CAMP', '2025-05-02', null)],
      cutoff,
    );
    expect(t.servedDays).toBe(10);
    expect(t.accruing).toBe(false);
  });

  it('clips an interval that ends after the cut-off and keeps it accruing', () => {
    const t = servedTimeline([iv('CAMP', '2025-04-01', '2025-12-31')], cutoff);
    expect(t.servedDays).toBe(30);
    expect(t.accruing).toBe(true);
  });

  it('is not accruing when the person is suspended on the cut-off day', () => {
    const t = servedTimeline([iv('CAMP', '2024-01-01', null), iv('SUSPENSION', '2025-04-01', null)], cutoff);
    expect(t.accruing).toBe(false);
    expect(t.servedDays).toBe(dayNumber('2025-03-31') - dayNumber('2024-01-01') + 1);
  });

  it('reports unreadable dates instead of guessing', () => {
    const t = servedTimeline([iv('CAMP', '2024-02-30', null)], cutoff);
    expect(t.invalidDates).toEqual(['2024-02-30']);
    expect(t.servedDays).toBe(0);
    expect(t.anchorDay).toBeNull();
  });
});
