import { Injectable } from '@nestjs/common';
import { setImmediate } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { hashReturnedList } from '../../audit/protected-rows.js';
import { TransitionService } from '../history/transition.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { eventsFor } from '../core/decide-transition.js';
import { WorkflowEvent } from '../core/events.js';
import { STAGE_LABELS } from '../core/stages.js';
import { workflowActorOf, type WorkflowActor } from '../common/actor.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { staleList, WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import { StandingGate } from '../appraisal/standing-gate.js';
import { ConsolidationRepository, type HopCounts } from './consolidation.repository.js';
import { assertMayChoose, narrowToChosen } from './chosen-names.js';
import { hopForRole, type Hop } from './hops.js';
import { OrgRoutingRepository } from './org-routing.repository.js';
import { ListRepository } from './list.repository.js';
import { Stage } from '../core/stages.js';

export interface ForwardInput {
  token: string;
  roundId: string | null;
  // The names chosen to go up (department and ministry only); absent: every pending name.
  dossierIds?: readonly string[];
}

export interface ForwardResult {
  listId: string;
  code: string;
  entryCount: number;
  contentHash: string;
  from: string;
  to: string;
  recipientUnitId: string;
  reconciliation: HopCounts;
}

// A unit above the camp consolidates every name it received and still holds into one frozen list for the next hop
// (Nghị định 76/2008/NĐ-CP, Điều 7, khoản 2, điểm c; Điều 8).
@Injectable()
export class ForwardService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly consolidation: ConsolidationRepository,
    private readonly lists: ListRepository,
    private readonly org: OrgRoutingRepository,
    private readonly gate: StandingGate,
    private readonly transitions: TransitionService,
    private readonly audit: AuditService,
  ) {}

  async pending(user: SessionUser, roundId: string | null) {
    const actor = workflowActorOf(user);
    const hop = this.hopOf(actor);
    return this.uow.read(async (manager) => {
      await this.consolidation.stagePending(manager, { unitId: actor.unitId, stage: hop.stage, roundId });
      const summary = await this.consolidation.summary(manager);
      const items = await this.consolidation.items(manager, 1000);
      return {
        stage: hop.stage,
        stageLabel: STAGE_LABELS[hop.stage],
        count: summary.count,
        token: summary.token,
        items,
        truncated: summary.count > items.length,
      };
    });
  }

  async forward(user: SessionUser, input: ForwardInput & { idempotencyKey?: string }): Promise<ForwardResult> {
    const actor = workflowActorOf(user);
    const hop = this.hopOf(actor);
    return this.uow.run(
      {
        userId: actor.id,
        key: input.idempotencyKey,
        scope: 'lists.forward',
        request: {
          token: input.token,
          roundId: input.roundId,
          ...(input.dossierIds ? { dossierIds: input.dossierIds } : {}),
        },
      },
      (manager) => this.forwardIn(manager, user, hop, input),
    );
  }

  // Exposed for the benchmark, which drives the same statements without HTTP.
  async forwardIn(manager: EntityManager, user: SessionUser, hop: Hop, input: ForwardInput): Promise<ForwardResult> {
    const actor = workflowActorOf(user);
    assertMayChoose(hop, input.dossierIds);
    await this.consolidation.lock(manager, actor.unitId, hop.stage);
    await this.consolidation.stagePending(manager, { unitId: actor.unitId, stage: hop.stage, roundId: input.roundId });
    const summary = await this.consolidation.summary(manager);
    if (summary.token !== input.token) throw staleList();
    if (summary.count === 0)
      throw new WorkflowException(
        'Không có hồ sơ nào đang chờ chuyển lên cấp trên.',
        WorkflowExceptionCode.NOTHING_TO_FORWARD,
      );
    if (summary.rounds.length !== 1) {
      throw new WorkflowException(
        'Danh sách chờ chuyển thuộc nhiều đợt đặc xá: hãy chọn một đợt.',
        WorkflowExceptionCode.GUARD_FAILED,
        [{ path: 'roundId', code: 'required', message: 'Chọn đợt đặc xá.' }],
      );
    }
    // Every list the unit received for this round, read before a choice narrows the names: the outgoing list accounts
    // for all of them, and the names not chosen are counted as still pending.
    const sourceListIds = await this.consolidation.sourceListIds(manager, {
      unitId: actor.unitId,
      stage: hop.stage,
      roundId: summary.rounds[0],
    });
    const left = input.dossierIds ? await narrowToChosen(manager, this.consolidation, hop, input.dossierIds) : 0;
    const waiting = await this.consolidation.waiting(manager);
    const standing =
      hop.stage === Stage.STANDING_BODY
        ? await this.gate.facts(
            manager,
            waiting.map((w) => w.dossierId),
          )
        : null;
    const recipient = await this.recipientOf(manager, actor, hop);
    const stored = await this.lists.insertListStored(
      manager,
      {
        roundId: summary.rounds[0],
        kind: hop.kind,
        fromStage: hop.stage,
        toStage: hop.to,
        ownerUnitId: actor.unitId,
        recipientUnitId: recipient,
        explanatoryReportId: standing?.reportId ?? null,
        createdBy: actor.id,
      },
      this.consolidation.rowsSql,
      [],
    );
    const list = stored.list;
    await this.lists.addSources(manager, list.id, sourceListIds);
    await this.lists.submit(manager, { listId: list.id, recipientUnitId: recipient, submittedBy: actor.id });
    // The commitments to the list's rows are hashed on the next turn of the event loop, while the database writes the
    // names' dispositions, instead of after it while the database waits (the locking read that follows returns the
    // dossiers the transition decides on: the hashing would delay it).
    const [, listRowHashes] = await Promise.all([
      this.consolidation.disposeForwarded(manager, list.id, actor.id),
      setImmediate().then(() => hashReturnedList(stored.header, stored.entries)),
    ]);
    // Every name goes through the transition table like any single dossier: four-eyes and guards per dossier, one
    // history row and one audit row each.
    await this.transitions.applyMany(manager, {
      user,
      actor,
      event: WorkflowEvent.FORWARD,
      listId: list.id,
      items: waiting.map((w) => ({ ...w, context: standing?.context.get(w.dossierId) })),
    });
    const reconciliation = await this.consolidation.hopCounts(manager, list.id);
    if (
      reconciliation.pending !== left ||
      reconciliation.forwardedHere !== list.entryCount ||
      reconciliation.namesIn !==
        reconciliation.forwarded + reconciliation.removed + reconciliation.sentBack + reconciliation.pending
    ) {
      throw new WorkflowException(
        `Đối soát không khớp: nhận ${reconciliation.namesIn} tên, chuyển ${reconciliation.forwarded}, loại ${reconciliation.removed}, trả về ${reconciliation.sentBack}, chưa xử lý ${reconciliation.pending}.`,
        WorkflowExceptionCode.GUARD_FAILED,
      );
    }
    await this.audit.record(manager, {
      actor: { id: actor.id, name: actor.name },
      action: 'list.forward',
      entityType: 'list',
      entityId: list.id,
      after: {
        code: list.code,
        kind: hop.kind,
        from: hop.stage,
        to: hop.to,
        entryCount: list.entryCount,
        contentHash: list.contentHash,
        recipientUnitId: recipient,
        reconciliation,
        ...(input.dossierIds ? { chosen: input.dossierIds.length, leftPending: left } : {}),
      },
      // The history rows of the move are committed to by the transition's audit row for each dossier.
      rowHashes: listRowHashes,
    });
    return {
      listId: list.id,
      code: list.code,
      entryCount: list.entryCount,
      contentHash: list.contentHash,
      from: hop.stage,
      to: hop.to,
      recipientUnitId: recipient,
      reconciliation,
    };
  }

  // The hop a role consolidates, if the transition table lets that role forward from the hop's stage.
  hopOf(actor: WorkflowActor): Hop {
    const hop = hopForRole(actor.role);
    if (!hop || !eventsFor(hop.stage, actor.role).includes(WorkflowEvent.FORWARD)) {
      throw new WorkflowException(
        'Vai trò của bạn không tổng hợp và chuyển danh sách lên cấp trên.',
        WorkflowExceptionCode.ROLE_NOT_ALLOWED,
      );
    }
    return hop;
  }

  private async recipientOf(manager: EntityManager, actor: WorkflowActor, hop: Hop): Promise<string> {
    const unit =
      'ancestorKind' in hop.recipient
        ? await this.org.ancestorOfKind(manager, actor.unitId, hop.recipient.ancestorKind)
        : await this.org.nationalBody(manager, hop.recipient.bodyKind);
    if (!unit)
      throw new WorkflowException('Không xác định được cơ quan nhận danh sách.', WorkflowExceptionCode.NO_RECIPIENT);
    return unit.id;
  }
}
