import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { protectedRows } from '../../audit/protected-rows.js';
import { ScopedRecord, ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { NotFoundException, StaleWriteException, ValidationFailedException } from '../../common/app.exception.js';
import { Clock } from '../../common/clock.js';
import { formatIsoVi } from '../../kernel/calendar-date.js';
import {
  ComplaintLevel,
  ComplaintOutcome,
  complaintTarget,
  decisionDueOn,
  type ComplaintFiling,
} from '../core/complaints.js';
import { WorkflowEvent } from '../core/events.js';
import { Stage } from '../core/stages.js';
import { workflowActorOf } from '../common/actor.js';
import { WorkflowRoundRepository } from '../common/round.repository.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import { TransitionService } from '../history/transition.service.js';
import { ListKind } from '../lists/list.entity.js';
import { ListRepository } from '../lists/list.repository.js';
import { OrgRoutingRepository } from '../lists/org-routing.repository.js';
import type { ComplaintQueryDto, DecideComplaintDto, FileComplaintDto } from './complaint.dto.js';
import { ComplaintRepository } from './complaint.repository.js';
import { complaintView, type ComplaintView } from './complaint.view.js';

// Complaints of persons left off the eligible list (Luật Đặc xá 2018, Điều 36, khoản 3; Điều 37). Every change of
// the dossier's stage goes through the transition table; the complaint row records what the table cannot hold (the
// complaint's text, its decision and reasons), in the same transaction, with an audit row for each.
@Injectable()
export class ComplaintService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: ComplaintRepository,
    private readonly transitions: TransitionService,
    private readonly rounds: WorkflowRoundRepository,
    private readonly lists: ListRepository,
    private readonly org: OrgRoutingRepository,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async file(user: SessionUser, dto: FileComplaintDto, idempotencyKey?: string): Promise<ComplaintView> {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: 'complaints.file', request: dto },
      async (m) => {
        const dossier = await this.repository.dossier(m, dto.dossierId, this.scope.dossierFilter(user, 'd', 2));
        if (!dossier) throw new NotFoundException('hồ sơ');
        this.notAfterToday('receivedOn', 'Ngày nhận đơn', dto.receivedOn);
        const level = dossier.stage === Stage.COMPLAINT_REJECTED ? ComplaintLevel.SECOND : ComplaintLevel.FIRST;
        const first =
          level === ComplaintLevel.SECOND
            ? (await this.repository.ofDossier(m, dossier.id)).find((c) => c.level === ComplaintLevel.FIRST)
            : undefined;
        const { complaints: periods } = await this.rounds.rules(m, dossier.roundId);
        const filing: ComplaintFiling = {
          level,
          receivedOn: dto.receivedOn,
          startsOn: first ? first.decidedOn : await this.repository.postedOn(m, dossier.facilityId, dossier.roundId),
          periods,
        };
        await this.transitions.apply(m, {
          user,
          actor,
          event: level === ComplaintLevel.SECOND ? WorkflowEvent.ESCALATE_COMPLAINT : WorkflowEvent.FILE_COMPLAINT,
          item: { dossierId: dossier.id, version: dto.version, context: { complaintFiling: filing } },
        });
        const decidingUnitId = await this.decidingUnit(m, level, dossier.facilityId, dossier.heldAtCourt);
        const id = await this.repository.insert(m, {
          dossierId: dossier.id,
          roundId: dossier.roundId,
          facilityId: dossier.facilityId,
          level,
          firstComplaintId: first?.id ?? null,
          decidingUnitId,
          receivedOn: dto.receivedOn,
          complainant: dto.complainant,
          complainantName: dto.complainantName,
          content: dto.content,
          dueOn: decisionDueOn(level, dto.receivedOn, periods),
          recordedBy: actor.id,
        });
        const view = await this.view(m, id);
        await this.audit.record(m, {
          actor: { id: actor.id, name: actor.name },
          action: 'complaint.filed',
          entityType: 'complaint',
          entityId: id,
          after: {
            dossierId: dossier.id,
            level,
            receivedOn: dto.receivedOn,
            complainant: dto.complainant,
            complainantName: dto.complainantName,
            decidingUnitId,
            dueOn: view.dueOn,
          },
        });
        return view;
      },
    );
  }

  async decide(
    user: SessionUser,
    id: string,
    dto: DecideComplaintDto,
    idempotencyKey?: string,
  ): Promise<ComplaintView> {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: `complaints.${id}.decide`, request: dto },
      async (m) => {
        await this.scope.assertVisible(m, user, ScopedRecord.COMPLAINT, id);
        const complaint = (await this.repository.find(m, id))!;
        if (complaint.outcome)
          throw new WorkflowException('Khiếu nại này đã được giải quyết.', WorkflowExceptionCode.ALREADY_DECIDED);
        if (complaint.version !== dto.version)
          throw new StaleWriteException('Khiếu nại', dto.version, complaint.version);
        this.notAfterToday('decidedOn', 'Ngày quyết định', dto.decidedOn);
        if (dto.decidedOn < complaint.receivedOn) {
          throw new ValidationFailedException([
            {
              path: 'decidedOn',
              code: 'decidedOn',
              message: `Ngày quyết định không được trước ngày nhận đơn (${formatIsoVi(complaint.receivedOn)}).`,
            },
          ]);
        }
        const target = dto.accept
          ? complaintTarget(
              await this.repository.stagesReached(m, complaint.facilityId, complaint.roundId),
              complaint.heldAtCourt ? Stage.APPRAISAL : Stage.DEPARTMENT,
            )
          : undefined;
        const applied = await this.transitions.apply(m, {
          user,
          actor,
          event: dto.accept ? WorkflowEvent.ACCEPT_COMPLAINT : WorkflowEvent.REJECT_COMPLAINT,
          item: {
            dossierId: complaint.dossierId,
            version: dto.dossierVersion,
            reason: dto.reason,
            context: { complaintTarget: target },
          },
        });
        const listId = dto.accept ? await this.carryOn(m, actor, applied) : null;
        const written = await this.repository.decide(m, {
          id,
          version: dto.version,
          outcome: dto.accept ? ComplaintOutcome.ACCEPTED : ComplaintOutcome.REJECTED,
          reason: dto.reason,
          decidedOn: dto.decidedOn,
          decidedBy: actor.id,
          targetStage: dto.accept ? applied.to : null,
          listId,
        });
        if (!written) throw new StaleWriteException('Khiếu nại', dto.version);
        await this.audit.record(m, {
          actor: { id: actor.id, name: actor.name },
          action: 'complaint.decided',
          entityType: 'complaint',
          entityId: id,
          before: { outcome: null, version: dto.version },
          after: {
            outcome: dto.accept ? ComplaintOutcome.ACCEPTED : ComplaintOutcome.REJECTED,
            decidedOn: dto.decidedOn,
            stage: applied.to,
            listId,
            version: dto.version + 1,
          },
          reason: dto.reason,
          // The one-name list an accepted complaint wrote is evidence like every list.
          ...(listId ? { rows: protectedRows.list(listId) } : {}),
        });
        return this.view(m, id);
      },
    );
  }

  async list(user: SessionUser, query: ComplaintQueryDto): Promise<ComplaintView[]> {
    workflowActorOf(user);
    return this.uow.read(async (m) => {
      const rows = await this.repository.visible(m, {
        roundId: query.roundId ?? null,
        open: query.open === undefined ? null : query.open === 'true',
        level: query.level ?? null,
        filter: this.scope.filter(ScopedRecord.COMPLAINT, user, 'c', 4),
      });
      const today = this.clock.today();
      return rows.map((r) => complaintView(r, today));
    });
  }

  async get(user: SessionUser, id: string): Promise<ComplaintView> {
    workflowActorOf(user);
    return this.uow.read(async (m) => {
      await this.scope.assertVisible(m, user, ScopedRecord.COMPLAINT, id);
      return this.view(m, id);
    });
  }

  // The complaints of one dossier, for its page (the caller already reads the dossier).
  async ofDossier(m: EntityManager, dossierId: string): Promise<ComplaintView[]> {
    const today = this.clock.today();
    return (await this.repository.ofDossier(m, dossierId)).map((r) => complaintView(r, today));
  }

  private async view(m: EntityManager, id: string): Promise<ComplaintView> {
    const row = await this.repository.find(m, id);
    if (!row) throw new NotFoundException('khiếu nại');
    return complaintView(row, this.clock.today());
  }

  private notAfterToday(path: string, label: string, date: string) {
    const today = this.clock.today();
    if (date > today)
      throw new ValidationFailedException([
        {
          path,
          code: path,
          message: `${label} (${formatIsoVi(date)}) không được sau ngày hôm nay (${formatIsoVi(today)}).`,
        },
      ]);
  }

  // The first complaint is decided by whoever made the list (the head of the facility, the court president), the second
  // by the Minister of the facility's ministry or, for a court's list, the Chief Justice (Luật Đặc xá 2018, Điều 37).
  private async decidingUnit(
    m: EntityManager,
    level: ComplaintLevel,
    facilityId: string,
    heldAtCourt: boolean,
  ): Promise<string> {
    if (level === ComplaintLevel.FIRST) return facilityId;
    const decider = heldAtCourt
      ? await this.org.nationalBody(m, 'SUPREME_COURT')
      : await this.org.ancestorOfKind(m, facilityId, 'MINISTRY');
    if (!decider)
      throw new WorkflowException(
        heldAtCourt
          ? 'Sơ đồ tổ chức chưa có Tòa án nhân dân tối cao để giải quyết khiếu nại lần hai (Luật Đặc xá 2018, Điều 37, khoản 2).'
          : 'Không xác định được Bộ quản lý cơ sở giam giữ để giải quyết khiếu nại lần hai.',
        WorkflowExceptionCode.NO_RECIPIENT,
      );
    return decider.id;
  }

  // The name travels as a one-name list to the unit holding the level its facility's list has reached, so that unit
  // forwards it with the rest and lineage and reconciliation still hold.
  private async carryOn(
    m: EntityManager,
    actor: { id: string; unitId: string },
    applied: { dossierId: string; facilityId: string; roundId: string; from: Stage; to: Stage },
  ): Promise<string> {
    const recipient = await this.org.holderOf(m, applied.facilityId, applied.to);
    if (!recipient)
      throw new WorkflowException('Không xác định được cơ quan nhận hồ sơ.', WorkflowExceptionCode.NO_RECIPIENT);
    const list = await this.lists.sendOne(
      m,
      {
        roundId: applied.roundId,
        kind: ListKind.COMPLAINT,
        fromStage: applied.from,
        toStage: applied.to,
        ownerUnitId: actor.unitId,
        recipientUnitId: recipient.id,
        createdBy: actor.id,
      },
      applied.dossierId,
    );
    return list.id;
  }
}
