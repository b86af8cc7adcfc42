import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { dueStatus } from '../core/deadlines.js';
import { isWorkflowRole } from '../core/roles.js';
import { STAGE_LABELS, type Stage } from '../core/stages.js';
import { workflowActorOf } from '../common/actor.js';
import { WorkflowRoundRepository } from '../common/round.repository.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { ScopedRecord } from '../../auth/scope-filters.js';
import { ComplaintRepository } from '../complaints/complaint.repository.js';
import { complaintView } from '../complaints/complaint.view.js';
import { AfterDecisionRepository } from '../after-decision/after-decision.repository.js';
import { presentationStatus } from '../core/after-decision.js';
import { isForeignNationality } from '../../kernel/nationality.js';
import { SAMPLE, WorkQueueRepository } from './work-queue.repository.js';
import { complaintLevelsDecidedBy, followsPresentations, stagesWaitingFor } from './work-queue.js';

// What waits for the caller's unit, what is overdue against the round's deadlines, and what it sent back. A closed
// round has nothing waiting: its dossiers stay as they were when it closed.
@Injectable()
export class WorkQueueService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly scope: ScopeService,
    private readonly rounds: WorkflowRoundRepository,
    private readonly clock: Clock,
    private readonly complaints: ComplaintRepository,
    private readonly certificates: AfterDecisionRepository,
    private readonly queue: WorkQueueRepository,
  ) {}

  async forUser(user: SessionUser) {
    const today = this.clock.today();
    // Administrators hold no stage: their queue is empty rather than an error, so every page can show it.
    if (!isWorkflowRole(user.role))
      return {
        today,
        counts: { waiting: 0, overdue: 0, sentBack: 0, complaints: 0, overdueComplaints: 0, overduePresentations: 0 },
        waiting: [],
        overdue: [],
        sentBack: [],
        complaints: [],
        overduePresentations: [],
      };
    const actor = workflowActorOf(user);
    const stages = stagesWaitingFor(actor.role);
    return this.uow.read(async (manager) => {
      const filter = this.scope.dossierFilter(user, 'd', 2);
      // Grouped by the day the dossier reached its stage by list (none for camp stages): some periods run from receipt.
      const groups = await this.queue.waitingGroups(manager, stages, filter);
      const waiting = [];
      for (const g of groups) {
        const rules = await this.rounds.rules(manager, g.round_id);
        const due = dueStatus({ stage: g.stage, today, deadlines: rules.deadlines, receivedOn: g.received_on });
        waiting.push({
          roundId: g.round_id,
          roundCode: rules.code,
          stage: g.stage,
          stageLabel: STAGE_LABELS[g.stage],
          receivedOn: g.received_on,
          count: g.n,
          ...due,
          items: g.items,
        });
      }
      const sentBack = await this.queue.sentBackBy(manager, actor.unitId);
      // Each complaint awaiting the caller's decision, with its own due date (Luật Đặc xá 2018, Điều 37).
      const complaints = [];
      for (const level of complaintLevelsDecidedBy(actor.role)) {
        const rows = await this.complaints.visible(manager, {
          roundId: null,
          open: true,
          level,
          filter: this.scope.filter(ScopedRecord.COMPLAINT, user, 'c', 4),
        });
        complaints.push(...rows.map((r) => complaintView(r, today)));
      }
      const presentations = followsPresentations(actor.role)
        ? await this.overduePresentations(manager, user, today)
        : [];
      return {
        today,
        counts: {
          waiting: waiting.reduce((s, w) => s + w.count, 0),
          overdue: waiting.filter((w) => w.overdue).reduce((s, w) => s + w.count, 0),
          sentBack: sentBack.length,
          complaints: complaints.length,
          overdueComplaints: complaints.filter((c) => c.overdue).length,
          overduePresentations: presentations.length,
        },
        waiting,
        overdue: waiting.filter((w) => w.overdue),
        sentBack,
        complaints,
        overduePresentations: presentations.slice(0, SAMPLE),
      };
    });
  }

  // Released persons past the round's report-by day without a recorded presentation (Luật Đặc xá 2018, Điều 20,
  // khoản 2, điểm a), the most overdue first; a foreigner owes none (khoản 3), and a round with no period has none due.
  private async overduePresentations(manager: EntityManager, user: SessionUser, today: string) {
    const rows = await this.certificates.unpresented(
      manager,
      this.scope.filter(ScopedRecord.CERTIFICATE, user, 'c', 1),
    );
    const days = new Map<string, number | null>();
    const overdue = [];
    for (const c of rows) {
      if (!days.has(c.roundId)) days.set(c.roundId, (await this.rounds.rules(manager, c.roundId)).presentationDays);
      const status = presentationStatus({
        releasedOn: c.releasedOn,
        presentedOn: c.presentedOn,
        days: days.get(c.roundId) ?? null,
        today,
        foreigner: isForeignNationality(c.nationality),
      });
      if (status.overdue)
        overdue.push({
          certificateId: c.id,
          dossierId: c.dossierId,
          fullName: c.fullName,
          number: c.number,
          facilityName: c.facilityName,
          releasedOn: c.releasedOn!,
          dueDate: status.dueDate!,
          daysOverdue: status.daysOverdue,
        });
    }
    return overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.fullName.localeCompare(b.fullName, 'vi'));
  }
}
