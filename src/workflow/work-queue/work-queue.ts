import { WorkflowEvent } from '../core/events.js';
import type { WorkflowRole } from '../core/roles.js';
import type { Stage } from '../core/stages.js';
import { TRANSITIONS } from '../core/transition-table.js';

// Exceptional events (withdraw, remove, send back) can happen anywhere and do not make a stage "wait for me".
const EXCEPTIONAL = new Set<WorkflowEvent>([WorkflowEvent.WITHDRAW, WorkflowEvent.REMOVE, WorkflowEvent.SEND_BACK]);

export function stagesWaitingFor(role: WorkflowRole): Stage[] {
  return [
    ...new Set(TRANSITIONS.filter((t) => t.roles.includes(role) && !EXCEPTIONAL.has(t.event)).map((t) => t.from)),
  ];
}
