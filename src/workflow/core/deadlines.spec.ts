import { applicationDeadline, checkApplicationDate, dueStatus, parseRoundDeadlines } from './deadlines.js';
import { Stage } from './stages.js';

describe('round deadlines', () => {
  const { deadlines, errors } = parseRoundDeadlines({
    postingDate: '2025-07-04',
    stageDueDates: { department: '2025-07-25' },
  });

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

  it.each([
    { receivedOn: '2025-07-20', today: '2025-08-04', overdue: false, due: '2025-08-04' },
    { receivedOn: '2025-07-20', today: '2025-08-05', overdue: true, due: '2025-08-04' },
    { receivedOn: null, today: '2025-08-05', overdue: false, due: null },
  ])('appraisal received $receivedOn is due 15 days later (Điều 16)', ({ receivedOn, today, overdue, due }) => {
    const s = dueStatus({ stage: Stage.APPRAISAL, today, deadlines, receivedOn });
    expect([s.dueDate, s.overdue]).toEqual([due, overdue]);
  });

  it('keeps the round’s own appraisal date when it is earlier than the statutory period', () => {
    const own = parseRoundDeadlines({
      postingDate: '2025-07-04',
      stageDueDates: { appraisal: '2025-07-25' },
    }).deadlines;
    expect(
      dueStatus({ stage: Stage.APPRAISAL, today: '2025-07-26', deadlines: own, receivedOn: '2025-07-20' }),
    ).toMatchObject({ dueDate: '2025-07-25', overdue: true, daysOverdue: 1 });
  });

  it('reports malformed dates and unknown stages', () => {
    const r = parseRoundDeadlines({
      postingDate: '04/07/2025',
      applicationDays: 0,
      stageDueDates: { nowhere: '2025-01-01', ministry: '2025-02-30' },
    });
    expect(r.errors.map((e) => e.path)).toEqual([
      'deadlines.postingDate',
      'deadlines.applicationDays',
      'deadlines.stageDueDates.nowhere',
      'deadlines.stageDueDates.ministry',
    ]);
  });

  describe('the application window as a round choice', () => {
    it('has no window where the round records it as unknown, and refuses no application as late', () => {
      const unknown = parseRoundDeadlines({ postingDate: '2009-04-20', applicationDays: null }).deadlines;
      expect(unknown.applicationDays).toBeNull();
      expect(unknown.applicationSource).toBe('Đợt đặc xá chưa quy định thời hạn làm đơn');
      expect(applicationDeadline(unknown)).toBeNull();
      expect(checkApplicationDate(unknown, '2009-05-30')).toBeNull();
      // Before the posting is still refused: nobody applies under a decision not yet posted.
      expect(checkApplicationDate(unknown, '2009-04-19')?.path).toBe('applicationDate');
    });

    it('takes no statutory window for a round whose law has none (Luật Đặc xá 2007)', () => {
      const silent = parseRoundDeadlines({ postingDate: '2009-04-20' }, false).deadlines;
      expect(silent.applicationDays).toBeNull();
      expect(checkApplicationDate(silent, '2009-06-01')).toBeNull();
    });

    it('cites the round’s own source when the round sets the window', () => {
      const own = parseRoundDeadlines({
        postingDate: '2025-07-04',
        applicationDays: 3,
        applicationSource: 'Hướng dẫn số 94/HD-HĐTVĐX',
      }).deadlines;
      expect(applicationDeadline(own)).toBe('2025-07-07');
      expect(checkApplicationDate(own, '2025-07-08')?.message).toContain('quá thời hạn 3 ngày');
      expect(checkApplicationDate(own, '2025-07-08')?.message).toContain('Hướng dẫn số 94/HD-HĐTVĐX');
    });

    it('cites the statute when a Law 30/2018 round is silent', () => {
      expect(checkApplicationDate(deadlines, '2025-07-10')?.message).toContain('Luật Đặc xá 2018, Điều 15, khoản 1');
    });
  });
});
