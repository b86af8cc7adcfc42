import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotFoundException } from '../../common/app.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import { protectedRows } from '../../audit/protected-rows.js';
import type { SessionUser } from '../../auth/session-user.js';
import { ScopeService } from '../../auth/scope.service.js';
import { WorkflowEvent } from '../core/events.js';
import { ReasonCode } from '../core/reason-codes.js';
import { Disposition } from '../core/reconciliation.js';
import { Stage, UPPER_STAGES } from '../core/stages.js';
import { workflowActorOf, type WorkflowActor } from '../common/actor.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import { ListRepository } from '../lists/list.repository.js';
import { OrgRoutingRepository } from '../lists/org-routing.repository.js';
import { ListKind } from '../lists/list.entity.js';
import type { DossierEventDto } from './dossier-event.dto.js';
import { TransitionRepository } from './transition.repository.js';
import { TransitionService, type AppliedTransition } from './transition.service.js';

// Events that concern one dossier: send-back, resubmit, withdraw and remove (plus any other event the table allows
// on a single dossier). Each keeps the lists reconciled: a name leaving a stage above the camp gets its disposition.
const LIST_EVENTS = new Set<WorkflowEvent>([
  WorkflowEvent.FORWARD,
  WorkflowEvent.WARDEN_APPROVE,
  WorkflowEvent.COUNCIL_RECOMMEND,
  WorkflowEvent.COUNCIL_REJECT,
  WorkflowEvent.GRANT,
  WorkflowEvent.NOT_GRANT,
  WorkflowEvent.PUT_FORWARD,
  WorkflowEvent.NOT_PUT_FORWARD,
  WorkflowEvent.COUNCIL_ELIGIBLE,
  WorkflowEvent.COUNCIL_INELIGIBLE,
  WorkflowEvent.RELEASE,
  WorkflowEvent.FILE_COMPLAINT,
  WorkflowEvent.ESCALATE_COMPLAINT,
  WorkflowEvent.ACCEPT_COMPLAINT,
  WorkflowEvent.REJECT_COMPLAINT,
  WorkflowEvent.COURT_PROPOSE,
  WorkflowEvent.COURT_APPROVE,
  WorkflowEvent.COURT_REJECT,
  WorkflowEvent.RECORD_PRESENTATION,
]);

// Whether an event is fired on one dossier by itself (the pages offer a form for it) or through the record it belongs
// to (the pages link to that record's page).
export function firesAlone(event: WorkflowEvent): boolean {
  return !LIST_EVENTS.has(event);
}

export interface DossierEventBatch {
  event: WorkflowEvent;
  reason?: string;
  reasonCode?: ReasonCode;
  // Each dossier with the version the caller read.
  items: { dossierId: string; version: number }[];
}

