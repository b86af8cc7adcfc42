import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { ScopedRecord, ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { ValidationFailedException } from '../../common/app.exception.js';
import { Clock } from '../../common/clock.js';
import { isForeignNationality } from '../../kernel/nationality.js';
import { workflowActorOf } from '../common/actor.js';
import { WorkflowRoundRepository } from '../common/round.repository.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import { FOREIGN_MINISTRY_CITATION, foreignMinistryNoticeProblem } from '../core/foreign-ministry.js';
import type { RecordForeignMinistryNoticeDto } from './foreign-ministry-notice.dto.js';
import {
  ForeignMinistryNoticeRepository,
  type DecisionEntryRow,
  type ForeignMinistryNoticeRow,
} from './foreign-ministry-notice.repository.js';

// What the list page shows: whether the round asks for the notice, the notices recorded, the foreigners still to notify.
export interface ForeignMinistryPanel {
  enabled: boolean;
  citation: string;
  notices: ForeignMinistryNoticeRow[];
  pending: DecisionEntryRow[];
}

// The Council's standing officer records the notice to the Ministry of Foreign Affairs of the foreigners on a President's
// decision, where the round asks for it (foreigners.notifyForeignMinistry; workflow/core/foreign-ministry.ts).
@Injectable()
export class ForeignMinistryNoticeService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: ForeignMinistryNoticeRepository,
    private readonly rounds: WorkflowRoundRepository,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async record(
    user: SessionUser,
    dto: RecordForeignMinistryNoticeDto,
    idempotencyKey?: string,
  ): Promise<ForeignMinistryNoticeRow> {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: 'foreign-ministry-notices', request: dto },
      async (m) => {
        await this.scope.assertVisible(m, user, ScopedRecord.LIST, dto.listId);
        const decision = await this.repository.decisionOfList(m, dto.listId);
        if (!decision)
          throw new WorkflowException(
            'Thông báo cho Bộ Ngoại giao được lập cho danh sách kèm Quyết định đặc xá của Chủ tịch nước.',
            WorkflowExceptionCode.INVALID_TRANSITION,
          );
        const entries = await this.repository.entries(m, dto.listId);
        const problem = foreignMinistryNoticeProblem({
          enabled: (await this.rounds.rules(m, decision.roundId)).notifyForeignMinistry,
          notifiedOn: dto.notifiedOn,
          decisionDate: decision.decisionDate,
          today: this.clock.today(),
          dossierIds: dto.dossierIds,
          foreigners: new Set(entries.filter((e) => isForeignNationality(e.nationality)).map((e) => e.dossierId)),
          alreadyNotified: new Set(entries.filter((e) => e.noticeId).map((e) => e.dossierId)),
        });
        if (problem)
          throw new ValidationFailedException([{ path: problem.field, code: problem.field, message: problem.message }]);
        const id = await this.repository.insert(m, {
          roundId: decision.roundId,
          decisionId: decision.id,
          listId: dto.listId,
          number: dto.number,
          notifiedOn: dto.notifiedOn,
          recordedBy: actor.id,
          dossierIds: dto.dossierIds,
        });
        await this.audit.record(m, {
          actor: { id: actor.id, name: actor.name },
          action: 'foreign-ministry.notice',
          entityType: 'foreign_ministry_notice',
          entityId: id,
          after: { listId: dto.listId, number: dto.number, notifiedOn: dto.notifiedOn, dossierIds: dto.dossierIds },
        });
        return (await this.repository.find(m, id))!;
      },
    );
  }

  async list(user: SessionUser, roundId: string | null): Promise<ForeignMinistryNoticeRow[]> {
    workflowActorOf(user);
    return this.uow.read((m) =>
      this.repository.visible(m, roundId, this.scope.filter(ScopedRecord.FOREIGN_MINISTRY_NOTICE, user, 'n', 2)),
    );
  }

  // For a President's decision list the caller reads: null for any other list.
  async panel(user: SessionUser, listId: string): Promise<ForeignMinistryPanel | null> {
    return this.uow.read(async (m) => {
      await this.scope.assertVisible(m, user, ScopedRecord.LIST, listId);
      const decision = await this.repository.decisionOfList(m, listId);
      if (!decision) return null;
      const entries = await this.repository.entries(m, listId);
      return {
        enabled: (await this.rounds.rules(m, decision.roundId)).notifyForeignMinistry,
        citation: FOREIGN_MINISTRY_CITATION,
        notices: await this.repository.ofList(m, listId),
        pending: entries.filter((e) => isForeignNationality(e.nationality) && !e.noticeId),
      };
    });
  }
}
