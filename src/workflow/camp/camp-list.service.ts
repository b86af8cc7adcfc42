import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotFoundException } from '../../common/app.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { WorkflowEvent } from '../core/events.js';
import { canReceive, isFacilityKind } from '../core/routing.js';
import { Stage } from '../core/stages.js';
import { workflowActorOf, type WorkflowActor } from '../common/actor.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import { TransitionRepository } from '../history/transition.repository.js';
import { TransitionService } from '../history/transition.service.js';
import { ListKind } from '../lists/list.entity.js';
import { ListRepository } from '../lists/list.repository.js';
import { OrgRoutingRepository } from '../lists/org-routing.repository.js';
import { postedListAudits } from '../lists/posted-lists.js';
import { accountForWithdrawn } from '../lists/withdrawn-entries.js';
import type { CampListDto } from './camp.dto.js';
import { CampRepository } from './camp.repository.js';

// The warden approves the camp's lists; they are posted in the camp (Luật Đặc xá 2018, Điều 15, khoản 4) and frozen,
// then sent to the managing department that the facility's kind routes to (Nghị định 76/2008/NĐ-CP, Điều 7, khoản 2, điểm b).
@Injectable()
export class CampListService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly transitions: TransitionService,
    private readonly heads: TransitionRepository,
    private readonly lists: ListRepository,
    private readonly camp: CampRepository,
    private readonly org: OrgRoutingRepository,
    private readonly audit: AuditService,
  ) {}

  async approveAndPost(user: SessionUser, dto: CampListDto, idempotencyKey?: string) {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: 'camp.lists', request: dto },
      async (manager) => {
        const department = await this.department(manager, actor);
        const applied = await this.transitions.applyMany(manager, {
          user,
          actor,
          event: WorkflowEvent.WARDEN_APPROVE,
          items: dto.dossiers.map((d) => ({ dossierId: d.dossierId, version: d.version })),
        });
        if (applied.some((a) => a.roundId !== dto.roundId || a.facilityId !== actor.unitId)) {
          throw new WorkflowException(
            'Danh sách chỉ gồm hồ sơ của trại mình trong đợt đã chọn.',
            WorkflowExceptionCode.GUARD_FAILED,
          );
        }
        const eligible = await this.lists.insertList(
          manager,
          {
            roundId: dto.roundId,
            kind: ListKind.CAMP_ELIGIBLE,
            fromStage: Stage.WARDEN,
            toStage: Stage.DEPARTMENT,
            ownerUnitId: actor.unitId,
            recipientUnitId: department,
            postedOn: dto.postedOn,
            createdBy: actor.id,
          },
          'SELECT x, NULL::text, NULL::text FROM unnest($1::uuid[]) AS x',
          [applied.map((a) => a.dossierId)],
        );
        const ineligibleIds = await this.camp.unlistedIneligible(manager, actor.unitId, dto.roundId);
        const ineligible =
          ineligibleIds.length === 0
            ? null
            : await this.lists.insertList(
                manager,
                {
                  roundId: dto.roundId,
                  kind: ListKind.CAMP_INELIGIBLE,
                  fromStage: Stage.CAMP_COUNCIL,
                  toStage: Stage.CAMP_INELIGIBLE,
                  ownerUnitId: actor.unitId,
                  recipientUnitId: null,
                  postedOn: dto.postedOn,
                  createdBy: actor.id,
                },
                `SELECT c.dossier_id, c.reason_code, c.reason FROM camp_council_decisions c WHERE c.dossier_id = ANY($1::uuid[])`,
                [ineligibleIds],
              );
        await this.audit.record(manager, postedListAudits(actor, [eligible, ineligible], dto.postedOn));
        return { eligible, ineligible };
      },
    );
  }

  async submit(user: SessionUser, listId: string, idempotencyKey?: string) {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: `lists.${listId}.submit`, request: null },
      async (manager) => {
        const list = await this.lists.findList(manager, listId);
        if (!list || list.ownerUnitId !== actor.unitId) throw new NotFoundException('danh sách');
        if (list.kind !== ListKind.CAMP_ELIGIBLE || list.submittedAt) {
          throw new WorkflowException(
            'Danh sách này đã được gửi hoặc không phải danh sách đề nghị của trại.',
            WorkflowExceptionCode.ALREADY_DECIDED,
          );
        }
        const entries: { dossierId: string }[] = await this.lists.entries(manager, listId);
        const heads = await this.heads.lockAll(
          manager,
          entries.map((e) => e.dossierId),
        );
        const applied = await this.transitions.applyMany(manager, {
          user,
          actor,
          event: WorkflowEvent.FORWARD,
          listId,
          items: heads.filter((h) => h.stage === Stage.POSTED).map((h) => ({ dossierId: h.id, version: h.version })),
        });
        await this.lists.submit(manager, { listId, recipientUnitId: list.recipientUnitId, submittedBy: actor.id });
        await accountForWithdrawn(manager, this.lists, {
          listId,
          heads,
          postedStage: Stage.POSTED,
          decidedBy: actor.id,
        });
        return { listId, code: list.code, submitted: applied.length, recipientUnitId: list.recipientUnitId };
      },
    );
  }

  private async department(manager: EntityManager, actor: WorkflowActor): Promise<string> {
    const facility = await this.org.unit(manager, actor.unitId);
    const department = facility ? await this.org.ancestorOfKind(manager, facility.id, 'DEPARTMENT') : null;
    if (
      !facility ||
      !facility.facilityKind ||
      !isFacilityKind(facility.facilityKind) ||
      !department ||
      !canReceive({
        facilityKind: facility.facilityKind,
        departmentKind: department.departmentKind ?? '',
        departmentMinistry: department.ministry ?? '',
      })
    ) {
      throw new WorkflowException(
        'Trại không có cơ quan quản lý phù hợp để nhận danh sách (Nghị định 76/2008/NĐ-CP, Điều 7, khoản 2, điểm b).',
        WorkflowExceptionCode.NO_RECIPIENT,
      );
    }
    return department.id;
  }
}
