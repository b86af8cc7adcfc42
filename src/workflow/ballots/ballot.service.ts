import { Injectable } from '@nestjs/common';
import { NotFoundException, ValidationFailedException } from '../../common/app.exception.js';
import type { SessionUser } from '../../auth/session-user.js';
import { AuditService } from '../../audit/audit.service.js';
import { ScopedRecord, ScopeService } from '../../auth/scope.service.js';
import { meetingRecordOf } from '../common/meeting-record.dto.js';
import { describeThreshold, describeThresholdWithBasis, evaluateBallot } from '../core/ballot.js';
import { WorkflowEvent } from '../core/events.js';
import { workflowActorOf } from '../common/actor.js';
import { WorkflowRoundRepository } from '../common/round.repository.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import { TransitionService } from '../history/transition.service.js';
import type { TeamMeetingDto } from './ballot.dto.js';
import { BallotRepository } from './ballot.repository.js';

// Records the minutes of a team's secret ballot and moves each candidate on, or stops them, by the round's threshold
// (Nghị định 76/2008/NĐ-CP, Điều 7, khoản 1).
@Injectable()
export class BallotService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly ballots: BallotRepository,
    private readonly rounds: WorkflowRoundRepository,
    private readonly transitions: TransitionService,
    private readonly audit: AuditService,
    private readonly scope: ScopeService,
  ) {}

  async record(user: SessionUser, dto: TeamMeetingDto, idempotencyKey?: string) {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: 'ballots.record', request: dto },
      async (manager) => {
        const team = await this.ballots.team(manager, dto.teamId);
        if (!team || !team.path.startsWith(actor.unitPath)) throw new NotFoundException('đội phạm nhân');
        const rules = await this.rounds.rules(manager, dto.roundId);
        const { errors, outcomes } = evaluateBallot(
          { ...dto, candidates: dto.candidates.map((c) => ({ ...c, key: c.dossierId })) },
          rules.threshold,
        );
        if (errors.length > 0) {
          throw new ValidationFailedException(
            errors.map((e) => ({ ...e, code: 'ballotArithmetic' })),
            'Số liệu biên bản bỏ phiếu không khớp: xem lỗi theo từng trường.',
          );
        }
        const meetingId = await this.ballots.insertMeeting(manager, {
          dto,
          facilityId: team.facilityId,
          officerId: actor.id,
          threshold: rules.threshold,
          thresholdBasis: rules.thresholdBasis,
          outcomes,
        });
        const passed = new Map(outcomes.map((o) => [o.key, o.passed]));
        const moved = [];
        for (const [event, wanted] of [
          [WorkflowEvent.PUT_FORWARD, true],
          [WorkflowEvent.NOT_PUT_FORWARD, false],
        ] as const) {
          const items = dto.candidates
            .filter((c) => passed.get(c.dossierId) === wanted)
            .map((c) => ({
              dossierId: c.dossierId,
              version: c.version,
              context: { ballotPassed: wanted },
            }));
          moved.push(...(await this.transitions.applyMany(manager, { user, actor, event, items })));
        }
        const foreign = moved.find((m) => m.roundId !== dto.roundId || m.teamId !== dto.teamId);
        if (foreign) {
          throw new WorkflowException(
            `${foreign.fullName}: hồ sơ không thuộc đội hoặc đợt đặc xá của biên bản.`,
            WorkflowExceptionCode.GUARD_FAILED,
          );
        }
        await this.audit.record(manager, {
          actor: { id: actor.id, name: actor.name },
          action: 'ballot.record',
          entityType: 'team_meeting',
          entityId: meetingId,
          after: {
            teamId: dto.teamId,
            meetingDate: dto.meetingDate,
            record: meetingRecordOf(dto.record),
            ballots: [dto.ballotsIssued, dto.ballotsReturned, dto.ballotsValid, dto.ballotsInvalid],
            candidates: dto.candidates.length,
          },
        });
        return {
          meetingId,
          threshold: describeThreshold(rules.threshold),
          thresholdBasis: rules.thresholdBasis,
          outcomes: moved.map((m) => ({
            dossierId: m.dossierId,
            fullName: m.fullName,
            passed: passed.get(m.dossierId),
            stage: m.to,
            version: m.version,
          })),
        };
      },
    );
  }

  async get(user: SessionUser, id: string) {
    workflowActorOf(user);
    return this.uow.read(async (manager) => {
      await this.scope.assertVisible(manager, user, ScopedRecord.TEAM_MEETING, id);
      return this.ballots.meeting(manager, id);
    });
  }

  // The round's threshold as the ballot page states it, with where it comes from.
  // A round whose parameters cannot be read says so here; recording its ballot is refused with the details.
  async thresholdOf(roundId: string): Promise<string> {
    return this.uow.read(async (manager) => {
      try {
        const rules = await this.rounds.rules(manager, roundId);
        return describeThresholdWithBasis(rules.threshold, rules.thresholdBasis);
      } catch (e) {
        if (e instanceof ValidationFailedException) return e.message;
        throw e;
      }
    });
  }
}
