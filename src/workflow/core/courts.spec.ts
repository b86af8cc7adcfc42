import { COURT_CITATIONS, COURT_TRANSITIONS } from './courts.js';
import { decideTransition, eventsFor } from './decide-transition.js';
import { dueStatus, parseRoundDeadlines, type RoundDeadlines } from './deadlines.js';
import { WorkflowEvent as E } from './events.js';
import { ReasonCode } from './reason-codes.js';
import { WorkflowRole as R } from './roles.js';
import { Stage as S } from './stages.js';
import { TransitionErrorCode as C, type TransitionContext } from './transition-context.js';
import { TRANSITIONS } from './transition-table.js';

const WINDOW: RoundDeadlines = {
  postingDate: '2025-07-04',
  applicationDays: 5,
  applicationSource: 'Luật Đặc xá 2018, Điều 15, khoản 1',
  stageDueDates: {},
};
const PROPOSAL = { proposal: true, conductComment: true };
const PRESENTED = { releasedOn: '2025-09-01', presentedOn: '2025-09-05', today: '2025-09-10' };

const ctx = (over: Partial<TransitionContext> = {}): TransitionContext => ({
  actorId: 'u-president',
  role: R.COURT_PRESIDENT,
  editorIds: ['u-court-clerk'],
  ...over,
});

