import { Injectable } from '@nestjs/common';
import { ValidationFailedException, type FieldError } from '../../common/app.exception.js';
import { ScopeService } from '../../auth/scope.service.js';
import { Clock } from '../../common/clock.js';
import type { SessionUser } from '../../auth/session-user.js';
import { WorkflowEvent } from '../core/events.js';
import { workflowActorOf, type WorkflowActor } from '../common/actor.js';
import { meetingRecordOf } from '../common/meeting-record.dto.js';
import { AuditService } from '../../audit/audit.service.js';
import type { EntityManager } from 'typeorm';
import { UnitOfWork } from '../common/unit-of-work.js';
import { TransitionService } from '../history/transition.service.js';
import type { CouncilDecisionsDto } from './camp.dto.js';
import { CampRepository, type EngineResult } from './camp.repository.js';

const ENGINE_LABEL: Record<string, string> = {
  ELIGIBLE: 'đủ điều kiện',
  INELIGIBLE: 'không đủ điều kiện',
  NEEDS_REVIEW: 'cần xem xét',
};

// A decision departs from the engine when it says the opposite, or when there is no engine result to agree with.
export function departsFromEngine(eligible: boolean, engine: EngineResult | undefined): boolean {
  if (!engine?.outcome) return true;
  return (eligible && engine.outcome === 'INELIGIBLE') || (!eligible && engine.outcome === 'ELIGIBLE');
}

// The camp council's decision per candidate, beside the engine's result (Nghị định 76/2008/NĐ-CP, Điều 7, khoản 2, điểm a).
@Injectable()
export class CampCouncilService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly camp: CampRepository,
    private readonly transitions: TransitionService,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async candidates(user: SessionUser, roundId: string) {
    // Refuses accounts outside the pipeline before anything is read.
    workflowActorOf(user);
    return this.uow.read(async (manager) => {
      const rows = await this.camp.candidates(manager, this.scope.dossierFilter(user, 'd', 2), roundId);
      return rows.map((r: { engineOutcome: string | null }) => ({
        ...r,
        engineLabel: r.engineOutcome ? ENGINE_LABEL[r.engineOutcome] : 'chưa xét',
      }));
    });
  }

  async decide(user: SessionUser, dto: CouncilDecisionsDto, idempotencyKey?: string) {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: 'camp.council', request: dto },
      async (manager) => {
        const engine = await this.camp.engineResults(
          manager,
          dto.decisions.map((d) => d.dossierId),
        );
        const errors: FieldError[] = [];
        const meetingDate = dto.meetingDate ?? this.clock.today();
        if (meetingDate > this.clock.today())
          errors.push({
            path: 'meetingDate',
            code: 'futureMeetingDate',
            message: 'Trường "meetingDate": ngày họp Hội đồng không được sau ngày hôm nay.',
          });
        const rows = dto.decisions.map((d, i) => {
          const departs = departsFromEngine(d.eligible, engine.get(d.dossierId));
          if (departs && (d.reason ?? '').trim().length < 5) {
            const e = engine.get(d.dossierId);
            errors.push({
              path: `decisions[${i}].reason`,
              code: 'departureReason',
              message: e?.outcome
                ? `Quyết định khác kết quả xét tự động (${ENGINE_LABEL[e.outcome]}): phải ghi rõ lý do.`
                : 'Hồ sơ chưa có kết quả xét tự động: phải ghi rõ căn cứ quyết định.',
            });
          }
          return { ...d, departs, path: `decisions[${i}]` };
        });
        if (errors.length > 0) throw new ValidationFailedException(errors);
        const applied = [];
        for (const eligible of [true, false]) {
          applied.push(
            ...(await this.transitions.applyMany(manager, {
              user,
              actor,
              event: eligible ? WorkflowEvent.COUNCIL_ELIGIBLE : WorkflowEvent.COUNCIL_INELIGIBLE,
              items: rows
                .filter((r) => r.eligible === eligible)
                .map((r) => ({
                  dossierId: r.dossierId,
                  version: r.version,
                  reason: r.reason,
                  reasonCode: r.reasonCode,
                  path: r.path,
                })),
            })),
          );
        }
        const round = new Map(applied.map((a) => [a.dossierId, a.roundId]));
        await this.camp.insertDecisions(
          manager,
          rows.map((r) => ({
            dossierId: r.dossierId,
            roundId: round.get(r.dossierId)!,
            eligible: r.eligible,
            reasonCode: r.reasonCode ?? null,
            reason: r.reason ?? null,
            engine: engine.get(r.dossierId),
            departs: r.departs,
            decidedBy: actor.id,
            meetingDate,
          })),
        );
        if (dto.record) await this.recordMeeting(manager, actor, dto, meetingDate);
        return applied.map((a) => ({ dossierId: a.dossierId, fullName: a.fullName, stage: a.to, version: a.version }));
      },
    );
  }

  // The meeting's record for its minutes, one per facility, round and day: a later batch of the same day may complete
  // or correct it (audited with what it replaced), never a silent second copy.
  private async recordMeeting(
    manager: EntityManager,
    actor: WorkflowActor,
    dto: CouncilDecisionsDto,
    meetingDate: string,
  ): Promise<void> {
    const record = meetingRecordOf(dto.record);
    for (const key of await this.camp.facilityRounds(
      manager,
      dto.decisions.map((d) => d.dossierId),
    )) {
      const existing = await this.camp.meetingForUpdate(manager, { ...key, meetingDate });
      const id =
        existing?.id ?? (await this.camp.insertMeeting(manager, { ...key, meetingDate, record, recordedBy: actor.id }));
      if (existing) await this.camp.updateMeeting(manager, existing.id, record, actor.id);
      await this.audit.record(manager, {
        actor: { id: actor.id, name: actor.name },
        action: existing ? 'camp_council.meeting_correct' : 'camp_council.meeting_record',
        entityType: 'camp_council_meeting',
        entityId: id,
        before: existing ? { record: existing.record } : undefined,
        after: { ...key, meetingDate, record },
      });
    }
  }
}
