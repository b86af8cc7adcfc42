import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { membershipOf } from '../core/appraisal-team.js';
import { WorkflowEvent } from '../core/events.js';
import { isStage, Stage } from '../core/stages.js';
import type { TransitionContext } from '../core/transition-context.js';
import { rulesOf, WorkflowRoundRepository, type RoundRules } from '../common/round.repository.js';
import { ProcuracyNoticeRepository } from '../procuracy/procuracy-notice.repository.js';
import { CourtRepository } from '../courts/court.repository.js';
import { TransitionRepository, type DossierHead, type HeadReads } from './transition.repository.js';

// The facts the transition table's guards read that the workflow itself records, gathered for a whole set of
// dossiers before the table is asked. Facts only a calling service knows (a ballot, the appraisal flags) come with
// the items.
// The events whose guards ask whether the person is on suspension or held by a court.
const COURT_FACT_EVENTS: ReadonlySet<WorkflowEvent> = new Set([
  WorkflowEvent.SUBMIT_FOR_BALLOT,
  WorkflowEvent.COURT_PROPOSE,
  WorkflowEvent.RELEASE,
  WorkflowEvent.RECORD_PRESENTATION,
  WorkflowEvent.FILE_COMPLAINT,
  WorkflowEvent.ESCALATE_COMPLAINT,
  WorkflowEvent.ACCEPT_COMPLAINT,
  WorkflowEvent.REJECT_COMPLAINT,
]);

@Injectable()
export class TransitionFacts {
  constructor(
    private readonly repository: TransitionRepository,
    private readonly rounds: WorkflowRoundRepository,
    private readonly notices: ProcuracyNoticeRepository,
    private readonly courts: CourtRepository,
  ) {}

  // What of these facts the locking read of `count` dossiers brings along for `event` (they are then taken from the
  // heads). The round's row comes with a single dossier only: read per row, a list's would repeat it for every name.
  reads(event: WorkflowEvent, count: number): HeadReads {
    const submit = event === WorkflowEvent.SUBMIT_FOR_BALLOT;
    return { application: submit, round: submit && count === 1, custody: COURT_FACT_EVENTS.has(event) };
  }

  async gather(
    manager: EntityManager,
    event: WorkflowEvent,
    heads: readonly DossierHead[],
  ): Promise<Map<string, Partial<TransitionContext>>> {
    const facts = new Map<string, Partial<TransitionContext>>();
    const ids = heads.map((h) => h.id);
    if (event === WorkflowEvent.SUBMIT_FOR_BALLOT) {
      // Each round's rules parsed once: from the row read with the dossier, or read once per round for a list.
      const rules = new Map<string, RoundRules>();
      for (const h of heads) {
        if (!rules.has(h.roundId))
          rules.set(h.roundId, h.round ? rulesOf(h.round) : await this.rounds.rules(manager, h.roundId));
        facts.set(h.id, { applicationDate: h.applicationDate ?? null, deadlines: rules.get(h.roundId)!.deadlines });
      }
    }
    if (event === WorkflowEvent.RESUBMIT) {
      const sentBack = await this.repository.lastSendBacks(manager, ids);
      const evaluated = await this.repository.evaluatedLatest(manager, ids);
      for (const h of heads) {
        const from = sentBack.get(h.id)?.fromStage;
        facts.set(h.id, {
          sentBackFrom: from && isStage(from) ? from : undefined,
          evaluatedLatestVersion: evaluated.get(h.id) ?? false,
        });
      }
    }
    await this.gatherCourtFacts(manager, event, heads, facts);
    const toAppraisal = heads
      .filter((h) => h.stage === Stage.MINISTRY || h.stage === Stage.COURT_POSTED)
      .map((h) => h.id);
    if (event === WorkflowEvent.FORWARD && toAppraisal.length > 0) {
      const notified = await this.notices.notified(manager, toAppraisal);
      for (const id of toAppraisal) facts.set(id, { ...facts.get(id), procuracyNotified: notified.get(id) ?? false });
    }
    const fromAppraisal = heads.filter((h) => h.stage === Stage.APPRAISAL);
    if (event === WorkflowEvent.FORWARD && fromAppraisal.length > 0) {
      const given = await this.repository.opinionAgencies(
        manager,
        fromAppraisal.map((h) => h.id),
      );
      const teams = new Map<string, string[] | null>();
      for (const roundId of new Set(fromAppraisal.map((h) => h.roundId)))
        teams.set(roundId, (await this.rounds.rules(manager, roundId)).appraisalTeam);
      for (const h of fromAppraisal)
        facts.set(h.id, {
          ...facts.get(h.id),
          appraisalMembership: membershipOf(teams.get(h.roundId) ?? null, given.get(h.id) ?? []),
        });
    }
    if (event === WorkflowEvent.COUNCIL_RECONSIDER) {
      for (const roundId of new Set(heads.map((h) => h.roundId))) {
        const allowed = (await this.rounds.rules(manager, roundId)).councilMayReconsider;
        for (const h of heads.filter((x) => x.roundId === roundId)) facts.set(h.id, { councilMayReconsider: allowed });
      }
    }
    return facts;
  }

  // The courts' route (core/courts.ts) and complaints about a court's list (core/complaints.ts): whether the person serves in a camp or is on suspension, what the court
  // recorded with its proposal, and whether a court holds the dossier (its president issues the certificate).
  private async gatherCourtFacts(
    manager: EntityManager,
    event: WorkflowEvent,
    heads: readonly DossierHead[],
    facts: Map<string, Partial<TransitionContext>>,
  ): Promise<void> {
    const add = (id: string, more: Partial<TransitionContext>) => facts.set(id, { ...facts.get(id), ...more });
    const ids = heads.map((h) => h.id);
    if (!COURT_FACT_EVENTS.has(event)) return;
    for (const h of heads) add(h.id, { inmateStatus: h.inmateStatus, heldAtCourt: h.heldAtCourt });
    if (event === WorkflowEvent.COURT_PROPOSE)
      for (const [id, recorded] of await this.courts.recorded(manager, ids)) add(id, { courtProposal: recorded });
  }
}
