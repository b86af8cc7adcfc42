import { REASON_CODES, ReasonCode } from '../../workflow/core/reason-codes.js';
import { eventsFor, transitionsFrom } from '../../workflow/core/decide-transition.js';
import { requireReason, requireReasonCode } from '../../workflow/core/guards.js';
import { EVENT_LABELS, WorkflowEvent } from '../../workflow/core/events.js';
import type { Stage } from '../../workflow/core/stages.js';
import { firesAlone } from '../../workflow/history/dossier-event.service.js';

// An action a page offers on a dossier: a form posting the event, or a link to the page of the record the event
// belongs to (the ballot's minutes, the council's decisions, the list, the decision, the certificate).
export interface DossierAction {
  // What the action's form posts as `event`: the event itself, or the event with the coded reason it always carries.
  key: string;
  // The action's id on the page.
  id: string;
  event: WorkflowEvent;
  label: string;
  // A coded reason the action always records (not chosen on the form).
  reasonCode?: ReasonCode;
  // A form on the dossier's page: what it asks for.
  form?: { reason: boolean; reasonCode: boolean };
  // Otherwise the page where the event is done.
  href?: string;
}

// What the form must ask for: the table's own guard says whether the event needs a written or a coded reason.
function asks(stage: Stage, role: string, event: WorkflowEvent): { reason: boolean; reasonCode: boolean } {
  const guards = transitionsFrom(stage)
    .filter((t) => t.event === event && (t.roles as readonly string[]).includes(role))
    .map((t) => t.guard);
  return { reason: guards.includes(requireReason), reasonCode: guards.includes(requireReasonCode) };
}

const PAGE_OF: Partial<Record<WorkflowEvent, string>> = {
  [WorkflowEvent.PUT_FORWARD]: '/ballots',
  [WorkflowEvent.NOT_PUT_FORWARD]: '/ballots',
  [WorkflowEvent.COUNCIL_ELIGIBLE]: '/camp/council',
  [WorkflowEvent.COUNCIL_INELIGIBLE]: '/camp/council',
  [WorkflowEvent.WARDEN_APPROVE]: '/camp/council',
  [WorkflowEvent.FORWARD]: '/lists',
  [WorkflowEvent.COUNCIL_RECOMMEND]: '/council',
  [WorkflowEvent.COUNCIL_REJECT]: '/council',
  [WorkflowEvent.GRANT]: '/standing/president',
  [WorkflowEvent.NOT_GRANT]: '/standing/president',
  [WorkflowEvent.RELEASE]: '/releases',
  [WorkflowEvent.RECORD_PRESENTATION]: '/certificates',
  [WorkflowEvent.COURT_PROPOSE]: '/court',
  [WorkflowEvent.COURT_APPROVE]: '/court',
  [WorkflowEvent.COURT_REJECT]: '/court',
  [WorkflowEvent.FILE_COMPLAINT]: '/complaints',
  [WorkflowEvent.ESCALATE_COMPLAINT]: '/complaints',
  [WorkflowEvent.ACCEPT_COMPLAINT]: '/complaints',
  [WorkflowEvent.REJECT_COMPLAINT]: '/complaints',
};

// The events shown with one control each even when the table offers several rows for them (one per target stage).
function distinct(events: WorkflowEvent[]): WorkflowEvent[] {
  return [...new Set(events)];
}

// What the transition table lets this role do with a dossier at this stage, and nothing else: the one source the
// dossier page, the bulk tables and the lists read their buttons from.
export function dossierActions(stage: Stage, role: string): DossierAction[] {
  const events = distinct(eventsFor(stage, role));
  const actions: DossierAction[] = events.map((event) =>
    firesAlone(event)
      ? { key: event, id: event, event, label: EVENT_LABELS[event], form: asks(stage, role, event) }
      : { key: event, id: event, event, label: EVENT_LABELS[event], href: PAGE_OF[event] ?? '/' },
  );
  // Above the camp the holder cannot fire the withdrawal itself: the person's withdrawal, reported by the camp, is
  // recorded as a removal with the code "rút đơn", through the same row of the table.
  if (events.includes(WorkflowEvent.REMOVE) && !events.includes(WorkflowEvent.WITHDRAW))
    actions.push({
      key: WITHDRAWAL_AS_REMOVAL,
      id: 'remove-withdrawn',
      event: WorkflowEvent.REMOVE,
      label: 'Ghi nhận người được đề nghị rút đơn',
      reasonCode: ReasonCode.WITHDRAWN,
      form: { reason: true, reasonCode: false },
    });
  return actions;
}

// The value a form posts for a withdrawal recorded as a removal.
export const WITHDRAWAL_AS_REMOVAL = `${WorkflowEvent.REMOVE}:${ReasonCode.WITHDRAWN}`;

// What a posted action stands for: an event, and the coded reason it always carries.
export function readAction(value: string): { event: string; reasonCode?: ReasonCode } {
  return value === WITHDRAWAL_AS_REMOVAL
    ? { event: WorkflowEvent.REMOVE, reasonCode: ReasonCode.WITHDRAWN }
    : { event: value };
}

// Whether the table lets this role fire the event on its own from this stage (a bulk action's column is offered only
// then, and each chosen dossier is still judged by the table when fired).
export function mayFireAlone(stage: Stage, role: string, event: WorkflowEvent): boolean {
  return firesAlone(event) && eventsFor(stage, role).includes(event);
}

// The coded reasons a removal offers, in the legal texts' words with their article. Above the camp, a withdrawal
// the camp reports is recorded as a removal with its own code.
export const REASON_CODE_CHOICES = Object.values(ReasonCode).map((code) => ({
  value: code,
  label: REASON_CODES[code].citation
    ? `${REASON_CODES[code].label} (${REASON_CODES[code].citation})`
    : REASON_CODES[code].label,
}));
