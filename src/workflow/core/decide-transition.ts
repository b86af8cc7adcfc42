import { EVENT_LABELS, type WorkflowEvent } from './events.js';
import { ROLE_LABELS } from './roles.js';
import { STAGE_LABELS, type Stage } from './stages.js';
import { TransitionErrorCode, type GuardFailure, type TransitionContext } from './transition-context.js';
import { TRANSITIONS, type Transition } from './transition-table.js';

export type TransitionDecision =
  | { ok: true; to: Stage; transition: Transition }
  | { ok: false; code: TransitionErrorCode; message: string; field?: string; fieldCode?: string };

export function transitionsFrom(stage: Stage, table: readonly Transition[] = TRANSITIONS): Transition[] {
  return table.filter((t) => t.from === stage);
}

// The events a role may offer on a dossier at a stage: what the pages show as actions. Guards still decide when fired.
export function eventsFor(stage: Stage, role: string, table: readonly Transition[] = TRANSITIONS): WorkflowEvent[] {
  return [
    ...new Set(
      table.filter((t) => t.from === stage && (t.roles as readonly string[]).includes(role)).map((t) => t.event),
    ),
  ];
}

// A list's hop asks the table once per dossier: the rows for each (stage, event) are looked up, not filtered anew.
const INDEXES = new WeakMap<readonly Transition[], Map<string, Transition[]>>();

function candidatesOf(table: readonly Transition[], from: Stage, event: WorkflowEvent): readonly Transition[] {
  let index = INDEXES.get(table);
  if (!index) {
    index = new Map();
    for (const t of table) {
      const key = `${t.from}/${t.event}`;
      index.set(key, [...(index.get(key) ?? []), t]);
    }
    INDEXES.set(table, index);
  }
  return index.get(`${from}/${event}`) ?? [];
}

// The one place that says whether an event may fire: stage, role, guard, and the four-eyes rule, in that order.
export function decideTransition(
  input: { from: Stage; event: WorkflowEvent; context: TransitionContext },
  table: readonly Transition[] = TRANSITIONS,
): TransitionDecision {
  const { from, event, context } = input;
  const candidates = candidatesOf(table, from, event);
  if (candidates.length === 0) {
    return {
      ok: false,
      code: TransitionErrorCode.INVALID_TRANSITION,
      message: `Không thể «${EVENT_LABELS[event]}» khi hồ sơ đang ở bước «${STAGE_LABELS[from]}».`,
    };
  }
  const permitted = candidates.filter((t) => t.roles.includes(context.role));
  if (permitted.length === 0) {
    const allowed = [...new Set(candidates.flatMap((t) => t.roles))].map((r) => ROLE_LABELS[r]).join(', ');
    return {
      ok: false,
      code: TransitionErrorCode.ROLE_NOT_ALLOWED,
      message: `Vai trò «${ROLE_LABELS[context.role]}» không được «${EVENT_LABELS[event]}»; chỉ: ${allowed}.`,
    };
  }
  let firstFailure: GuardFailure | null = null;
  for (const transition of permitted) {
    const failure = transition.guard?.(context) ?? null;
    if (failure) {
      firstFailure ??= failure;
      continue;
    }
    if (transition.approval && context.editorIds.includes(context.actorId)) {
      return {
        ok: false,
        code: TransitionErrorCode.SAME_PERSON,
        message: 'Người lập hoặc sửa hồ sơ không được tự duyệt hồ sơ đó ở bước tiếp theo.',
      };
    }
    return { ok: true, to: transition.to, transition };
  }
  return {
    ok: false,
    code: TransitionErrorCode.GUARD_FAILED,
    message: firstFailure!.message,
    field: firstFailure!.field,
    fieldCode: firstFailure!.code,
  };
}
