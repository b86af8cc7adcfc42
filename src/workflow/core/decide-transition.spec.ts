import { decideTransition, eventsFor, transitionsFrom } from './decide-transition.js';
import type { RoundDeadlines } from './deadlines.js';
import { WorkflowEvent as E } from './events.js';
import { ReasonCode } from './reason-codes.js';
import { WorkflowRole as R } from './roles.js';
import { Stage as S, TERMINAL_STAGES } from './stages.js';
import { TransitionErrorCode as C, type TransitionContext } from './transition-context.js';
import { TRANSITIONS } from './transition-table.js';

const WINDOW: RoundDeadlines = {
  postingDate: '2025-07-04',
  applicationDays: 5,
  applicationSource: 'Luật Đặc xá 2018, Điều 15, khoản 1',
  stageDueDates: {},
};

const ctx = (over: Partial<TransitionContext> = {}): TransitionContext => ({
  actorId: 'u-actor',
  role: R.WARDEN,
  editorIds: ['u-clerk'],
  ...over,
});

describe('decideTransition', () => {
  const cases: { name: string; from: S; event: E; context: TransitionContext; to?: S; code?: C; field?: string }[] = [
    {
      name: 'clerk sends an application to the team',
      from: S.APPLICATION,
      event: E.SUBMIT_FOR_BALLOT,
      context: ctx({ role: R.TEAM_OFFICER, applicationDate: '2025-07-06', deadlines: WINDOW }),
      to: S.TEAM_BALLOT,
    },
    {
      name: 'no application, no team meeting',
      from: S.APPLICATION,
      event: E.SUBMIT_FOR_BALLOT,
      context: ctx({ role: R.TEAM_OFFICER, applicationDate: null, deadlines: WINDOW }),
      code: C.GUARD_FAILED,
      field: 'application',
    },
    {
      name: 'an application written after the window is refused',
      from: S.APPLICATION,
      event: E.SUBMIT_FOR_BALLOT,
      context: ctx({ role: R.TEAM_OFFICER, applicationDate: '2025-07-20', deadlines: WINDOW }),
      code: C.GUARD_FAILED,
      field: 'applicationDate',
    },
    {
      name: 'passed ballot puts forward',
      from: S.TEAM_BALLOT,
      event: E.PUT_FORWARD,
      context: ctx({ role: R.TEAM_OFFICER, ballotPassed: true }),
      to: S.CAMP_COUNCIL,
    },
    {
      name: 'failed ballot cannot put forward',
      from: S.TEAM_BALLOT,
      event: E.PUT_FORWARD,
      context: ctx({ role: R.TEAM_OFFICER, ballotPassed: false }),
      code: C.GUARD_FAILED,
      field: 'ballot',
    },
    {
      name: 'failed ballot ends at the team',
      from: S.TEAM_BALLOT,
      event: E.NOT_PUT_FORWARD,
      context: ctx({ role: R.TEAM_OFFICER, ballotPassed: false }),
      to: S.NOT_PUT_FORWARD,
    },
    {
      name: 'council ineligible needs a code',
      from: S.CAMP_COUNCIL,
      event: E.COUNCIL_INELIGIBLE,
      context: ctx({ role: R.CAMP_COUNCIL_MEMBER }),
      code: C.GUARD_FAILED,
      field: 'reasonCode',
    },
    {
      name: 'council ineligible with a code',
      from: S.CAMP_COUNCIL,
      event: E.COUNCIL_INELIGIBLE,
      context: ctx({ role: R.CAMP_COUNCIL_MEMBER, reasonCode: ReasonCode.EXCLUDED_CASE }),
      to: S.CAMP_INELIGIBLE,
    },
    {
      name: '"other" code needs words',
      from: S.CAMP_COUNCIL,
      event: E.COUNCIL_INELIGIBLE,
      context: ctx({ role: R.CAMP_COUNCIL_MEMBER, reasonCode: ReasonCode.OTHER }),
      code: C.GUARD_FAILED,
      field: 'reason',
    },
    { name: 'warden approves', from: S.WARDEN, event: E.WARDEN_APPROVE, context: ctx(), to: S.POSTED },
    {
      name: 'the editor cannot approve',
      from: S.WARDEN,
      event: E.WARDEN_APPROVE,
      context: ctx({ actorId: 'u-clerk' }),
      code: C.SAME_PERSON,
    },
    {
      name: 'a clerk cannot approve',
      from: S.WARDEN,
      event: E.WARDEN_APPROVE,
      context: ctx({ role: R.TEAM_OFFICER }),
      code: C.ROLE_NOT_ALLOWED,
    },
    {
      name: 'department forwards to the minister',
      from: S.DEPARTMENT,
      event: E.FORWARD,
      context: ctx({ role: R.DEPARTMENT_OFFICER }),
      to: S.MINISTRY,
    },
    {
      name: 'a ministry officer cannot forward a department list',
      from: S.DEPARTMENT,
      event: E.FORWARD,
      context: ctx({ role: R.MINISTRY_OFFICER }),
      code: C.ROLE_NOT_ALLOWED,
    },
    {
      name: 'send-back needs a reason',
      from: S.APPRAISAL,
      event: E.SEND_BACK,
      context: ctx({ role: R.APPRAISER, reason: ' ' }),
      code: C.GUARD_FAILED,
      field: 'reason',
    },
    {
      name: 'send-back with a reason',
      from: S.APPRAISAL,
      event: E.SEND_BACK,
      context: ctx({ role: R.COUNCIL_STANDING_OFFICER, reason: 'Sai ngày sinh so với bản án' }),
      to: S.CORRECTION,
    },
    {
      name: 'resubmit returns to the stage that sent back',
      from: S.CORRECTION,
      event: E.RESUBMIT,
      context: ctx({ sentBackFrom: S.APPRAISAL, evaluatedLatestVersion: true }),
      to: S.APPRAISAL,
    },
    {
      name: 'resubmit without an origin is refused',
      from: S.CORRECTION,
      event: E.RESUBMIT,
      context: ctx({ evaluatedLatestVersion: true }),
      code: C.GUARD_FAILED,
      field: 'sentBackFrom',
    },
    {
      name: 'resubmit before the corrected version is evaluated is refused',
      from: S.CORRECTION,
      event: E.RESUBMIT,
      context: ctx({ sentBackFrom: S.APPRAISAL, evaluatedLatestVersion: false }),
      code: C.GUARD_FAILED,
      field: 'eligibility',
    },
    {
      name: 'remove needs a code',
      from: S.APPRAISAL,
      event: E.REMOVE,
      context: ctx({ role: R.APPRAISER }),
      code: C.GUARD_FAILED,
      field: 'reasonCode',
    },
    {
      name: 'remove with a code',
      from: S.MINISTRY,
      event: E.REMOVE,
      context: ctx({ role: R.MINISTRY_OFFICER, reasonCode: ReasonCode.DECEASED }),
      to: S.REMOVED,
    },
    {
      name: 'open flags block the standing body',
      from: S.STANDING_BODY,
      event: E.FORWARD,
      context: ctx({ role: R.COUNCIL_STANDING_OFFICER, openFlagCount: 2 }),
      code: C.GUARD_FAILED,
      field: 'flags',
    },
    {
      name: 'disagreement needs a report',
      from: S.STANDING_BODY,
      event: E.FORWARD,
      context: ctx({ role: R.COUNCIL_STANDING_OFFICER, agenciesDisagree: true }),
      code: C.GUARD_FAILED,
      field: 'explanatoryReport',
    },
    {
      name: 'disagreement with a report goes on',
      from: S.STANDING_BODY,
      event: E.FORWARD,
      context: ctx({ role: R.COUNCIL_STANDING_OFFICER, agenciesDisagree: true, hasExplanatoryReport: true }),
      to: S.ADVISORY_COUNCIL,
    },
    {
      name: 'the President grants',
      from: S.PRESIDENT,
      event: E.GRANT,
      context: ctx({ role: R.COUNCIL_STANDING_OFFICER }),
      to: S.GRANTED,
    },
    {
      name: 'withdraw needs the written reason',
      from: S.DEPARTMENT,
      event: E.WITHDRAW,
      context: ctx({ role: R.TEAM_OFFICER, reason: 'Phạm nhân rút đơn ngày 10/7' }),
      to: S.WITHDRAWN,
    },
    {
      name: 'no withdrawal after the grant',
      from: S.GRANTED,
      event: E.WITHDRAW,
      context: ctx({ role: R.TEAM_OFFICER, reason: 'Phạm nhân rút đơn' }),
      code: C.INVALID_TRANSITION,
    },
    {
      name: 'the appraisal team sends a name on once every required agency gave its opinion',
      from: S.APPRAISAL,
      event: E.FORWARD,
      context: ctx({ role: R.APPRAISER, appraisalMembership: { required: ['CONG_AN', 'MTTQ'], missing: [] } }),
      to: S.STANDING_BODY,
    },
    {
      name: 'a missing agency keeps the name at the appraisal team, named in the message',
      from: S.APPRAISAL,
      event: E.FORWARD,
      context: ctx({ role: R.APPRAISER, appraisalMembership: { required: ['CONG_AN', 'MTTQ'], missing: ['MTTQ'] } }),
      code: C.GUARD_FAILED,
      field: 'opinions',
    },
    {
      name: 'a round that names no appraisal team cannot conclude',
      from: S.APPRAISAL,
      event: E.FORWARD,
      context: ctx({ role: R.APPRAISER, appraisalMembership: { required: null, missing: [] } }),
      code: C.GUARD_FAILED,
      field: 'appraisal.requiredAgencies',
    },
    {
      name: 'the camp council reconsiders a person the team left out when the round allows it',
      from: S.NOT_PUT_FORWARD,
      event: E.COUNCIL_RECONSIDER,
      context: ctx({
        role: R.CAMP_COUNCIL_MEMBER,
        councilMayReconsider: true,
        reason: 'Đội bỏ sót kết quả cải tạo quý II',
      }),
      to: S.CAMP_COUNCIL,
    },
    {
      name: 'the team ballot stays final where the round does not allow reconsideration',
      from: S.NOT_PUT_FORWARD,
      event: E.COUNCIL_RECONSIDER,
      context: ctx({ role: R.CAMP_COUNCIL_MEMBER, councilMayReconsider: false, reason: 'Đội bỏ sót kết quả cải tạo' }),
      code: C.GUARD_FAILED,
      field: 'procedure.campCouncilMayReconsider',
    },
    {
      name: 'the facility records the presentation of the certificate',
      from: S.RELEASED,
      event: E.RECORD_PRESENTATION,
      context: ctx({ presentation: { releasedOn: '2025-09-01', presentedOn: '2025-09-05', today: '2025-09-10' } }),
      to: S.PRESENTED,
    },
    {
      name: 'the commune or military unit records the presentation made to it',
      from: S.RELEASED,
      event: E.RECORD_PRESENTATION,
      context: ctx({
        role: R.LOCAL_UNIT_OFFICER,
        presentation: { releasedOn: '2025-09-01', presentedOn: '2025-09-05', today: '2025-09-10' },
      }),
      to: S.PRESENTED,
    },
    {
      name: 'the commune cannot record a presentation dated after today',
      from: S.RELEASED,
      event: E.RECORD_PRESENTATION,
      context: ctx({
        role: R.LOCAL_UNIT_OFFICER,
        presentation: { releasedOn: '2025-09-01', presentedOn: '2025-09-12', today: '2025-09-10' },
      }),
      code: C.GUARD_FAILED,
      field: 'presentedOn',
    },
    {
      name: 'the commune records nothing else, not even the release',
      from: S.GRANTED,
      event: E.RELEASE,
      context: ctx({ role: R.LOCAL_UNIT_OFFICER }),
      code: C.ROLE_NOT_ALLOWED,
    },
    {
      name: 'a presentation before the release is refused',
      from: S.RELEASED,
      event: E.RECORD_PRESENTATION,
      context: ctx({ presentation: { releasedOn: '2025-09-01', presentedOn: '2025-08-30', today: '2025-09-10' } }),
      code: C.GUARD_FAILED,
      field: 'presentedOn',
    },
    {
      name: 'no skipping the minister',
      from: S.DEPARTMENT,
      event: E.COUNCIL_RECOMMEND,
      context: ctx({ role: R.COUNCIL_MEMBER }),
      code: C.INVALID_TRANSITION,
    },
  ];

  it.each(cases)('$name', ({ from, event, context, to, code, field }) => {
    const decision = decideTransition({ from, event, context });
    if (to) {
      expect(decision).toMatchObject({ ok: true, to });
    } else {
      expect(decision).toMatchObject({ ok: false, code });
      if (field) expect(decision).toMatchObject({ field });
      if (!decision.ok) expect(decision.message).toMatch(/[àáảãạăâđêôơư]/);
    }
  });
});

