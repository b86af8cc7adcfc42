import { applicationDeadline, checkApplicationDate, dueStatus, parseRoundDeadlines } from './deadlines.js';
import { Stage } from './stages.js';

describe('round deadlines', () => {
  const { deadlines, errors } = parseRoundDeadlines({ postingDate: '2025-07-04', stageDueDates: { department: '2025-07-25' } });

  it('parses the round parameters and defaults the application window to the law’s 5 days', () => {
    expect(errors).toEqual([]);
    expect(deadlines.applicationDays).toBe(5);
    expect(applicationDeadline(deadlines)).toBe('2025-07-09');
  });

  it.each([
    { date: '2025-07-09', late: false },
    { date: '2025-07-10', late: true },
    { date: '2025-07-03', late: true },
  ])('application dated $date late=$late', ({ date, late }) => {
    const error = checkApplicationDate(deadlines, date);
    expect(error !== null).toBe(late);
    if (error) expect(error.message).toMatch(/\d{2}\/\d{2}\/\d{4}/);
  });

  it.each([
    { stage: Stage.DEPARTMENT, today: '2025-07-25', overdue: false, days: 0 },
    { stage: Stage.DEPARTMENT, today: '2025-07-28', overdue: true, days: 3 },
    { stage: Stage.CAMP_COUNCIL, today: '2025-07-15', overdue: true, days: 1 },
    { stage: Stage.MINISTRY, today: '2030-01-01', overdue: false, days: 0 },
  ])('$stage on $today overdue=$overdue', ({ stage, today, overdue, days }) => {
    const s = dueStatus({ stage, today, deadlines });
    expect(s.overdue).toBe(overdue);
    expect(s.daysOverdue).toBe(days);
  });

  it('reports malformed dates and unknown stages', () => {
    const r = parseRoundDeadlines({ postingDate: '04/07/2025', applicationDays: 0, stageDueDates: { nowhere: '2025-01-01', ministry: '2025-02-30' } });
    expect(r.errors.map((e) => e.path)).toEqual(['deadlines.postingDate', 'deadlines.applicationDays', 'deadlines.stageDueDates.nowhere', 'deadlines.stageDueDates.ministry']);
  });
});
