import { COURT_TRANSITIONS, heldAtCamp, servingInCamp } from './courts.js';
import { PRESENTATION_CITATION, presentationRecordable } from './after-decision.js';
import { agenciesHeard, APPRAISAL_TEAM_CITATION } from './appraisal-team.js';
import {
  COMPLAINT_TARGETS,
  complaintAboutCampList,
  complaintAboutCourtList,
  complaintFiledOnTime,
  complaintTargetIs,
  COURT_COMPLAINT_TARGETS,
} from './complaints.js';
import { WorkflowEvent as E } from './events.js';
import { PROCURACY_CITATION, procuracyNotified } from './procuracy.js';
import {
  all,
  applicationOnTime,
  ballotFailed,
  ballotPassed,
  flagsSettled,
  reconsiderationAllowed,
  reevaluated,
  requireReason,
  requireReasonCode,
  sentBackFrom,
} from './guards.js';
import { WorkflowRole as R } from './roles.js';
import { COURT_LEFT_OFF_STAGES, LEFT_OFF_STAGES, Stage as S } from './stages.js';
import type { Guard } from './transition-context.js';

export interface Transition {
  from: S;
  event: E;
  to: S;
  roles: readonly R[];
  guard?: Guard;
  // An approval: whoever entered or last changed the dossier may not fire it.
  approval?: boolean;
  citation: string;
}

const D76_7_1 = 'Nghị định 76/2008/NĐ-CP, Điều 7, khoản 1; Nghị định 52/2019/NĐ-CP, Điều 7, khoản 2';
const D76_7_2A = 'Nghị định 76/2008/NĐ-CP, Điều 7, khoản 2, điểm a';
const D76_7_2B = 'Nghị định 76/2008/NĐ-CP, Điều 7, khoản 2, điểm b';
const D76_7_2C = 'Nghị định 76/2008/NĐ-CP, Điều 7, khoản 2, điểm c';
const D76_8_1 = 'Nghị định 76/2008/NĐ-CP, Điều 8, khoản 1; Luật Đặc xá 2018, Điều 16';
const D76_8_2 = 'Nghị định 76/2008/NĐ-CP, Điều 8, khoản 2';
const D76_8_3 = 'Nghị định 76/2008/NĐ-CP, Điều 8, khoản 3';
const L2018_15 = 'Luật Đặc xá 2018, Điều 15';
const L2018_18 = 'Luật Đặc xá 2018, Điều 18, khoản 3';

// Who holds a dossier at each stage where it can be sent back or taken off the list.
export const HOLDER_ROLES: Partial<Record<S, readonly R[]>> = {
  [S.WARDEN]: [R.WARDEN],
  [S.DEPARTMENT]: [R.DEPARTMENT_OFFICER],
  [S.MINISTRY]: [R.MINISTRY_OFFICER],
  [S.APPRAISAL]: [R.APPRAISER, R.COUNCIL_STANDING_OFFICER],
  [S.STANDING_BODY]: [R.COUNCIL_STANDING_OFFICER],
  [S.ADVISORY_COUNCIL]: [R.COUNCIL_MEMBER],
};

const SEND_BACK_ORIGINS = Object.keys(HOLDER_ROLES) as S[];

// The service's choice, not a rule of the law: Luật Đặc xá 2018 provides for no withdrawal (Điều 13 lists none). The
// application is the person's own (Điều 15, khoản 1), so the person may stop asking until the Council fixes its lists.
export const WITHDRAWAL_CITATION =
  'Lựa chọn của hệ thống: Luật Đặc xá 2018 không quy định việc rút đơn; đơn đề nghị đặc xá do người bị kết án tự làm (Điều 15, khoản 1)';

