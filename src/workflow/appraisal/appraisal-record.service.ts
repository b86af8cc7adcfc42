import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { ScopedRecord, ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { NotFoundException } from '../../common/app.exception.js';
import { canonicalHash } from '../../kernel/hash.js';
import { buildAppraisalRecord } from '../core/appraisal-team.js';
import { WorkflowRole } from '../core/roles.js';
import { workflowActorOf } from '../common/actor.js';
import { WorkflowRoundRepository } from '../common/round.repository.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import type { AppraisalRecordDto } from './appraisal.dto.js';
import { AppraisalRecordRepository, type AppraisalRecordRow } from './appraisal-record.repository.js';

// The appraisal team draws its record (biên bản thẩm định) over every name before it in a round: the camps' proposed
// names and their ineligible lists, each with every required agency's position (Luật Đặc xá 2018, Điều 10, khoản 3;
// Điều 16, khoản 2; Nghị định 52/2019/NĐ-CP, Điều 8, khoản 3). It is frozen and hashed when drawn.
@Injectable()
export class AppraisalRecordService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: AppraisalRecordRepository,
    private readonly rounds: WorkflowRoundRepository,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async draw(user: SessionUser, dto: AppraisalRecordDto, idempotencyKey?: string): Promise<AppraisalRecordRow> {
    const actor = workflowActorOf(user);
    if (actor.role !== WorkflowRole.APPRAISER)
      throw new WorkflowException(
        'Chỉ thành viên Tổ thẩm định liên ngành lập biên bản thẩm định.',
        WorkflowExceptionCode.ROLE_NOT_ALLOWED,
      );
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: 'appraisal.record', request: dto },
      async (m) => {
        const rules = await this.rounds.rules(m, dto.roundId);
        const persons = await this.repository.persons(
          m,
          dto.roundId,
          this.scope.filter(ScopedRecord.APPRAISED_DOSSIER, user, 'd', 2),
        );
        const opinions = await this.repository.opinions(
          m,
          persons.map((p) => p.dossierId),
        );
        const record = buildAppraisalRecord({
          requiredAgencies: rules.appraisalTeam,
          conclusion: rules.appraisalConclusion,
          persons,
          opinions,
        });
        if (!record.ok) {
          const field = rules.appraisalTeam === null ? 'appraisal.requiredAgencies' : 'opinions';
          throw new WorkflowException(record.message, WorkflowExceptionCode.GUARD_FAILED, [
            { path: field, code: persons.length === 0 ? 'empty' : 'missing', message: record.message },
          ]);
        }
        const content = {
          roundCode: rules.code,
          requiredAgencies: record.requiredAgencies,
          conclusion: record.conclusion,
          eligible: record.eligible,
          ineligible: record.ineligible,
        };
        const contentHash = canonicalHash(content);
        const id = await this.repository.insert(m, {
          roundId: dto.roundId,
          content,
          dossierIds: persons.map((p) => p.dossierId),
          eligibleCount: record.eligible.length,
          ineligibleCount: record.ineligible.length,
          contentHash,
          createdBy: actor.id,
        });
        await this.audit.record(m, {
          actor: { id: actor.id, name: actor.name },
          action: 'appraisal.record',
          entityType: 'appraisal_record',
          entityId: id,
          after: {
            roundId: dto.roundId,
            eligible: record.eligible.length,
            ineligible: record.ineligible.length,
            contentHash,
          },
        });
        return (await this.repository.find(m, id))!;
      },
    );
  }

  async get(user: SessionUser, id: string): Promise<AppraisalRecordRow> {
    workflowActorOf(user);
    return this.uow.read(async (m) => {
      await this.scope.assertVisible(m, user, ScopedRecord.APPRAISAL_RECORD, id);
      const row = await this.repository.find(m, id);
      if (!row) throw new NotFoundException('biên bản thẩm định');
      return row;
    });
  }

  async list(user: SessionUser, roundId: string | null) {
    workflowActorOf(user);
    return this.uow.read((m) =>
      this.repository.ofRound(m, roundId, this.scope.filter(ScopedRecord.APPRAISAL_RECORD, user, 'a', 2)),
    );
  }
}
