import { ComplaintLevel } from '../core/complaints.js';
import { eventsFor } from '../core/decide-transition.js';
import { WorkflowEvent } from '../core/events.js';
import { WorkflowRole } from '../core/roles.js';
import { Stage } from '../core/stages.js';
import { TRANSITIONS } from '../core/transition-table.js';

// Exceptional events (withdraw, remove, send back, a complaint being lodged) can happen anywhere and do not make a
// stage "wait for me". Complaints awaiting a decision are listed one by one with their own due dates instead.
const EXCEPTIONAL = new Set<WorkflowEvent>([
  WorkflowEvent.WITHDRAW,
  WorkflowEvent.REMOVE,
  WorkflowEvent.SEND_BACK,
  WorkflowEvent.FILE_COMPLAINT,
  WorkflowEvent.ESCALATE_COMPLAINT,
  WorkflowEvent.ACCEPT_COMPLAINT,
  WorkflowEvent.REJECT_COMPLAINT,
]);

export function stagesWaitingFor(role: WorkflowRole): Stage[] {
  return [
    ...new Set(TRANSITIONS.filter((t) => t.roles.includes(role) && !EXCEPTIONAL.has(t.event)).map((t) => t.from)),
  ];
}

// The complaint levels a role decides: those whose stage the table lets it accept or reject at.
export function complaintLevelsDecidedBy(role: WorkflowRole): ComplaintLevel[] {
  const levels: [Stage, ComplaintLevel][] = [
    [Stage.COMPLAINT_FIRST, ComplaintLevel.FIRST],
    [Stage.COMPLAINT_SECOND, ComplaintLevel.SECOND],
  ];
  return levels
    .filter(([stage]) => eventsFor(stage, role, TRANSITIONS).includes(WorkflowEvent.REJECT_COMPLAINT))
    .map(([, level]) => level);
}

// The roles that follow whether the released persons presented their certificates (Luật Đặc xá 2018, Điều 20, khoản 2,
// điểm a): those that record the presentation (the table's record_presentation rows) and the levels above that watch
// it (the ministry, the Council's standing body). Their queues list the overdue presentations in their scope.
export function followsPresentations(role: WorkflowRole): boolean {
  return (
    eventsFor(Stage.RELEASED, role, TRANSITIONS).includes(WorkflowEvent.RECORD_PRESENTATION) ||
    PRESENTATION_WATCHERS.has(role)
  );
}

const PRESENTATION_WATCHERS: ReadonlySet<WorkflowRole> = new Set([
  WorkflowRole.MINISTRY_OFFICER,
  WorkflowRole.COUNCIL_STANDING_OFFICER,
]);
