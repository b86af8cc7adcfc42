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
import { complaintLevelsDecidedBy, followsPresentations, stagesWaitingFor } from './work-queue.js';

const SAMPLE = 50;

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
      const groups: {
        round_id: string;
        stage: Stage;
        received_on: string | null;
        n: number;
        items: { id: string; fullName: string; version: number }[];
      }[] = await manager.query(
        `SELECT d.round_id, d.stage, r.received_on, count(*)::int AS n,
           (array_agg(json_build_object('id', d.id, 'fullName', d.full_name, 'version', d.version) ORDER BY d.updated_at))[1:${SAMPLE}] AS items
         FROM dossiers d
         JOIN rounds rd ON rd.id = d.round_id AND rd.status <> 'CLOSED'
         LEFT JOIN LATERAL (SELECT to_char(max(s.submitted_at) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS received_on
           FROM list_entries e JOIN list_snapshots l ON l.id = e.list_id JOIN list_submissions s ON s.list_id = l.id
           WHERE e.dossier_id = d.id AND l.to_stage = d.stage) r ON true
         WHERE d.stage = ANY($1::text[]) AND ${filter.sql} GROUP BY d.round_id, d.stage, r.received_on ORDER BY d.stage, r.received_on`,
        [stages, ...filter.params],
      );
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
      const sentBack: { id: string; fullName: string; fromStage: string; reason: string; at: string }[] =
        await manager.query(
          `SELECT d.id, d.full_name AS "fullName", h.from_stage AS "fromStage", h.reason, h.occurred_at AS at
         FROM dossiers d JOIN LATERAL (SELECT * FROM workflow_history w WHERE w.dossier_id = d.id AND w.event = 'send_back'
           ORDER BY w.id DESC LIMIT 1) h ON true
         WHERE d.stage = 'correction' AND h.actor_unit_id = $1 ORDER BY h.occurred_at`,
          [actor.unitId],
        );
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
    const rows = await this.certificates.unpresented(manager, this.scope.dossierFilter(user, 'd', 1));
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
