// What the workflow feature contributes to the application: the app module and the data source read these arrays.
import type { Provider, Type } from '@nestjs/common';
import { AppraisalController } from './appraisal/appraisal.controller.js';
import { AppraisalRecordController } from './appraisal/appraisal-record.controller.js';
import { AppraisalRecordEntity } from './appraisal/appraisal-record.entity.js';
import { AppraisalRecordRepository } from './appraisal/appraisal-record.repository.js';
import { AppraisalRecordService } from './appraisal/appraisal-record.service.js';
import {
  AFTER_DECISION_CONTROLLERS,
  AFTER_DECISION_ENTITIES,
  AFTER_DECISION_PROVIDERS,
} from './after-decision/after-decision.registry.js';
import { AppraisalFlagEntity, AppraisalOpinionEntity, ExplanatoryReportEntity } from './appraisal/appraisal.entity.js';
import { AppraisalRepository } from './appraisal/appraisal.repository.js';
import { AppraisalService } from './appraisal/appraisal.service.js';
import { StandingGate } from './appraisal/standing-gate.js';
import { BallotController } from './ballots/ballot.controller.js';
import { BallotResultEntity, CampCouncilDecisionEntity, TeamMeetingEntity } from './ballots/ballot.entity.js';
import { BallotRepository } from './ballots/ballot.repository.js';
import { BallotService } from './ballots/ballot.service.js';
import { BallotSubmissionService } from './ballots/ballot-submission.service.js';
import { CampController } from './camp/camp.controller.js';
import { CampCouncilService } from './camp/camp-council.service.js';
import { CampListService } from './camp/camp-list.service.js';
import { CampRepository } from './camp/camp.repository.js';
import { IdempotencyRepository } from './common/idempotency.repository.js';
import { WorkflowRoundRepository } from './common/round.repository.js';
import { UnitOfWork } from './common/unit-of-work.js';
import { CouncilService } from './decisions/council.service.js';
import { DecisionController } from './decisions/decision.controller.js';
import { AmnestyCertificateEntity, PresidentDecisionEntity } from './decisions/decision.entity.js';
import { DecisionRepository } from './decisions/decision.repository.js';
import { PresidentDecisionService } from './decisions/president-decision.service.js';
import { ReleaseBatchService } from './decisions/release-batch.service.js';
import { DossierEventController } from './history/dossier-event.controller.js';
import { DossierEventService } from './history/dossier-event.service.js';
import { TransitionRepository } from './history/transition.repository.js';
import { TransitionFacts } from './history/transition-facts.js';
import { TransitionService } from './history/transition.service.js';
import { IdempotencyKeyEntity, WorkflowHistoryEntity } from './history/workflow-history.entity.js';
import { ConsolidationRepository } from './lists/consolidation.repository.js';
import { ForwardService } from './lists/forward.service.js';
import { LineageRepository } from './lists/lineage.repository.js';
import { ListController } from './lists/list.controller.js';
import {
  ListDispositionEntity,
  ListEntryEntity,
  ListSnapshotEntity,
  ListSourceEntity,
  ListSubmissionEntity,
} from './lists/list.entity.js';
import { ListQueryService } from './lists/list-query.service.js';
import { ListRepository } from './lists/list.repository.js';
import { OrgRoutingRepository } from './lists/org-routing.repository.js';
import { WorkQueueController } from './work-queue/work-queue.controller.js';
import { ComplaintController } from './complaints/complaint.controller.js';
import { ComplaintEntity } from './complaints/complaint.entity.js';
import { ComplaintRepository } from './complaints/complaint.repository.js';
import { ComplaintService } from './complaints/complaint.service.js';
import { ProcuracyNoticeController } from './procuracy/procuracy-notice.controller.js';
import { ProcuracyNoticeEntity } from './procuracy/procuracy-notice.entity.js';
import { ProcuracyNoticeRepository } from './procuracy/procuracy-notice.repository.js';
import { ProcuracyNoticeService } from './procuracy/procuracy-notice.service.js';
import { WorkQueueService } from './work-queue/work-queue.service.js';
import { WorkQueueRepository } from './work-queue/work-queue.repository.js';
import { CourtController } from './courts/court.controller.js';
import { CourtProposalEntity } from './courts/court-proposal.entity.js';
import { CourtListService } from './courts/court-list.service.js';
import { CourtRepository } from './courts/court.repository.js';
import { CourtService } from './courts/court.service.js';

export const WORKFLOW_CONTROLLERS: Type<unknown>[] = [
  DossierEventController,
  BallotController,
  CampController,
  ListController,
  AppraisalController,
  DecisionController,
  WorkQueueController,
  ComplaintController,
  ProcuracyNoticeController,
  CourtController,
  AppraisalRecordController,
  ...AFTER_DECISION_CONTROLLERS,
];

export const WORKFLOW_PROVIDERS: Provider[] = [
  UnitOfWork,
  IdempotencyRepository,
  WorkflowRoundRepository,
  TransitionRepository,
  TransitionService,
  TransitionFacts,
  DossierEventService,
  BallotRepository,
  BallotService,
  BallotSubmissionService,
  CampRepository,
  CampCouncilService,
  CampListService,
  ListRepository,
  ConsolidationRepository,
  OrgRoutingRepository,
  LineageRepository,
  ForwardService,
  ListQueryService,
  AppraisalRepository,
  AppraisalService,
  StandingGate,
  DecisionRepository,
  CouncilService,
  ComplaintRepository,
  ComplaintService,
  ProcuracyNoticeRepository,
  ProcuracyNoticeService,
  PresidentDecisionService,
  ReleaseBatchService,
  WorkQueueRepository,
  WorkQueueService,
  CourtRepository,
  CourtService,
  CourtListService,
  AppraisalRecordRepository,
  AppraisalRecordService,
  ...AFTER_DECISION_PROVIDERS,
];

export const WORKFLOW_ENTITIES: Function[] = [
  WorkflowHistoryEntity,
  IdempotencyKeyEntity,
  TeamMeetingEntity,
  BallotResultEntity,
  CampCouncilDecisionEntity,
  ListSnapshotEntity,
  ListEntryEntity,
  ListSourceEntity,
  ListSubmissionEntity,
  ListDispositionEntity,
  AppraisalFlagEntity,
  AppraisalOpinionEntity,
  ExplanatoryReportEntity,
  PresidentDecisionEntity,
  AmnestyCertificateEntity,
  ComplaintEntity,
  ProcuracyNoticeEntity,
  CourtProposalEntity,
  AppraisalRecordEntity,
  ...AFTER_DECISION_ENTITIES,
];