// An application can be withdrawn until the Council has fixed its lists.
const WITHDRAWABLE: readonly S[] = [
  S.APPLICATION,
  S.TEAM_BALLOT,
  S.CAMP_COUNCIL,
  S.WARDEN,
  S.POSTED,
  S.DEPARTMENT,
  S.MINISTRY,
  S.APPRAISAL,
  S.STANDING_BODY,
  S.ADVISORY_COUNCIL,
  S.CORRECTION,
  S.COURT_REVIEW,
  S.COURT_POSTED,
];

const MAIN_LINE: Transition[] = [
  {
    from: S.APPLICATION,
    event: E.SUBMIT_FOR_BALLOT,
    to: S.TEAM_BALLOT,
    roles: [R.TEAM_OFFICER],
    guard: all(servingInCamp, applicationOnTime),
    citation: `${D76_7_1}; ${L2018_15}, khoản 1`,
  },
  {
    from: S.TEAM_BALLOT,
    event: E.PUT_FORWARD,
    to: S.CAMP_COUNCIL,
    roles: [R.TEAM_OFFICER],
    guard: ballotPassed,
    citation: D76_7_1,
  },
  {
    from: S.TEAM_BALLOT,
    event: E.NOT_PUT_FORWARD,
    to: S.NOT_PUT_FORWARD,
    roles: [R.TEAM_OFFICER],
    guard: ballotFailed,
    citation: D76_7_1,
  },
  {
    from: S.CAMP_COUNCIL,
    event: E.COUNCIL_ELIGIBLE,
    to: S.WARDEN,
    roles: [R.CAMP_COUNCIL_MEMBER],
    approval: true,
    citation: D76_7_2A,
  },
  {
    from: S.CAMP_COUNCIL,
    event: E.COUNCIL_INELIGIBLE,
    to: S.CAMP_INELIGIBLE,
    roles: [R.CAMP_COUNCIL_MEMBER],
    guard: requireReasonCode,
    citation: D76_7_2A,
  },
  {
    from: S.WARDEN,
    event: E.WARDEN_APPROVE,
    to: S.POSTED,
    roles: [R.WARDEN],
    approval: true,
    citation: `${D76_7_2A}; ${L2018_15}, khoản 4`,
  },
  { from: S.POSTED, event: E.FORWARD, to: S.DEPARTMENT, roles: [R.WARDEN], approval: true, citation: D76_7_2B },
  {
    from: S.DEPARTMENT,
    event: E.FORWARD,
    to: S.MINISTRY,
    roles: [R.DEPARTMENT_OFFICER],
    approval: true,
    citation: D76_7_2C,
  },
  {
    from: S.MINISTRY,
    event: E.FORWARD,
    to: S.APPRAISAL,
    roles: [R.MINISTRY_OFFICER],
    guard: procuracyNotified,
    approval: true,
    citation: `${D76_8_1}; ${PROCURACY_CITATION}`,
  },
  {
    from: S.APPRAISAL,
    event: E.FORWARD,
    to: S.STANDING_BODY,
    roles: [R.APPRAISER],
    guard: agenciesHeard,
    approval: true,
    citation: `${D76_8_1}; ${APPRAISAL_TEAM_CITATION}`,
  },
  {
    from: S.STANDING_BODY,
    event: E.FORWARD,
    to: S.ADVISORY_COUNCIL,
    roles: [R.COUNCIL_STANDING_OFFICER],
    guard: flagsSettled,
    approval: true,
    citation: D76_8_2,
  },
  {
    from: S.ADVISORY_COUNCIL,
    event: E.COUNCIL_RECOMMEND,
    to: S.PRESIDENT,
    roles: [R.COUNCIL_MEMBER],
    approval: true,
    citation: D76_8_3,
  },
  {
    from: S.ADVISORY_COUNCIL,
    event: E.COUNCIL_REJECT,
    to: S.COUNCIL_INELIGIBLE,
    roles: [R.COUNCIL_MEMBER],
    guard: requireReasonCode,
    citation: D76_8_3,
  },
  // The standing body (Bộ Công an) records the President's decision as published by Văn phòng Chủ tịch nước.
  {
    from: S.PRESIDENT,
    event: E.GRANT,
    to: S.GRANTED,
    roles: [R.COUNCIL_STANDING_OFFICER],
    citation: 'Luật Đặc xá 2018, Điều 17',
  },
  {
    from: S.PRESIDENT,
    event: E.NOT_GRANT,
    to: S.NOT_GRANTED,
    roles: [R.COUNCIL_STANDING_OFFICER],
    citation: 'Luật Đặc xá 2018, Điều 17',
  },
  { from: S.GRANTED, event: E.RELEASE, to: S.RELEASED, roles: [R.WARDEN], guard: heldAtCamp, citation: L2018_18 },
  // The commune's People's Committee or the military unit the person presents to records it itself (Điều 20, khoản 2,
  // điểm a), for a camp's person and a court's alike. The facility (or, for a provincial detention centre, the
  // provincial THAHS agency above it) keeps recording the commune's confirmation: most communes and units have no
  // account, and a certificate issued before its unit had one names none (the court's row below does the same).
  {
    from: S.RELEASED,
    event: E.RECORD_PRESENTATION,
    to: S.PRESENTED,
    roles: [R.LOCAL_UNIT_OFFICER, R.WARDEN, R.DEPARTMENT_OFFICER],
    guard: presentationRecordable,
    citation: PRESENTATION_CITATION,
  },
];

