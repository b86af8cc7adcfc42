import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StaleWriteException, NotFoundException } from '../../common/app.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import { setImmediate } from 'node:timers/promises';
import { hashReturned, ProtectedTable } from '../../audit/protected-rows.js';
import { ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { decideTransition } from '../core/decide-transition.js';
import type { WorkflowEvent } from '../core/events.js';
import type { ReasonCode } from '../core/reason-codes.js';
import { isStage, type Stage } from '../core/stages.js';
import { TransitionErrorCode, type TransitionContext } from '../core/transition-context.js';
import type { WorkflowActor } from '../common/actor.js';
import { WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import { refusalException, staleException, type Refusal } from './transition-refusals.js';
import { TransitionFacts } from './transition-facts.js';
import {
  storedText,
  storedUuid,
  TransitionRepository,
  type DossierHead,
  type HistoryRecord,
} from './transition.repository.js';

export interface TransitionItem {
  dossierId: string;
  // The version the caller read; a dossier changed since answers 409.
  version: number;
  reason?: string;
  reasonCode?: ReasonCode;
  // Facts a guard needs that only the calling service knows (ballot result, flags, …).
  context?: Partial<TransitionContext>;
  // Where the item sits in the caller's request (e.g. 'decisions[3]'): its refusal is then reported on that path, so a
  // table can show it on the row it concerns.
  path?: string;
}

export interface TransitionRequest {
  user: SessionUser;
  actor: WorkflowActor;
  event: WorkflowEvent;
  listId?: string | null;
}

export interface AppliedTransition {
  dossierId: string;
  fullName: string;
  roundId: string;
  facilityId: string;
  teamId: string | null;
  from: Stage;
  to: Stage;
  version: number;
  reason?: string;
  reasonCode?: ReasonCode;
}

const ERROR_CODES: Record<TransitionErrorCode, WorkflowExceptionCode> = {
  [TransitionErrorCode.INVALID_TRANSITION]: WorkflowExceptionCode.INVALID_TRANSITION,
  [TransitionErrorCode.ROLE_NOT_ALLOWED]: WorkflowExceptionCode.ROLE_NOT_ALLOWED,
  [TransitionErrorCode.GUARD_FAILED]: WorkflowExceptionCode.GUARD_FAILED,
  [TransitionErrorCode.SAME_PERSON]: WorkflowExceptionCode.SAME_PERSON,
};

// Up to this many dossiers, the statement moving them also takes the audit chain's lock (a round trip less for a stage
// command); a larger move would hold the lock while it runs.
const LOCK_AUDIT_WITH_MOVE = 100;

// The one path for every change of stage, one dossier or a whole list: scope, version, the pure transition table
// (every guard is there), one set-based UPDATE that also writes one history row per dossier, then one audit row per
// dossier, all inside the caller's transaction.
@Injectable()
export class TransitionService {
  constructor(
    private readonly repository: TransitionRepository,
    private readonly facts: TransitionFacts,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async apply(manager: EntityManager, input: TransitionRequest & { item: TransitionItem }): Promise<AppliedTransition> {
    const [applied] = await this.applyMany(manager, { ...input, items: [input.item] });
    return applied;
  }

  async applyMany(
    manager: EntityManager,
    input: TransitionRequest & { items: readonly TransitionItem[] },
  ): Promise<AppliedTransition[]> {
    const { actor, event, items } = input;
    if (items.length === 0) return [];
    const heads = await this.repository.lockHeads(
      manager,
      items.map((i) => i.dossierId),
      this.scope.transitionFilter(input.user, 'd', 2),
      { ...this.facts.reads(event, items.length), history: true },
    );
    const byId = new Map(heads.map((h) => [h.id, h]));
    for (const item of items) if (!byId.has(item.dossierId)) throw new NotFoundException('hồ sơ');
    const stale = items.filter((item) => byId.get(item.dossierId)!.version !== item.version);
    if (stale.length > 0) throw staleException(stale, byId);
    const facts = await this.facts.gather(manager, event, heads);
    const applied: AppliedTransition[] = [];
    const refused: Refusal[] = [];
    for (const item of items) {
      const head = byId.get(item.dossierId)!;
      const outcome = this.decide(head, item, actor, event, facts.get(head.id));
      if ('refusal' in outcome) refused.push(outcome.refusal);
      else applied.push(outcome.applied);
    }
    if (refused.length > 0) throw refusalException(refused);
    await this.write(manager, input, applied, byId);
    return applied;
  }

  // The history rows are built here, ids and time reserved by the locking read, so their content hashes are computed
  // while the database moves the dossiers, instead of after it, from the rows read back.
  private async write(
    manager: EntityManager,
    input: TransitionRequest,
    applied: readonly AppliedTransition[],
    heads: ReadonlyMap<string, DossierHead>,
  ) {
    const { actor, event } = input;
    const listId = input.listId ?? null;
    // What every row shares, in its stored form; each row's id and the transaction's time come with its dossier's head.
    const shared = {
      event,
      actor_id: storedUuid(actor.id),
      actor_role: actor.role,
      actor_unit_id: storedUuid(actor.unitId),
      list_id: listId === null ? null : storedUuid(listId),
    };
    // Each row spelled out, instead of a spread of the shared values per row (for 15,000 rows the spread showed in
    // the profile next to the hashing).
    const rows: HistoryRecord[] = applied.map((a) => ({
      event: shared.event,
      actor_id: shared.actor_id,
      actor_role: shared.actor_role,
      actor_unit_id: shared.actor_unit_id,
      list_id: shared.list_id,
      id: heads.get(a.dossierId)!.historyId!,
      dossier_id: a.dossierId,
      round_id: a.roundId,
      from_stage: a.from,
      to_stage: a.to,
      version_read: String(a.version - 1),
      version_written: String(a.version),
      reason_code: a.reasonCode ?? null,
      reason: a.reason === undefined ? null : storedText(a.reason),
      occurred_at: heads.get(a.dossierId)!.occurredAt!,
    }));
    const by = { id: actor.id, name: actor.name };
    // The statement goes out first (a turn of the event loop), then the audit entries, each committing to the hash of
    // its history row, are built while it runs.
    const [moved, entries] = await Promise.all([
      this.repository.advance(manager, rows, rows.length <= LOCK_AUDIT_WITH_MOVE),
      setImmediate().then(() =>
        applied.map((a, i) => ({
          actor: by,
          action: `workflow.${event}`,
          entityType: 'dossier',
          entityId: a.dossierId,
          before: { stage: a.from, version: a.version - 1 },
          after: { stage: a.to, version: a.version, listId },
          reason: [a.reasonCode, a.reason].filter(Boolean).join(': ') || null,
          // The history row that produced this version, as the statement stores it.
          rowHashes: hashReturned(ProtectedTable.WORKFLOW_HISTORY, [rows[i]]),
        })),
      ),
    ]);
    if (moved.moved !== applied.length) throw new StaleWriteException('Một số hồ sơ', applied[0].version - 1);
    await this.audit.record(manager, entries, moved.audit);
  }

  private decide(
    head: DossierHead,
    item: TransitionItem,
    actor: WorkflowActor,
    event: WorkflowEvent,
    facts: Partial<TransitionContext> | undefined,
  ): { applied: AppliedTransition } | { refusal: Refusal } {
    if (!isStage(head.stage))
      throw new WorkflowException(`Bước "${head.stage}" không hợp lệ.`, WorkflowExceptionCode.INVALID_TRANSITION);
    const context: TransitionContext = {
      actorId: actor.id,
      role: actor.role,
      editorIds: [head.createdBy, head.updatedBy].filter((x): x is string => !!x),
      reason: item.reason,
      reasonCode: item.reasonCode,
      ...facts,
      ...item.context,
    };
    const decision = decideTransition({ from: head.stage, event, context });
    if (!decision.ok) {
      return {
        refusal: {
          fullName: head.fullName,
          code: ERROR_CODES[decision.code],
          message: decision.message,
          field: decision.field,
          fieldCode: decision.fieldCode ?? decision.code,
          path: item.path,
        },
      };
    }
    return {
      applied: {
        dossierId: head.id,
        fullName: head.fullName,
        roundId: head.roundId,
        facilityId: head.facilityId,
        teamId: head.teamId,
        from: head.stage,
        to: decision.to,
        version: head.version + 1,
        reason: item.reason,
        reasonCode: item.reasonCode,
      },
    };
  }
}
