// What the documents feature contributes to the application: the app module and the data source read these arrays.
import type { Provider, Type } from '@nestjs/common';
import { AppraisalNoteBuilder } from './builders/appraisal-note.builder.js';
import { CertificateBuilder } from './builders/certificate.builder.js';
import { ComplaintDecisionBuilder } from './builders/complaint-decision.builder.js';
import { ProcuracyNoticeBuilder } from './builders/procuracy-notice.builder.js';
import { AppraisalRecordBuilder } from './builders/appraisal-record.builder.js';
import { CouncilMinutesBuilder } from './builders/council-minutes.builder.js';
import { ExplanatoryReportBuilder } from './builders/explanatory-report.builder.js';
import { LawRecipients } from './builders/law-recipients.js';
import { ListSnapshotBuilder } from './builders/list-snapshot.builder.js';
import { ProposalSheetBuilder } from './builders/proposal-sheet.builder.js';
import { SubmissionBuilder } from './builders/submission.builder.js';
import { SnapshotBuilders } from './builders/snapshot-builders.js';
import { TeamMeetingBuilder } from './builders/team-meeting.builder.js';
import { DocumentChunkJobs } from './document-chunk-jobs.js';
import { DocumentChunkRunsRepository } from './document-chunk-runs.repository.js';
import { DocumentJobHandler } from './document-job.handler.js';
import { DocumentRendererService } from './document-renderer.service.js';
import { DocumentStorage } from './document-storage.js';
import { CertificateBatchController } from './certificate-batch/certificate-batch.controller.js';
import { CertificateBatchEntity, CertificateRegisterEntity } from './certificate-batch/certificate-batch.entity.js';
import { CertificateBatchRepository } from './certificate-batch/certificate-batch.repository.js';
import { CertificateBatchService } from './certificate-batch/certificate-batch.service.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentEntity, DocumentJobEntity } from './documents.entity.js';
import { DocumentsRepository } from './documents.repository.js';
import { DocumentsService } from './documents.service.js';
import { DocumentVerificationService } from './verify/document-verification.service.js';
import { PublicVerificationService } from './verify/public-verification.service.js';
import { UnitCertificates } from './signing/unit-certificates.js';

export const DOCUMENTS_CONTROLLERS: Type<unknown>[] = [DocumentsController, CertificateBatchController];
export const DOCUMENTS_PROVIDERS: Provider[] = [
  DocumentsRepository,
  DocumentStorage,
  DocumentRendererService,
  UnitCertificates,
  DocumentChunkRunsRepository,
  DocumentChunkJobs,
  DocumentJobHandler,
  DocumentsService,
  DocumentVerificationService,
  PublicVerificationService,
  LawRecipients,
  ListSnapshotBuilder,
  TeamMeetingBuilder,
  ProposalSheetBuilder,
  AppraisalNoteBuilder,
  CertificateBuilder,
  CouncilMinutesBuilder,
  ExplanatoryReportBuilder,
  SubmissionBuilder,
  ComplaintDecisionBuilder,
  ProcuracyNoticeBuilder,
  AppraisalRecordBuilder,
  SnapshotBuilders,
  CertificateBatchRepository,
  CertificateBatchService,
];
export const DOCUMENTS_ENTITIES: Function[] = [
  DocumentEntity,
  DocumentJobEntity,
  CertificateBatchEntity,
  CertificateRegisterEntity,
];