describe('eventsFor', () => {
  it('offers the warden, and no one else at the camp, the resubmission of a corrected dossier', () => {
    expect(eventsFor(S.CORRECTION, R.WARDEN)).toEqual([E.RESUBMIT, E.WITHDRAW]);
    expect(eventsFor(S.CORRECTION, R.TEAM_OFFICER)).toEqual([E.WITHDRAW]);
    expect(eventsFor(S.CORRECTION, R.CAMP_COUNCIL_MEMBER)).toEqual([]);
    expect(eventsFor(S.CORRECTION, 'ADMIN')).toEqual([]);
  });
});

describe('transition table', () => {
  it('has no exit from a terminal stage', () => {
    for (const stage of TERMINAL_STAGES) expect(transitionsFrom(stage)).toEqual([]);
  });

  it('gives every row a role and a citation, and never two rows for the same step without a guard', () => {
    const seen = new Map<string, number>();
    for (const t of TRANSITIONS) {
      expect(t.roles.length).toBeGreaterThan(0);
      expect(t.citation).toMatch(/Điều \d+/);
      // A step the law does not provide for says so.
      if (t.event === E.WITHDRAW || t.event === E.COUNCIL_RECONSIDER) expect(t.citation).toMatch(/[Ll]ựa chọn/);
      const key = `${t.from}/${t.event}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    for (const [key, n] of seen)
      if (n > 1) expect(TRANSITIONS.filter((t) => `${t.from}/${t.event}` === key).every((t) => t.guard)).toBe(true);
  });

  it('reaches the presented certificate from the application along the main line', () => {
    const path = [
      E.SUBMIT_FOR_BALLOT,
      E.PUT_FORWARD,
      E.COUNCIL_ELIGIBLE,
      E.WARDEN_APPROVE,
      E.FORWARD,
      E.FORWARD,
      E.FORWARD,
      E.FORWARD,
      E.FORWARD,
      E.COUNCIL_RECOMMEND,
      E.GRANT,
      E.RELEASE,
      E.RECORD_PRESENTATION,
    ];
    let stage = S.APPLICATION;
    for (const event of path) {
      const t = TRANSITIONS.find((x) => x.from === stage && x.event === event);
      expect(t).toBeDefined();
      stage = t!.to;
    }
    expect(stage).toBe(S.PRESENTED);
  });
});