// A round choice, not a rule of law: the camp council takes up a person the team did not put forward (Nghị định
// 52/2019/NĐ-CP, Điều 7, khoản 3: the camp head decides on the basis of the team's results, so the ballot is not final).
const RECONSIDERATIONS: Transition[] = [
  {
    from: S.NOT_PUT_FORWARD,
    event: E.COUNCIL_RECONSIDER,
    to: S.CAMP_COUNCIL,
    roles: [R.CAMP_COUNCIL_MEMBER],
    guard: all(reconsiderationAllowed, requireReason),
    citation: 'Nghị định 52/2019/NĐ-CP, Điều 7, khoản 3; lựa chọn của đợt (procedure.campCouncilMayReconsider)',
  },
];

const SEND_BACKS: Transition[] = SEND_BACK_ORIGINS.map((from) => ({
  from,
  event: E.SEND_BACK,
  to: S.CORRECTION,
  roles: HOLDER_ROLES[from]!,
  guard: requireReason,
  citation: D76_8_2,
}));

// The corrected dossier goes back to the very stage that returned it, re-approved by the warden, once the engine has
// evaluated the corrected version (checked first, so that its message is the one given whatever the origin).
const RESUBMITS: Transition[] = SEND_BACK_ORIGINS.map((to) => ({
  from: S.CORRECTION,
  event: E.RESUBMIT,
  to,
  // The warden for a camp's dossier, the court president for a court's (scope keeps each to their own).
  roles: [R.WARDEN, R.COURT_PRESIDENT],
  guard: all(reevaluated, sentBackFrom(to)),
  approval: true,
  citation: D76_8_2,
}));

const REMOVALS: Transition[] = SEND_BACK_ORIGINS.map((from) => ({
  from,
  event: E.REMOVE,
  to: S.REMOVED,
  roles: HOLDER_ROLES[from]!,
  guard: requireReasonCode,
  citation: D76_8_2,
}));

const WITHDRAWALS: Transition[] = WITHDRAWABLE.map((from) => ({
  from,
  event: E.WITHDRAW,
  to: S.WITHDRAWN,
  roles: [R.TEAM_OFFICER, R.WARDEN, R.COURT_OFFICER, R.COURT_PRESIDENT],
  guard: requireReason,
  citation: WITHDRAWAL_CITATION,
}));

const L2018_36_3 = 'Luật Đặc xá 2018, Điều 13; Điều 36, khoản 1, 3';
const L2018_37_1 = 'Luật Đặc xá 2018, Điều 37, khoản 1';
const L2018_37_2 = 'Luật Đặc xá 2018, Điều 37, khoản 2';