describe("the courts' route for persons on suspension (Luật Đặc xá 2018, Điều 15, khoản 3–5)", () => {
  const cases: { name: string; from: S; event: E; context: TransitionContext; to?: S; code?: C; field?: string }[] = [
    {
      name: "the court's officer proposes a suspended person with the commune's comment",
      from: S.APPLICATION,
      event: E.COURT_PROPOSE,
      context: ctx({ role: R.COURT_OFFICER, inmateStatus: 'SUSPENDED', courtProposal: PROPOSAL }),
      to: S.COURT_REVIEW,
    },
    {
      name: 'a person whose sentence is postponed enters the same route (Điều 22–23)',
      from: S.APPLICATION,
      event: E.COURT_PROPOSE,
      context: ctx({ role: R.COURT_OFFICER, inmateStatus: 'POSTPONED', courtProposal: PROPOSAL }),
      to: S.COURT_REVIEW,
    },
    {
      name: 'without the commune or military unit comment the court cannot propose (Điều 14, khoản 5)',
      from: S.APPLICATION,
      event: E.COURT_PROPOSE,
      context: ctx({
        role: R.COURT_OFFICER,
        inmateStatus: 'SUSPENDED',
        courtProposal: { proposal: true, conductComment: false },
      }),
      code: C.GUARD_FAILED,
      field: 'conductComment',
    },
    {
      name: "without the court's proposal nothing is proposed",
      from: S.APPLICATION,
      event: E.COURT_PROPOSE,
      context: ctx({ role: R.COURT_OFFICER, inmateStatus: 'SUSPENDED' }),
      code: C.GUARD_FAILED,
      field: 'proposal',
    },
    {
      name: 'a person serving in a camp is not the court’s to list',
      from: S.APPLICATION,
      event: E.COURT_PROPOSE,
      context: ctx({ role: R.COURT_OFFICER, inmateStatus: 'SERVING', courtProposal: PROPOSAL }),
      code: C.GUARD_FAILED,
      field: 'status',
    },
    {
      name: 'a camp team does not ballot on a person on suspension',
      from: S.APPLICATION,
      event: E.SUBMIT_FOR_BALLOT,
      context: ctx({
        role: R.TEAM_OFFICER,
        inmateStatus: 'SUSPENDED',
        applicationDate: '2025-07-06',
        deadlines: WINDOW,
      }),
      code: C.GUARD_FAILED,
      field: 'status',
    },
    {
      name: 'a team officer cannot propose at the court',
      from: S.APPLICATION,
      event: E.COURT_PROPOSE,
      context: ctx({ role: R.TEAM_OFFICER, inmateStatus: 'SUSPENDED', courtProposal: PROPOSAL }),
      code: C.ROLE_NOT_ALLOWED,
    },
    {
      name: 'the court president approves and posts the list',
      from: S.COURT_REVIEW,
      event: E.COURT_APPROVE,
      context: ctx(),
      to: S.COURT_POSTED,
    },
    {
      name: 'the officer who proposed may not approve (four eyes)',
      from: S.COURT_REVIEW,
      event: E.COURT_APPROVE,
      context: ctx({ actorId: 'u-court-clerk' }),
      code: C.SAME_PERSON,
    },
    {
      name: 'the court officer cannot approve the list',
      from: S.COURT_REVIEW,
      event: E.COURT_APPROVE,
      context: ctx({ role: R.COURT_OFFICER }),
      code: C.ROLE_NOT_ALLOWED,
    },
    {
      name: 'the president leaves a person off the list with a coded reason',
      from: S.COURT_REVIEW,
      event: E.COURT_REJECT,
      context: ctx({ reasonCode: ReasonCode.CONDITIONS_NOT_MET }),
      to: S.COURT_INELIGIBLE,
    },
    {
      name: 'the list goes to the appraisal team once the procuracy is notified',
      from: S.COURT_POSTED,
      event: E.FORWARD,
      context: ctx({ procuracyNotified: true }),
      to: S.APPRAISAL,
    },
    {
      name: 'no notice to the procuracy, no sending (Điều 15, khoản 5)',
      from: S.COURT_POSTED,
      event: E.FORWARD,
      context: ctx({ procuracyNotified: false }),
      code: C.GUARD_FAILED,
      field: 'procuracyNotice',
    },
    {
      name: "the court president issues a court person's certificate",
      from: S.GRANTED,
      event: E.RELEASE,
      context: ctx({ heldAtCourt: true }),
      to: S.RELEASED,
    },
    {
      name: "the court president does not issue a camp person's certificate",
      from: S.GRANTED,
      event: E.RELEASE,
      context: ctx({ heldAtCourt: false }),
      code: C.GUARD_FAILED,
      field: 'certificate',
    },
    {
      name: "the warden does not issue a court person's certificate (Điều 18, khoản 3)",
      from: S.GRANTED,
      event: E.RELEASE,
      context: ctx({ role: R.WARDEN, heldAtCourt: true }),
      code: C.GUARD_FAILED,
      field: 'certificate',
    },
    {
      name: "the warden still issues a camp person's certificate",
      from: S.GRANTED,
      event: E.RELEASE,
      context: ctx({ role: R.WARDEN, heldAtCourt: false }),
      to: S.RELEASED,
    },
    {
      name: "the court president records the presentation of the court's person (Điều 20, khoản 2, điểm a)",
      from: S.RELEASED,
      event: E.RECORD_PRESENTATION,
      context: ctx({ heldAtCourt: true, presentation: PRESENTED }),
      to: S.PRESENTED,
    },
    {
      name: "the court president does not record a camp person's presentation",
      from: S.RELEASED,
      event: E.RECORD_PRESENTATION,
      context: ctx({ heldAtCourt: false, presentation: PRESENTED }),
      code: C.GUARD_FAILED,
      field: 'certificate',
    },
    {
      name: "the commune or military unit the certificate names records a court's person's presentation too",
      from: S.RELEASED,
      event: E.RECORD_PRESENTATION,
      context: ctx({ role: R.LOCAL_UNIT_OFFICER, heldAtCourt: true, presentation: PRESENTED }),
      to: S.PRESENTED,
    },
    {
      name: 'the court president records no presentation before the certificate was issued',
      from: S.RELEASED,
      event: E.RECORD_PRESENTATION,
      context: ctx({ heldAtCourt: true, presentation: { ...PRESENTED, presentedOn: '2025-08-30' } }),
      code: C.GUARD_FAILED,
      field: 'presentedOn',
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const decision = decideTransition({ from: c.from, event: c.event, context: c.context });
    if (c.to) expect(decision).toMatchObject({ ok: true, to: c.to });
    else {
      expect(decision).toMatchObject({ ok: false, code: c.code });
      if (c.field) expect(decision).toMatchObject({ field: c.field });
      if (!decision.ok) expect(decision.message).toMatch(/[àáảãạăâđêôơư]/);
    }
  });

  it('reaches the certificate from the court without a camp team, department or ministry', () => {
    const path = [E.COURT_PROPOSE, E.COURT_APPROVE, E.FORWARD, E.FORWARD, E.FORWARD, E.COUNCIL_RECOMMEND, E.GRANT];
    let stage = S.APPLICATION;
    const visited: S[] = [];
    for (const event of path) {
      const t = TRANSITIONS.find(
        (x) => x.from === stage && x.event === event && (event !== E.FORWARD || stage !== S.MINISTRY),
      );
      expect(t).toBeDefined();
      stage = t!.to;
      visited.push(stage);
    }
    expect(visited).toEqual([
      S.COURT_REVIEW,
      S.COURT_POSTED,
      S.APPRAISAL,
      S.STANDING_BODY,
      S.ADVISORY_COUNCIL,
      S.PRESIDENT,
      S.GRANTED,
    ]);
    expect(eventsFor(S.GRANTED, R.COURT_PRESIDENT)).toEqual([E.RELEASE]);
  });

  it('lets the court president, not the officer, resubmit a corrected court dossier', () => {
    expect(eventsFor(S.CORRECTION, R.COURT_PRESIDENT)).toContain(E.RESUBMIT);
    expect(eventsFor(S.CORRECTION, R.COURT_OFFICER)).not.toContain(E.RESUBMIT);
  });

  it('cites the articles of the route on every row of the route, all of them in the one table', () => {
    expect(COURT_TRANSITIONS.length).toBe(6);
    for (const t of COURT_TRANSITIONS) {
      expect(TRANSITIONS).toContain(t);
      expect(t.citation).toMatch(/Luật Đặc xá 2018, Điều (15|18|20), khoản \d/);
    }
    expect(COURT_CITATIONS.list).toContain('Điều 15, khoản 3');
  });
});

describe("the court's period (round parameter deadlines.courtListDays)", () => {
  it('runs 15 days from the announcement by default and is due at review and posting', () => {
    const { deadlines } = parseRoundDeadlines({ postingDate: '2025-07-04' });
    expect(deadlines.courtListDays).toBe(15);
    for (const stage of [S.COURT_REVIEW, S.COURT_POSTED]) {
      expect(dueStatus({ stage, today: '2025-07-19', deadlines })).toMatchObject({
        dueDate: '2025-07-19',
        overdue: false,
      });
      expect(dueStatus({ stage, today: '2025-07-21', deadlines })).toMatchObject({ overdue: true, daysOverdue: 2 });
    }
  });

  it("follows the round's own value and refuses a value that is not a positive whole number", () => {
    expect(parseRoundDeadlines({ postingDate: '2025-07-04', courtListDays: 10 }).deadlines.courtListDays).toBe(10);
    expect(parseRoundDeadlines({ courtListDays: 0 }).errors.map((e) => e.path)).toEqual(['deadlines.courtListDays']);
  });
});
