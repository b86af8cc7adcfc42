import { Injectable } from '@nestjs/common';
import { NotFoundException, StaleWriteException, ValidationFailedException } from '../../common/app.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import { protectedRows } from '../../audit/protected-rows.js';
import { ScopedRecord, ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { WorkflowEvent } from '../core/events.js';
import { ReasonCode } from '../core/reason-codes.js';
import { Disposition } from '../core/reconciliation.js';
import { Stage } from '../core/stages.js';
import { workflowActorOf } from '../common/actor.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import { TransitionRepository } from '../history/transition.repository.js';
import { TransitionService } from '../history/transition.service.js';
import { ListKind } from '../lists/list.entity.js';
import { ListRepository } from '../lists/list.repository.js';
import type { PresidentDecisionDto, ReleaseDto } from './decision.dto.js';
import { DecisionRepository } from './decision.repository.js';

// The President's decision on amnesty (number, date, names) and the certificates it gives rise to
// (Luật Đặc xá 2018, Điều 17; Điều 18, khoản 3).
@Injectable()
export class PresidentDecisionService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly decisions: DecisionRepository,
    private readonly lists: ListRepository,
    private readonly transitions: TransitionService,
    private readonly heads: TransitionRepository,
    private readonly audit: AuditService,
    private readonly scope: ScopeService,
  ) {}

  async record(user: SessionUser, dto: PresidentDecisionDto, idempotencyKey?: string) {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: 'president.decision', request: dto },
      async (manager) => {
        const council = await this.lists.findList(manager, dto.councilListId);
        if (!council || council.kind !== ListKind.COUNCIL_ELIGIBLE)
          throw new NotFoundException('danh sách Hội đồng tư vấn đặc xá trình');
        if (await this.decisions.decidedFor(manager, council.id)) {
          throw new WorkflowException(
            'Quyết định của Chủ tịch nước cho danh sách này đã được ghi nhận.',
            WorkflowExceptionCode.ALREADY_DECIDED,
          );
        }
        const entries: { dossierId: string }[] = await this.lists.entries(manager, council.id);
        const notGranted = new Map((dto.notGranted ?? []).map((n) => [n.dossierId, n.reason]));
        const listed = new Set(entries.map((e) => e.dossierId));
        if ([...notGranted.keys()].some((id) => !listed.has(id))) {
          throw new WorkflowException(
            'Có tên không nằm trong danh sách Hội đồng trình.',
            WorkflowExceptionCode.GUARD_FAILED,
          );
        }
        const heads = await this.heads.lockAll(
          manager,
          entries.map((e) => e.dossierId),
        );
        const granted = await this.transitions.applyMany(manager, {
          user,
          actor,
          event: WorkflowEvent.GRANT,
          items: heads.filter((h) => !notGranted.has(h.id)).map((h) => ({ dossierId: h.id, version: h.version })),
        });
        await this.transitions.applyMany(manager, {
          user,
          actor,
          event: WorkflowEvent.NOT_GRANT,
          items: heads
            .filter((h) => notGranted.has(h.id))
            .map((h) => ({ dossierId: h.id, version: h.version, reason: notGranted.get(h.id) })),
        });
        const list = await this.lists.insertList(
          manager,
          {
            roundId: council.roundId,
            kind: ListKind.PRESIDENT_DECISION,
            fromStage: Stage.PRESIDENT,
            toStage: Stage.GRANTED,
            ownerUnitId: council.recipientUnitId,
            recipientUnitId: null,
            createdBy: actor.id,
          },
          'SELECT x, NULL::text, NULL::text FROM unnest($1::uuid[]) AS x',
          [granted.map((g) => g.dossierId)],
        );
        await this.lists.addSources(manager, list.id, [council.id]);
        await this.lists.disposeMany(
          manager,
          entries.map((e) => {
            const reason = notGranted.get(e.dossierId);
            return reason === undefined
              ? {
                  listId: council.id,
                  dossierId: e.dossierId,
                  disposition: Disposition.FORWARDED,
                  outgoingListId: list.id,
                  decidedBy: actor.id,
                }
              : {
                  listId: council.id,
                  dossierId: e.dossierId,
                  disposition: Disposition.REMOVED,
                  reasonCode: ReasonCode.OTHER,
                  reason,
                  decidedBy: actor.id,
                };
          }),
        );
        const decisionId = await this.decisions.insertDecision(manager, {
          roundId: council.roundId,
          number: dto.number,
          decisionDate: dto.decisionDate,
          councilListId: council.id,
          listId: list.id,
          recordedBy: actor.id,
        });
        const certificates = await this.decisions.insertCertificates(manager, {
          decisionId,
          number: dto.number,
          listId: list.id,
        });
        await this.audit.record(manager, {
          actor: { id: actor.id, name: actor.name },
          action: 'president.decision',
          entityType: 'president_decision',
          entityId: decisionId,
          after: {
            number: dto.number,
            decisionDate: dto.decisionDate,
            listId: list.id,
            granted: granted.length,
            notGranted: notGranted.size,
            contentHash: list.contentHash,
          },
          rows: protectedRows.list(list.id),
        });
        return {
          decisionId,
          listId: list.id,
          listCode: list.code,
          granted: granted.length,
          notGranted: notGranted.size,
          certificates,
        };
      },
    );
  }

  // The communes and military units with an account, one of which a certificate may name for the presentation.
  async presentationUnits(user: SessionUser) {
    workflowActorOf(user);
    return this.uow.read((manager) => this.decisions.presentationUnits(manager));
  }

  async certificates(user: SessionUser) {
    workflowActorOf(user);
    return this.uow.read((manager) =>
      this.decisions.certificates(manager, this.scope.filter(ScopedRecord.CERTIFICATE, user, 'c', 1)),
    );
  }

  // The camp releases the person and issues the certificate (Luật Đặc xá 2018, Điều 18, khoản 3).
  async release(user: SessionUser, certificateId: string, dto: ReleaseDto, idempotencyKey?: string) {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: `certificates.${certificateId}.release`, request: dto },
      async (manager) => {
        await this.scope.assertVisible(manager, user, ScopedRecord.CERTIFICATE, certificateId);
        const certificate = await this.decisions.certificate(manager, certificateId);
        if (!certificate) throw new NotFoundException('giấy chứng nhận đặc xá');
        const presentationUnit = dto.presentationUnitId
          ? await this.decisions.presentationUnit(manager, dto.presentationUnitId)
          : null;
        if (dto.presentationUnitId && !presentationUnit)
          throw new ValidationFailedException([
            {
              path: 'presentationUnitId',
              code: 'presentationUnitId',
              message:
                'Trường "presentationUnitId": không có Ủy ban nhân dân cấp xã hoặc đơn vị quân đội này trong hệ thống; bỏ trống nếu nơi người được đặc xá trình diện chưa có tài khoản.',
            },
          ]);
        const applied = await this.transitions.apply(manager, {
          user,
          actor,
          event: WorkflowEvent.RELEASE,
          item: { dossierId: certificate.dossierId, version: dto.dossierVersion },
        });
        if (
          !(await this.decisions.release(manager, {
            id: certificateId,
            version: dto.version,
            releasedOn: dto.releasedOn,
            issuedBy: actor.id,
            presentationUnitId: presentationUnit?.id ?? null,
          }))
        ) {
          throw new StaleWriteException('Giấy chứng nhận đặc xá', dto.version, certificate.version);
        }
        await this.audit.record(manager, {
          actor: { id: actor.id, name: actor.name },
          action: 'certificate.issue',
          entityType: 'amnesty_certificate',
          entityId: certificateId,
          after: {
            number: certificate.number,
            releasedOn: dto.releasedOn,
            presentationUnitId: presentationUnit?.id ?? null,
          },
        });
        return {
          certificateId,
          number: certificate.number,
          releasedOn: dto.releasedOn,
          presentationUnit,
          version: dto.version + 1,
          dossierVersion: applied.version,
        };
      },
    );
  }
}
