import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { protectedRows } from '../../audit/protected-rows.js';
import type { SessionUser } from '../../auth/session-user.js';
import { WorkflowEvent } from '../core/events.js';
import { Disposition } from '../core/reconciliation.js';
import { Stage } from '../core/stages.js';
import { workflowActorOf } from '../common/actor.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { staleList, WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import { TransitionService } from '../history/transition.service.js';
import { ConsolidationRepository } from '../lists/consolidation.repository.js';
import { ListKind } from '../lists/list.entity.js';
import { ListRepository } from '../lists/list.repository.js';
import { OrgRoutingRepository } from '../lists/org-routing.repository.js';
import type { CouncilListsDto } from './decision.dto.js';

// The Advisory Council fixes the eligible and the ineligible list for the President (Nghị định 76/2008/NĐ-CP,
// Điều 8, khoản 3; Luật Đặc xá 2018, Điều 17).
@Injectable()
export class CouncilService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly consolidation: ConsolidationRepository,
    private readonly lists: ListRepository,
    private readonly org: OrgRoutingRepository,
    private readonly transitions: TransitionService,
    private readonly audit: AuditService,
  ) {}

  async pending(user: SessionUser, roundId: string) {
    const actor = workflowActorOf(user);
    return this.uow.read(async (manager) => {
      await this.consolidation.stagePending(manager, { unitId: actor.unitId, stage: Stage.ADVISORY_COUNCIL, roundId });
      const summary = await this.consolidation.summary(manager);
      return { count: summary.count, token: summary.token, items: await this.consolidation.items(manager, 5000) };
    });
  }

  async decide(user: SessionUser, dto: CouncilListsDto, idempotencyKey?: string) {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: 'council.lists', request: dto },
      async (manager) => {
        await this.consolidation.lock(manager, actor.unitId, Stage.ADVISORY_COUNCIL);
        await this.consolidation.stagePending(manager, {
          unitId: actor.unitId,
          stage: Stage.ADVISORY_COUNCIL,
          roundId: dto.roundId,
        });
        const summary = await this.consolidation.summary(manager);
        if (summary.token !== dto.token) throw staleList();
        const pending = await this.consolidation.pendingEntries(manager);
        if (pending.length === 0)
          throw new WorkflowException(
            'Không có hồ sơ nào chờ Hội đồng quyết định.',
            WorkflowExceptionCode.NOTHING_TO_FORWARD,
          );
        const rejected = new Map(dto.ineligible.map((i) => [i.dossierId, i]));
        const pendingIds = new Set(pending.map((p) => p.dossier_id));
        const unknown = dto.ineligible.filter((i) => !pendingIds.has(i.dossierId));
        if (unknown.length > 0)
          throw new WorkflowException(
            'Danh sách không đủ điều kiện có tên không nằm trong hồ sơ trình Hội đồng.',
            WorkflowExceptionCode.GUARD_FAILED,
          );
        const president = await this.org.nationalBody(manager, 'PRESIDENT_OFFICE');
        if (!president)
          throw new WorkflowException('Chưa khai báo Văn phòng Chủ tịch nước.', WorkflowExceptionCode.NO_RECIPIENT);
        const byDossier = new Map(pending.map((p) => [p.dossier_id, p]));
        const recommend = await this.transitions.applyMany(manager, {
          user,
          actor,
          event: WorkflowEvent.COUNCIL_RECOMMEND,
          items: [...byDossier.values()]
            .filter((p) => !rejected.has(p.dossier_id))
            .map((p) => ({ dossierId: p.dossier_id, version: p.version })),
        });
        const reject = await this.transitions.applyMany(manager, {
          user,
          actor,
          event: WorkflowEvent.COUNCIL_REJECT,
          items: dto.ineligible.map((i) => ({
            dossierId: i.dossierId,
            version: byDossier.get(i.dossierId)!.version,
            reasonCode: i.reasonCode,
            reason: i.reason,
          })),
        });
        const sources = [...new Set(pending.map((p) => p.list_id))];
        const make = async (kind: ListKind, toStage: Stage, rows: { dossierId: string }[], withReasons: boolean) => {
          if (rows.length === 0) return null;
          const list = await this.lists.insertList(
            manager,
            {
              roundId: dto.roundId,
              kind,
              fromStage: Stage.ADVISORY_COUNCIL,
              toStage,
              ownerUnitId: actor.unitId,
              recipientUnitId: president.id,
              createdBy: actor.id,
            },
            withReasons
              ? 'SELECT x.id, x.code, x.reason FROM unnest($1::uuid[], $2::text[], $3::text[]) AS x(id, code, reason)'
              : 'SELECT x, NULL::text, NULL::text FROM unnest($1::uuid[]) AS x',
            withReasons
              ? [
                  rows.map((r) => r.dossierId),
                  rows.map((r) => rejected.get(r.dossierId)!.reasonCode),
                  rows.map((r) => rejected.get(r.dossierId)!.reason ?? null),
                ]
              : [rows.map((r) => r.dossierId)],
          );
          await this.lists.addSources(manager, list.id, sources);
          await this.lists.submit(manager, { listId: list.id, recipientUnitId: president.id, submittedBy: actor.id });
          const named = new Set(rows.map((r) => r.dossierId));
          await this.lists.disposeMany(
            manager,
            pending
              .filter((p) => named.has(p.dossier_id))
              .map((p) => ({
                listId: p.list_id,
                dossierId: p.dossier_id,
                disposition: Disposition.FORWARDED,
                outgoingListId: list.id,
                decidedBy: actor.id,
              })),
          );
          return list;
        };
        const eligible = await make(ListKind.COUNCIL_ELIGIBLE, Stage.PRESIDENT, recommend, false);
        const ineligible = await make(ListKind.COUNCIL_INELIGIBLE, Stage.COUNCIL_INELIGIBLE, reject, true);
        await this.audit.record(
          manager,
          [eligible, ineligible]
            .filter((l) => l !== null)
            .map((l) => ({
              actor: { id: actor.id, name: actor.name },
              action: 'council.list',
              entityType: 'list',
              entityId: l.id,
              after: { code: l.code, entryCount: l.entryCount, contentHash: l.contentHash },
              rows: protectedRows.list(l.id),
            })),
        );
        return { eligible, ineligible };
      },
    );
  }
}