@Injectable()
export class DossierEventService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly transitions: TransitionService,
    private readonly historyRepo: TransitionRepository,
    private readonly org: OrgRoutingRepository,
    private readonly lists: ListRepository,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async fire(
    user: SessionUser,
    dossierId: string,
    dto: DossierEventDto,
    idempotencyKey?: string,
  ): Promise<AppliedTransition> {
    const actor = workflowActorOf(user);
    if (LIST_EVENTS.has(dto.event)) {
      throw new WorkflowException(
        'Sự kiện này được thực hiện qua biên bản, quyết định, danh sách hoặc đơn khiếu nại tương ứng, không thực hiện riêng lẻ.',
        WorkflowExceptionCode.INVALID_TRANSITION,
      );
    }
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: `dossier.${dossierId}.event`, request: dto },
      (manager) => this.fireIn(manager, user, actor, dossierId, dto),
    );
  }

  // One event on many dossiers chosen together: one transaction, each dossier through the same path as alone (one
  // history and one audit row each); any refusal refuses them all.
  async fireMany(user: SessionUser, batch: DossierEventBatch, idempotencyKey?: string): Promise<AppliedTransition[]> {
    const actor = workflowActorOf(user);
    if (LIST_EVENTS.has(batch.event)) {
      throw new WorkflowException(
        'Sự kiện này được thực hiện qua biên bản, quyết định, danh sách hoặc đơn khiếu nại tương ứng, không thực hiện riêng lẻ.',
        WorkflowExceptionCode.INVALID_TRANSITION,
      );
    }
    // Locked in id order, as applyMany does, so two batches over the same dossiers cannot deadlock.
    const items = [...batch.items].sort((a, b) => (a.dossierId < b.dossierId ? -1 : 1));
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: `dossiers.batch.${batch.event}`, request: batch },
      async (manager) => {
        const applied: AppliedTransition[] = [];
        for (const item of items) {
          const dto = { event: batch.event, version: item.version, reason: batch.reason, reasonCode: batch.reasonCode };
          applied.push(await this.fireIn(manager, user, actor, item.dossierId, dto));
        }
        return applied;
      },
    );
  }

  // Also used by appraisal, whose accepted finding sends the dossier back inside its own transaction.
  async fireIn(
    manager: EntityManager,
    user: SessionUser,
    actor: WorkflowActor,
    dossierId: string,
    dto: DossierEventDto,
  ) {
    const applied = await this.transitions.apply(manager, {
      user,
      actor,
      event: dto.event,
      item: { dossierId, version: dto.version, reason: dto.reason, reasonCode: dto.reasonCode },
    });
    if ((UPPER_STAGES as string[]).includes(applied.from)) await this.recordDisposition(manager, actor, applied, dto);
    if (dto.event === WorkflowEvent.RESUBMIT && applied.to !== Stage.WARDEN)
      await this.resubmissionList(manager, actor, applied);
    return applied;
  }

  private async recordDisposition(
    manager: EntityManager,
    actor: WorkflowActor,
    applied: AppliedTransition,
    dto: DossierEventDto,
  ) {
    const listId = await this.lists.activeEntry(manager, applied.dossierId, applied.from);
    if (!listId) return;
    const removed = dto.event === WorkflowEvent.REMOVE || dto.event === WorkflowEvent.WITHDRAW;
    await this.lists.dispose(manager, {
      listId,
      dossierId: applied.dossierId,
      decidedBy: actor.id,
      reason: dto.reason ?? null,
      disposition: removed ? Disposition.REMOVED : Disposition.SENT_BACK,
      reasonCode: dto.event === WorkflowEvent.WITHDRAW ? ReasonCode.WITHDRAWN : (dto.reasonCode ?? null),
    });
  }

  // The corrected dossier travels back as a one-name supplementary list, so lineage and reconciliation still hold.
  private async resubmissionList(manager: EntityManager, actor: WorkflowActor, applied: AppliedTransition) {
    const recipient = await this.org.holderOf(manager, applied.facilityId, applied.to);
    if (!recipient)
      throw new WorkflowException(
        'Không xác định được cơ quan nhận hồ sơ gửi lại.',
        WorkflowExceptionCode.NO_RECIPIENT,
      );
    const list = await this.lists.sendOne(
      manager,
      {
        roundId: applied.roundId,
        kind: ListKind.RESUBMISSION,
        fromStage: Stage.CORRECTION,
        toStage: applied.to,
        ownerUnitId: applied.facilityId,
        recipientUnitId: recipient.id,
        createdBy: actor.id,
      },
      applied.dossierId,
    );
    await this.audit.record(manager, {
      actor: { id: actor.id, name: actor.name },
      action: 'list.resubmit',
      entityType: 'list',
      entityId: list.id,
      after: {
        code: list.code,
        dossierId: applied.dossierId,
        recipientUnitId: recipient.id,
        contentHash: list.contentHash,
      },
      rows: protectedRows.list(list.id),
    });
  }

  async history(user: SessionUser, dossierId: string) {
    return this.uow.read(async (manager) => {
      await this.scope.assertDossierVisible(manager, user, dossierId);
      const rows = await this.historyRepo.history(manager, dossierId);
      if (!rows) throw new NotFoundException('hồ sơ');
      return rows;
    });
  }
}
