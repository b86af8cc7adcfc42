import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StaleWriteException, NotFoundException } from '../../common/app.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import { protectedRows } from '../../audit/protected-rows.js';
import { ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { decideTransition } from '../core/decide-transition.js';
import type { WorkflowEvent } from '../core/events.js';
import type { ReasonCode } from '../core/reason-codes.js';
import { isStage, type Stage } from '../core/stages.js';
import { TransitionErrorCode, type TransitionContext } from '../core/transition-context.js';
import type { WorkflowActor } from '../common/actor.js';
import { WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import { TransitionRepository, type DossierHead } from './transition.repository.js';

export interface TransitionItem {
  dossierId: string;
  version: number;
  reason?: string;
  reasonCode?: ReasonCode;
  // Facts a guard needs that only the calling service knows (ballot result, flags, …).
  context?: Partial<TransitionContext>;
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

// Applies one event to one or many dossiers inside the caller's transaction: scope, version, table, guarded UPDATE,
// history and audit, all or nothing.
@Injectable()
export class TransitionService {
  constructor(
    private readonly repository: TransitionRepository,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async apply(
    manager: EntityManager,
    input: {
      user: SessionUser;
      actor: WorkflowActor;
      event: WorkflowEvent;
      items: readonly TransitionItem[];
      listId?: string | null;
    },
  ): Promise<AppliedTransition[]> {
    const { actor, event, items } = input;
    if (items.length === 0) return [];
    const ids = items.map((i) => i.dossierId);
    const heads = new Map(
      (await this.repository.lockHeads(manager, ids, this.scope.dossierFilter(input.user, 'd', 2))).map((h) => [
        h.id,
        h,
      ]),
    );
    const applied: AppliedTransition[] = [];
    for (const item of items) {
      const head = heads.get(item.dossierId);
      if (!head) throw new NotFoundException('hồ sơ');
      if (head.version !== item.version)
        throw new StaleWriteException(`Hồ sơ của ${head.fullName}`, item.version, head.version);
      applied.push(this.decide(head, item, actor, event));
    }
    const byTarget = new Map<string, AppliedTransition[]>();
    for (const a of applied) byTarget.set(`${a.from}>${a.to}`, [...(byTarget.get(`${a.from}>${a.to}`) ?? []), a]);
    for (const group of byTarget.values()) {
      const moved = await this.repository.advance(manager, {
        ids: group.map((a) => a.dossierId),
        versions: group.map((a) => a.version - 1),
        from: group[0].from,
        to: group[0].to,
      });
      if (moved !== group.length) throw new StaleWriteException('Một số hồ sơ', group[0].version - 1);
    }
    await this.repository.appendHistory(
      manager,
      applied.map((a) => ({
        dossierId: a.dossierId,
        roundId: a.roundId,
        event,
        fromStage: a.from,
        toStage: a.to,
        versionRead: a.version - 1,
        actorId: actor.id,
        actorRole: actor.role,
        actorUnitId: actor.unitId,
        reasonCode: a.reasonCode,
        reason: a.reason,
        listId: input.listId,
      })),
    );
    await this.audit.record(
      manager,
      applied.map((a) => ({
        actor: { id: actor.id, name: actor.name },
        action: `workflow.${event}`,
        entityType: 'dossier',
        entityId: a.dossierId,
        before: { stage: a.from, version: a.version - 1 },
        after: { stage: a.to, version: a.version, listId: input.listId ?? null },
        reason: [a.reasonCode, a.reason].filter(Boolean).join(': ') || null,
        rows: [protectedRows.transition(a.dossierId, a.version)],
      })),
    );
    return applied;
  }

  private decide(
    head: DossierHead,
    item: TransitionItem,
    actor: WorkflowActor,
    event: WorkflowEvent,
  ): AppliedTransition {
    if (!isStage(head.stage))
      throw new WorkflowException(`Bước "${head.stage}" không hợp lệ.`, WorkflowExceptionCode.INVALID_TRANSITION);
    const context: TransitionContext = {
      actorId: actor.id,
      role: actor.role,
      editorIds: [head.createdBy, head.updatedBy].filter((x): x is string => !!x),
      reason: item.reason,
      reasonCode: item.reasonCode,
      ...item.context,
    };
    const decision = decideTransition({ from: head.stage, event, context });
    if (!decision.ok) {
      const errors = decision.field ? [{ path: decision.field, code: decision.code, message: decision.message }] : [];
      throw new WorkflowException(`${head.fullName}: ${decision.message}`, ERROR_CODES[decision.code], errors);
    }
    return {
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
    };
  }
}