// A person left off the eligible list complains to whoever made the list (decided with reasons), then higher up: a
// camp's list to the head of the facility, then the Minister of the facility's ministry; a court's list to the court
// president, then the Chief Justice of the Supreme People's Court. Accepted: the name joins the eligible list at the
// level the list carrying its unit's names has reached; rejected at the second level: it stays on the ineligible side.
const acceptances = (input: {
  from: S;
  role: R;
  targets: readonly S[];
  about: Guard;
  citation: string;
}): Transition[] =>
  input.targets.map((to) => ({
    from: input.from,
    event: E.ACCEPT_COMPLAINT,
    to,
    roles: [input.role],
    guard: all(input.about, requireReason, complaintTargetIs(to)),
    citation: input.citation,
  }));

const complaintRoute = (input: {
  leftOff: readonly S[];
  recorder: R;
  first: R;
  second: R;
  targets: readonly S[];
  about: Guard;
}): Transition[] => [
  ...input.leftOff.map((from) => ({
    from,
    event: E.FILE_COMPLAINT,
    to: S.COMPLAINT_FIRST,
    roles: [input.recorder],
    guard: all(input.about, complaintFiledOnTime),
    citation: L2018_36_3,
  })),
  ...acceptances({ ...input, from: S.COMPLAINT_FIRST, role: input.first, citation: L2018_37_1 }),
  {
    from: S.COMPLAINT_FIRST,
    event: E.REJECT_COMPLAINT,
    to: S.COMPLAINT_REJECTED,
    roles: [input.first],
    guard: all(input.about, requireReason),
    citation: L2018_37_1,
  },
  {
    from: S.COMPLAINT_REJECTED,
    event: E.ESCALATE_COMPLAINT,
    to: S.COMPLAINT_SECOND,
    roles: [input.recorder, input.second],
    guard: all(input.about, complaintFiledOnTime),
    citation: L2018_37_2,
  },
  ...acceptances({ ...input, from: S.COMPLAINT_SECOND, role: input.second, citation: L2018_37_2 }),
  {
    from: S.COMPLAINT_SECOND,
    event: E.REJECT_COMPLAINT,
    to: S.COMPLAINT_DISMISSED,
    roles: [input.second],
    guard: all(input.about, requireReason),
    citation: L2018_37_2,
  },
];

const COMPLAINTS: Transition[] = [
  ...complaintRoute({
    leftOff: LEFT_OFF_STAGES,
    recorder: R.TEAM_OFFICER,
    first: R.WARDEN,
    second: R.MINISTRY_OFFICER,
    targets: COMPLAINT_TARGETS,
    about: complaintAboutCampList,
  }),
  // Luật Đặc xá 2018, Điều 36, khoản 1; Điều 37, khoản 1–2: the court that left the person off its list.
  ...complaintRoute({
    leftOff: COURT_LEFT_OFF_STAGES,
    recorder: R.COURT_OFFICER,
    first: R.COURT_PRESIDENT,
    second: R.SUPREME_COURT_OFFICER,
    targets: COURT_COMPLAINT_TARGETS,
    about: complaintAboutCourtList,
  }),
];

// The whole graph (drawn, by `npm run docs:stages` from this table, in docs/architecture.md, "Stages and events"): the main line from the application to the
// certificate, the courts' route for persons on suspension (courts.ts), complaints of persons left off the list, send-backs with their resubmissions, removals, withdrawals.
export const TRANSITIONS: readonly Transition[] = [
  ...MAIN_LINE,
  ...COURT_TRANSITIONS,
  ...COMPLAINTS,
  ...RECONSIDERATIONS,
  ...SEND_BACKS,
  ...RESUBMITS,
  ...REMOVALS,
  ...WITHDRAWALS,
];
