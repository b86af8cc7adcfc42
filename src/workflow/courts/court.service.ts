import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { ScopedRecord, ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { NotFoundException } from '../../common/app.exception.js';
import { workflowActorOf } from '../common/actor.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import { WorkflowEvent } from '../core/events.js';
import { TransitionService } from '../history/transition.service.js';
import type { CourtProposalDto, CourtRejectionDto } from './court.dto.js';
import { CourtRepository, type CourtListRow, type CourtProposalRow } from './court.repository.js';

// The court's officer records the court's proposal for a person on suspension together with the commune's or military
// unit's comment on conduct, and the dossier enters the court's list for its president (Luật Đặc xá 2018, Điều 14,
// khoản 5; Điều 15, khoản 3). The transition table's guard reads the stored record, so no proposal, no entry.
@Injectable()
export class CourtService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: CourtRepository,
    private readonly transitions: TransitionService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async propose(user: SessionUser, dto: CourtProposalDto, idempotencyKey?: string): Promise<CourtProposalRow> {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: 'court.proposals', request: dto },
      async (m) => {
        await this.scope.assertVisible(m, user, ScopedRecord.DOSSIER, dto.dossierId);
        const head = await this.repository.head(m, dto.dossierId);
        if (!head || head.facilityId !== actor.unitId || head.facilityKind !== 'COURT')
          throw new NotFoundException('hồ sơ của Tòa án');
        const id = await this.repository.insert(m, {
          dossierId: head.id,
          roundId: head.roundId,
          courtUnitId: actor.unitId,
          proposalNumber: dto.proposalNumber,
          proposedOn: dto.proposedOn,
          proposal: dto.proposal,
          commentIssuer: dto.conductComment.issuer,
          commentIssuerKind: dto.conductComment.issuerKind,
          commentNumber: dto.conductComment.number ?? null,
          commentDate: dto.conductComment.date,
          comment: dto.conductComment.text,
          lawfulConduct: dto.conductComment.lawfulConduct,
          recordedBy: actor.id,
        });
        await this.transitions.apply(m, {
          user,
          actor,
          event: WorkflowEvent.COURT_PROPOSE,
          item: { dossierId: head.id, version: dto.version },
        });
        await this.audit.record(m, {
          actor: { id: actor.id, name: actor.name },
          action: 'court.proposal',
          entityType: 'court_proposal',
          entityId: id,
          after: {
            dossierId: head.id,
            proposalNumber: dto.proposalNumber,
            proposedOn: dto.proposedOn,
            commentIssuer: dto.conductComment.issuer,
            commentIssuerKind: dto.conductComment.issuerKind,
            lawfulConduct: dto.conductComment.lawfulConduct,
          },
        });
        return (await this.repository.find(m, id))!;
      },
    );
  }

  // The president leaves a person off the court's list with a coded reason.
  async reject(user: SessionUser, dossierId: string, dto: CourtRejectionDto, idempotencyKey?: string) {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: `court.${dossierId}.reject`, request: dto },
      async (m) => {
        await this.scope.assertVisible(m, user, ScopedRecord.DOSSIER, dossierId);
        const head = await this.repository.head(m, dossierId);
        if (!head || head.facilityId !== actor.unitId) throw new NotFoundException('hồ sơ của Tòa án');
        if (head.facilityKind !== 'COURT')
          throw new WorkflowException('Hồ sơ không thuộc danh sách của Tòa án.', WorkflowExceptionCode.GUARD_FAILED);
        return this.transitions.apply(m, {
          user,
          actor,
          event: WorkflowEvent.COURT_REJECT,
          item: { dossierId, version: dto.version, reasonCode: dto.reasonCode, reason: dto.reason },
        });
      },
    );
  }

  async list(user: SessionUser, roundId: string | null): Promise<CourtProposalRow[]> {
    workflowActorOf(user);
    return this.uow.read((m) =>
      this.repository.visible(m, roundId, this.scope.filter(ScopedRecord.COURT_PROPOSAL, user, 'p', 2)),
    );
  }

  // The court's own lists, for its page.
  async lists(user: SessionUser): Promise<CourtListRow[]> {
    const actor = workflowActorOf(user);
    return this.uow.read((m) => this.repository.lists(m, actor.unitId));
  }
}
