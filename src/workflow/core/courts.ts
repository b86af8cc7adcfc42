import { PRESENTATION_CITATION, presentationRecordable } from './after-decision.js';
import { WorkflowEvent as E } from './events.js';
import { PROCURACY_CITATION, procuracyNotified } from './procuracy.js';
import { all, requireReasonCode } from './guards.js';
import { WorkflowRole as R } from './roles.js';
import { Stage as S } from './stages.js';
import type { Guard } from './transition-context.js';
import type { Transition } from './transition-table.js';

// The courts' route (Luật Đặc xá 2018, Điều 15, khoản 3–5; Điều 18, khoản 3; Điều 14, khoản 5). A person on suspension
// of the prison sentence is not in a camp: the provincial court or military-region court that suspended the sentence
// tells the person of the President's decision, lists those who qualify with the court's proposal and the comment of
// the commune People's Committee or military unit on their conduct, posts the list, notifies the procuracy and sends the
// list to the appraisal team directly (no department, no ministry). Its president issues the certificate.
// A person whose sentence is postponed (hoãn) is amnestied only in the special case of Điều 22, whose dossier the
// Supreme People's Court prepares (Điều 23, khoản 2); such a person enters the same court route, and the eligibility
// engine, not the table, says whether the round's conditions admit them.
export const COURT_CITATIONS = {
  list: 'Luật Đặc xá 2018, Điều 15, khoản 3; Điều 14, khoản 5; Nghị định 52/2019/NĐ-CP, Điều 5, khoản 7–8',
  posting: 'Luật Đặc xá 2018, Điều 15, khoản 4',
  send: `Luật Đặc xá 2018, Điều 15, khoản 3; ${PROCURACY_CITATION}`,
  certificate: 'Luật Đặc xá 2018, Điều 18, khoản 3, đoạn 4',
  notAtCamp: 'Luật Đặc xá 2018, Điều 15, khoản 2–3',
} as const;

// Who is not in a camp: their list is the court's, never a camp team's ballot.
const COURT_STATUSES: ReadonlySet<string> = new Set(['SUSPENDED', 'POSTPONED']);

export function isCourtStatus(status: string | undefined): boolean {
  return status !== undefined && COURT_STATUSES.has(status);
}

// A camp team's ballot is for persons serving in the camp; a person on suspension is listed by the court.
export const servingInCamp: Guard = (ctx) =>
  isCourtStatus(ctx.inmateStatus)
    ? {
        field: 'status',
        code: 'courtRoute',
        message: `Người đang được tạm đình chỉ hoặc hoãn chấp hành án phạt tù do Tòa án đã ra quyết định lập danh sách, không đưa ra họp đội bình xét (${COURT_CITATIONS.notAtCamp}).`,
      }
    : null;

const onSuspension: Guard = (ctx) =>
  isCourtStatus(ctx.inmateStatus)
    ? null
    : {
        field: 'status',
        code: 'campRoute',
        message: `Chỉ người đang được tạm đình chỉ (hoặc hoãn) chấp hành án phạt tù mới do Tòa án lập danh sách; người đang chấp hành án do trại giam, trại tạm giam lập danh sách (${COURT_CITATIONS.notAtCamp}).`,
      };

// The court's proposal and the commune's or military unit's comment on lawful conduct are both in the dossier
// (Luật Đặc xá 2018, Điều 14, khoản 5).
const proposalComplete: Guard = (ctx) => {
  if (!ctx.courtProposal?.proposal)
    return { field: 'proposal', code: 'missing', message: 'Phải có văn bản đề nghị đặc xá của Tòa án.' };
  if (!ctx.courtProposal.conductComment)
    return {
      field: 'conductComment',
      code: 'missing',
      message:
        'Phải có nhận xét của Ủy ban nhân dân cấp xã hoặc đơn vị quân đội được giao quản lý về việc chấp hành pháp luật trong thời gian tạm đình chỉ (Luật Đặc xá 2018, Điều 14, khoản 5).',
    };
  return null;
};

// The certificate of a person on suspension is the court president's to issue; the camp head's of a person in a camp.
export const heldAtCourt: Guard = (ctx) =>
  ctx.heldAtCourt === true
    ? null
    : {
        field: 'certificate',
        code: 'issuer',
        message: `Chánh án Tòa án chỉ cấp Giấy chứng nhận đặc xá cho người đang được tạm đình chỉ chấp hành án do Tòa án mình lập danh sách (${COURT_CITATIONS.certificate}).`,
      };

// The camp head's certificate is for a person released from the camp; a court's person gets the court president's.
export const heldAtCamp: Guard = (ctx) =>
  ctx.heldAtCourt === true
    ? {
        field: 'certificate',
        code: 'issuer',
        message: `Giấy chứng nhận đặc xá của người đang được tạm đình chỉ chấp hành án do Chánh án Tòa án cấp (${COURT_CITATIONS.certificate}).`,
      }
    : null;

export const COURT_TRANSITIONS: readonly Transition[] = [
  {
    from: S.APPLICATION,
    event: E.COURT_PROPOSE,
    to: S.COURT_REVIEW,
    roles: [R.COURT_OFFICER],
    guard: all(onSuspension, proposalComplete),
    citation: COURT_CITATIONS.list,
  },
  {
    from: S.COURT_REVIEW,
    event: E.COURT_APPROVE,
    to: S.COURT_POSTED,
    roles: [R.COURT_PRESIDENT],
    approval: true,
    citation: `${COURT_CITATIONS.list}; ${COURT_CITATIONS.posting}`,
  },
  {
    from: S.COURT_REVIEW,
    event: E.COURT_REJECT,
    to: S.COURT_INELIGIBLE,
    roles: [R.COURT_PRESIDENT],
    guard: requireReasonCode,
    citation: COURT_CITATIONS.list,
  },
  {
    from: S.COURT_POSTED,
    event: E.FORWARD,
    to: S.APPRAISAL,
    roles: [R.COURT_PRESIDENT],
    guard: procuracyNotified,
    approval: true,
    citation: COURT_CITATIONS.send,
  },
  {
    from: S.GRANTED,
    event: E.RELEASE,
    to: S.RELEASED,
    roles: [R.COURT_PRESIDENT],
    guard: heldAtCourt,
    citation: COURT_CITATIONS.certificate,
  },
  // The court that issued the certificate records that its person presented it to the commune or military unit, as a
  // camp does for its own.
  {
    from: S.RELEASED,
    event: E.RECORD_PRESENTATION,
    to: S.PRESENTED,
    roles: [R.COURT_PRESIDENT],
    guard: all(heldAtCourt, presentationRecordable),
    citation: `${PRESENTATION_CITATION}; ${COURT_CITATIONS.certificate}`,
  },
];
