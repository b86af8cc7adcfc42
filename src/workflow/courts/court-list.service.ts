import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { NotFoundException } from '../../common/app.exception.js';
import { workflowActorOf } from '../common/actor.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import { WorkflowEvent } from '../core/events.js';
import { Stage } from '../core/stages.js';
import { TransitionRepository } from '../history/transition.repository.js';
import { TransitionService } from '../history/transition.service.js';
import { ListKind } from '../lists/list.entity.js';
import { ListRepository } from '../lists/list.repository.js';
import { OrgRoutingRepository } from '../lists/org-routing.repository.js';
import { postedListAudits } from '../lists/posted-lists.js';
import { accountForWithdrawn } from '../lists/withdrawn-entries.js';
import type { CourtListDto } from './court.dto.js';
import { COURT_REJECTION_ROWS, CourtRepository } from './court.repository.js';

// The court president approves the court's list of persons on suspension; it is posted (Luật Đặc xá 2018, Điều 15,
// khoản 4), frozen, and, once the procuracy is notified (khoản 5), sent to the appraisal team directly (khoản 3).
@Injectable()
export class CourtListService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly transitions: TransitionService,
    private readonly heads: TransitionRepository,
    private readonly lists: ListRepository,
    private readonly org: OrgRoutingRepository,
    private readonly court: CourtRepository,
    private readonly audit: AuditService,
  ) {}

  async approveAndPost(user: SessionUser, dto: CourtListDto, idempotencyKey?: string) {
    const actor = workflowActorOf(user);
    return this.uow.run({ userId: actor.id, key: idempotencyKey, scope: 'court.lists', request: dto }, async (m) => {
      const team = await this.appraisalTeam(m);
      const applied = await this.transitions.applyMany(m, {
        user,
        actor,
        event: WorkflowEvent.COURT_APPROVE,
        items: dto.dossiers.map((d) => ({ dossierId: d.dossierId, version: d.version })),
      });
      if (applied.some((a) => a.roundId !== dto.roundId || a.facilityId !== actor.unitId)) {
        throw new WorkflowException(
          'Danh sách chỉ gồm hồ sơ do Tòa án mình lập trong đợt đã chọn.',
          WorkflowExceptionCode.GUARD_FAILED,
        );
      }
      const posted = {
        roundId: dto.roundId,
        ownerUnitId: actor.unitId,
        postedOn: dto.postedOn,
        createdBy: actor.id,
      };
      const list = await this.lists.insertList(
        m,
        {
          ...posted,
          kind: ListKind.COURT,
          fromStage: Stage.COURT_REVIEW,
          toStage: Stage.APPRAISAL,
          recipientUnitId: team,
        },
        'SELECT x, NULL::text, NULL::text FROM unnest($1::uuid[]) AS x',
        [applied.map((a) => a.dossierId)],
      );
      // The names the president left off are posted beside it with their reasons (Điều 15, khoản 4), and go up with
      // it: like a camp's ineligible list it is addressed to no one by itself.
      const leftOff = await this.court.unlistedIneligible(m, actor.unitId, dto.roundId);
      const ineligible = leftOff.length
        ? await this.lists.insertList(
            m,
            {
              ...posted,
              kind: ListKind.COURT_INELIGIBLE,
              fromStage: Stage.COURT_REVIEW,
              toStage: Stage.COURT_INELIGIBLE,
              recipientUnitId: null,
            },
            COURT_REJECTION_ROWS,
            [leftOff],
          )
        : null;
      await this.audit.record(m, postedListAudits(actor, [list, ineligible], dto.postedOn));
      return { ...list, ineligible };
    });
  }

  async submit(user: SessionUser, listId: string, idempotencyKey?: string) {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: `court.lists.${listId}.submit`, request: null },
      async (m) => {
        const list = await this.lists.findList(m, listId);
        if (!list || list.ownerUnitId !== actor.unitId || list.kind !== ListKind.COURT)
          throw new NotFoundException('danh sách của Tòa án');
        if (list.submittedAt)
          throw new WorkflowException(
            'Danh sách này đã được gửi Tổ thẩm định liên ngành.',
            WorkflowExceptionCode.ALREADY_DECIDED,
          );
        const entries: { dossierId: string }[] = await this.lists.entries(m, listId);
        const heads = await this.heads.lockAll(
          m,
          entries.map((e) => e.dossierId),
        );
        const applied = await this.transitions.applyMany(m, {
          user,
          actor,
          event: WorkflowEvent.FORWARD,
          listId,
          items: heads
            .filter((h) => h.stage === Stage.COURT_POSTED)
            .map((h) => ({ dossierId: h.id, version: h.version })),
        });
        await this.lists.submit(m, { listId, recipientUnitId: list.recipientUnitId, submittedBy: actor.id });
        await accountForWithdrawn(m, this.lists, {
          listId,
          heads,
          postedStage: Stage.COURT_POSTED,
          decidedBy: actor.id,
        });
        return { listId, code: list.code, submitted: applied.length, recipientUnitId: list.recipientUnitId };
      },
    );
  }

  private async appraisalTeam(m: EntityManager): Promise<string> {
    const team = await this.org.nationalBody(m, 'APPRAISAL_TEAM');
    if (!team)
      throw new WorkflowException(
        'Sơ đồ tổ chức chưa có Tổ thẩm định liên ngành để nhận danh sách của Tòa án (Luật Đặc xá 2018, Điều 15, khoản 3).',
        WorkflowExceptionCode.NO_RECIPIENT,
      );
    return team.id;
  }
}
