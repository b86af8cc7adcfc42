import {
  checkComplaintFiling,
  ComplaintLevel,
  complaintTarget,
  decisionDueOn,
  parseComplaintPeriods,
  type ComplaintFiling,
  type ComplaintPeriods,
} from './complaints.js';
import { decideTransition, eventsFor } from './decide-transition.js';
import { WorkflowEvent as E } from './events.js';
import { WorkflowRole as R } from './roles.js';
import { Stage as S } from './stages.js';
import { TransitionErrorCode as C, type TransitionContext } from './transition-context.js';

const PERIODS: ComplaintPeriods = { filing: 5, decision: 5, secondFiling: 5, secondDecision: 5 };
const filing = (over: Partial<ComplaintFiling> = {}): ComplaintFiling => ({
  level: ComplaintLevel.FIRST,
  receivedOn: '2025-07-18',
  startsOn: '2025-07-15',
  periods: PERIODS,
  ...over,
});
const ctx = (over: Partial<TransitionContext>): TransitionContext => ({
  actorId: 'u-1',
  role: R.TEAM_OFFICER,
  editorIds: [],
  ...over,
});

describe('complaint periods', () => {
  it('reads each period from the round parameters, wrapped or bare, and leaves an unknown one null', () => {
    expect(
      parseComplaintPeriods({
        complaintDays: { value: 5, source: 'Điều 36', confidence: 'V' },
        complaintDecisionDays: 7,
        secondComplaintDays: { value: null, source: 'chưa rõ', confidence: '?' },
      }),
    ).toEqual({ filing: 5, decision: 7, secondFiling: null, secondDecision: null });
  });

  it.each([
    { receivedOn: '2025-07-20', problem: null },
    { receivedOn: '2025-07-15', problem: null },
    {
      receivedOn: '2025-07-21',
      problem:
        /quá thời hạn 5 ngày kể từ ngày niêm yết danh sách \(hạn cuối 20\/07\/2025; Luật Đặc xá 2018, Điều 36, khoản 3\)/,
    },
    { receivedOn: '2025-07-14', problem: /trước ngày niêm yết danh sách \(15\/07\/2025\)/ },
  ])('first complaint received $receivedOn after a posting on 15/07/2025', ({ receivedOn, problem }) => {
    const failure = checkComplaintFiling(filing({ receivedOn }));
    if (problem === null) expect(failure).toBeNull();
    else expect(failure?.message).toMatch(problem);
  });

  it('counts the second complaint from the first decision, with the round’s own period', () => {
    const second = filing({
      level: ComplaintLevel.SECOND,
      startsOn: '2025-07-19',
      periods: { ...PERIODS, secondFiling: 3 },
    });
    expect(checkComplaintFiling({ ...second, receivedOn: '2025-07-22' })).toBeNull();
    expect(checkComplaintFiling({ ...second, receivedOn: '2025-07-23' })?.message).toContain(
      'kể từ ngày nhận quyết định giải quyết khiếu nại lần đầu (hạn cuối 22/07/2025; Luật Đặc xá 2018, Điều 37, khoản 2)',
    );
  });

  it('refuses to judge without the posting or the round’s period, naming what is missing', () => {
    expect(checkComplaintFiling(filing({ startsOn: null }))?.message).toContain('chưa được niêm yết');
    expect(checkComplaintFiling(filing({ periods: { ...PERIODS, filing: null } }))).toMatchObject({
      field: 'deadlines.complaintDays',
      code: 'roundParameter',
    });
  });

  it('dates the decision from receipt by the level’s period', () => {
    expect(decisionDueOn(ComplaintLevel.FIRST, '2025-07-18', PERIODS)).toBe('2025-07-23');
    expect(decisionDueOn(ComplaintLevel.SECOND, '2025-07-22', { ...PERIODS, secondDecision: null })).toBeNull();
  });
});

describe('complaintTarget', () => {
  it.each([
    { reached: [], target: S.DEPARTMENT },
    { reached: ['department'], target: S.DEPARTMENT },
    { reached: ['department', 'ministry'], target: S.MINISTRY },
    { reached: ['department', 'ministry', 'appraisal', 'camp_ineligible'], target: S.APPRAISAL },
    { reached: ['advisory_council'], target: S.ADVISORY_COUNCIL },
    { reached: ['department', 'president'], target: null },
  ])('lists sent to $reached put the name at $target', ({ reached, target }) => {
    expect(complaintTarget(reached)).toBe(target);
  });

  it.each([
    { reached: [], target: S.APPRAISAL },
    { reached: ['appraisal'], target: S.APPRAISAL },
    { reached: ['appraisal', 'standing_body'], target: S.STANDING_BODY },
    { reached: ['appraisal', 'president'], target: null },
  ])('a court’s lists sent to $reached put the name at $target', ({ reached, target }) => {
    expect(complaintTarget(reached, S.APPRAISAL)).toBe(target);
  });
});

describe('complaints about a court’s list (Luật Đặc xá 2018, Điều 36, khoản 1; Điều 37, khoản 1–2)', () => {
  const court = (over: Partial<TransitionContext>) => ctx({ heldAtCourt: true, ...over });
  const reason = 'Đủ điều kiện theo Điều 11, khoản 2';
  const cases: { name: string; from: S; event: E; context: TransitionContext; to?: S; code?: C; field?: string }[] = [
    {
      name: 'the court officer records a complaint of a person the court president left off',
      from: S.COURT_INELIGIBLE,
      event: E.FILE_COMPLAINT,
      context: court({ role: R.COURT_OFFICER, complaintFiling: filing() }),
      to: S.COMPLAINT_FIRST,
    },
    {
      name: 'a late one is refused by the same period as a camp’s',
      from: S.COURT_INELIGIBLE,
      event: E.FILE_COMPLAINT,
      context: court({ role: R.COURT_OFFICER, complaintFiling: filing({ receivedOn: '2025-07-25' }) }),
      code: C.GUARD_FAILED,
      field: 'receivedOn',
    },
    {
      name: 'a camp officer cannot record it',
      from: S.COURT_INELIGIBLE,
      event: E.FILE_COMPLAINT,
      context: court({ role: R.TEAM_OFFICER, complaintFiling: filing() }),
      code: C.ROLE_NOT_ALLOWED,
    },
    {
      name: 'the court president accepts: the name goes to the appraisal team with the court’s list',
      from: S.COMPLAINT_FIRST,
      event: E.ACCEPT_COMPLAINT,
      context: court({ role: R.COURT_PRESIDENT, reason, complaintTarget: S.APPRAISAL }),
      to: S.APPRAISAL,
    },
    {
      name: 'never to a department: a court’s list has none',
      from: S.COMPLAINT_FIRST,
      event: E.ACCEPT_COMPLAINT,
      context: court({ role: R.COURT_PRESIDENT, reason, complaintTarget: S.DEPARTMENT }),
      code: C.GUARD_FAILED,
      field: 'target',
    },
    {
      name: 'the court president does not decide a complaint about a camp’s list',
      from: S.COMPLAINT_FIRST,
      event: E.REJECT_COMPLAINT,
      context: ctx({ role: R.COURT_PRESIDENT, reason, heldAtCourt: false }),
      code: C.GUARD_FAILED,
      field: 'dossierId',
    },
    {
      name: 'nor the warden one about a court’s list',
      from: S.COMPLAINT_FIRST,
      event: E.REJECT_COMPLAINT,
      context: court({ role: R.WARDEN, reason }),
      code: C.GUARD_FAILED,
      field: 'dossierId',
    },
    {
      name: 'a rejected complaint goes on to the Chief Justice, recorded by the court or the Supreme Court',
      from: S.COMPLAINT_REJECTED,
      event: E.ESCALATE_COMPLAINT,
      context: court({
        role: R.SUPREME_COURT_OFFICER,
        complaintFiling: filing({ level: ComplaintLevel.SECOND, startsOn: '2025-07-19', receivedOn: '2025-07-21' }),
      }),
      to: S.COMPLAINT_SECOND,
    },
    {
      name: 'the Supreme Court accepts: the name joins the courts’ names wherever they are',
      from: S.COMPLAINT_SECOND,
      event: E.ACCEPT_COMPLAINT,
      context: court({ role: R.SUPREME_COURT_OFFICER, reason, complaintTarget: S.STANDING_BODY }),
      to: S.STANDING_BODY,
    },
    {
      name: 'the Supreme Court rejects: the name is on the ineligible list for good',
      from: S.COMPLAINT_SECOND,
      event: E.REJECT_COMPLAINT,
      context: court({ role: R.SUPREME_COURT_OFFICER, reason: 'Chưa chấp hành nghiêm pháp luật khi tạm đình chỉ' }),
      to: S.COMPLAINT_DISMISSED,
    },
    {
      name: 'the Minister does not decide a second complaint about a court’s list',
      from: S.COMPLAINT_SECOND,
      event: E.REJECT_COMPLAINT,
      context: court({ role: R.MINISTRY_OFFICER, reason }),
      code: C.GUARD_FAILED,
      field: 'dossierId',
    },
    {
      name: 'nor the Supreme Court one about a camp’s list',
      from: S.COMPLAINT_SECOND,
      event: E.REJECT_COMPLAINT,
      context: ctx({ role: R.SUPREME_COURT_OFFICER, reason }),
      code: C.GUARD_FAILED,
      field: 'dossierId',
    },
  ];

  it.each(cases)('$name', ({ from, event, context, to, code, field }) => {
    const decision = decideTransition({ from, event, context });
    if (to) expect(decision).toMatchObject({ ok: true, to });
    else {
      expect(decision).toMatchObject({ ok: false, code });
      if (field) expect(decision).toMatchObject({ field });
    }
  });

  it('offers the court’s complaint actions to the court’s roles and the Supreme Court', () => {
    expect(eventsFor(S.COURT_INELIGIBLE, R.COURT_OFFICER)).toEqual([E.FILE_COMPLAINT]);
    expect(eventsFor(S.COMPLAINT_FIRST, R.COURT_PRESIDENT)).toEqual([E.ACCEPT_COMPLAINT, E.REJECT_COMPLAINT]);
    expect(eventsFor(S.COMPLAINT_REJECTED, R.COURT_OFFICER)).toEqual([E.ESCALATE_COMPLAINT]);
    expect(eventsFor(S.COMPLAINT_SECOND, R.SUPREME_COURT_OFFICER)).toEqual([E.ACCEPT_COMPLAINT, E.REJECT_COMPLAINT]);
  });
});

describe('complaints in the transition table', () => {
  const cases: { name: string; from: S; event: E; context: TransitionContext; to?: S; code?: C; field?: string }[] = [
    {
      name: 'a camp officer records a complaint of a person the team did not put forward',
      from: S.NOT_PUT_FORWARD,
      event: E.FILE_COMPLAINT,
      context: ctx({ complaintFiling: filing() }),
      to: S.COMPLAINT_FIRST,
    },
    {
      name: 'and of a person the camp council found ineligible',
      from: S.CAMP_INELIGIBLE,
      event: E.FILE_COMPLAINT,
      context: ctx({ complaintFiling: filing() }),
      to: S.COMPLAINT_FIRST,
    },
    {
      name: 'a late complaint is refused by the table',
      from: S.CAMP_INELIGIBLE,
      event: E.FILE_COMPLAINT,
      context: ctx({ complaintFiling: filing({ receivedOn: '2025-07-25' }) }),
      code: C.GUARD_FAILED,
      field: 'receivedOn',
    },
    {
      name: 'a person on the eligible list has nothing to complain of',
      from: S.POSTED,
      event: E.FILE_COMPLAINT,
      context: ctx({ complaintFiling: filing() }),
      code: C.INVALID_TRANSITION,
    },
    {
      name: 'the warden cannot record the complaint they will decide',
      from: S.NOT_PUT_FORWARD,
      event: E.FILE_COMPLAINT,
      context: ctx({ role: R.WARDEN, complaintFiling: filing() }),
      code: C.ROLE_NOT_ALLOWED,
    },
    {
      name: 'the head of the facility accepts with reasons: the name joins the list where it now is',
      from: S.COMPLAINT_FIRST,
      event: E.ACCEPT_COMPLAINT,
      context: ctx({ role: R.WARDEN, reason: 'Đủ điều kiện theo Điều 11', complaintTarget: S.MINISTRY }),
      to: S.MINISTRY,
    },
    {
      name: 'a decision without reasons is refused',
      from: S.COMPLAINT_FIRST,
      event: E.REJECT_COMPLAINT,
      context: ctx({ role: R.WARDEN }),
      code: C.GUARD_FAILED,
      field: 'reason',
    },
    {
      name: 'nothing can be added once the lists are before the President',
      from: S.COMPLAINT_FIRST,
      event: E.ACCEPT_COMPLAINT,
      context: ctx({ role: R.WARDEN, reason: 'Đủ điều kiện theo Điều 11', complaintTarget: null }),
      code: C.GUARD_FAILED,
      field: 'target',
    },
    {
      name: 'the ministry does not decide a first complaint',
      from: S.COMPLAINT_FIRST,
      event: E.REJECT_COMPLAINT,
      context: ctx({ role: R.MINISTRY_OFFICER, reason: 'Không đủ điều kiện' }),
      code: C.ROLE_NOT_ALLOWED,
    },
    {
      name: 'a rejected complaint goes to the Minister within the period',
      from: S.COMPLAINT_REJECTED,
      event: E.ESCALATE_COMPLAINT,
      context: ctx({
        complaintFiling: filing({ level: ComplaintLevel.SECOND, startsOn: '2025-07-19', receivedOn: '2025-07-21' }),
      }),
      to: S.COMPLAINT_SECOND,
    },
    {
      name: 'the Minister rejects: the name stays off for good',
      from: S.COMPLAINT_SECOND,
      event: E.REJECT_COMPLAINT,
      context: ctx({ role: R.MINISTRY_OFFICER, reason: 'Thuộc trường hợp không đề nghị đặc xá' }),
      to: S.COMPLAINT_DISMISSED,
    },
    {
      name: 'the Minister accepts: the name joins the list at appraisal',
      from: S.COMPLAINT_SECOND,
      event: E.ACCEPT_COMPLAINT,
      context: ctx({ role: R.MINISTRY_OFFICER, reason: 'Đủ điều kiện theo Điều 11', complaintTarget: S.APPRAISAL }),
      to: S.APPRAISAL,
    },
    {
      name: 'the warden cannot decide the second complaint',
      from: S.COMPLAINT_SECOND,
      event: E.ACCEPT_COMPLAINT,
      context: ctx({ role: R.WARDEN, reason: 'Đủ điều kiện theo Điều 11', complaintTarget: S.MINISTRY }),
      code: C.ROLE_NOT_ALLOWED,
    },
  ];

  it.each(cases)('$name', ({ from, event, context, to, code, field }) => {
    const decision = decideTransition({ from, event, context });
    if (to) expect(decision).toMatchObject({ ok: true, to });
    else {
      expect(decision).toMatchObject({ ok: false, code });
      if (field) expect(decision).toMatchObject({ field });
    }
  });

  it('offers the complaint actions only to the roles that take them', () => {
    expect(eventsFor(S.NOT_PUT_FORWARD, R.TEAM_OFFICER)).toEqual([E.FILE_COMPLAINT]);
    expect(eventsFor(S.COMPLAINT_FIRST, R.WARDEN)).toEqual([E.ACCEPT_COMPLAINT, E.REJECT_COMPLAINT]);
    expect(eventsFor(S.COMPLAINT_SECOND, R.MINISTRY_OFFICER)).toEqual([E.ACCEPT_COMPLAINT, E.REJECT_COMPLAINT]);
    expect(eventsFor(S.COMPLAINT_DISMISSED, R.MINISTRY_OFFICER)).toEqual([]);
  });
});
