import { COURT_OPERATION_ERRORS } from './court-schemas.js';
import { CERTIFICATE_BATCH_OPERATION_ERRORS } from './certificate-batch-schemas.js';
import { AuthErrorCode } from '../auth/auth.exception.js';
import { CommonErrorCode } from '../common/error-codes.js';
import { DocumentExceptionCode } from '../documents/documents.exception.js';
import { DossierErrorCode } from '../dossiers/dossier.exception.js';
import { EligibilityErrorCode } from '../eligibility/eligibility.exception.js';
import { OrgErrorCode } from '../org/org.exception.js';
import { SimulationErrorCode } from '../simulation/simulation.exception.js';
import { SpreadsheetExceptionCode } from '../dossiers/spreadsheet/spreadsheet.exception.js';
import { WorkflowExceptionCode as W } from '../workflow/common/workflow.exception.js';

// The domain error codes each operation can answer, beyond those its guard (401, 403), parameters and body (400) and
// path (404) already imply; the API description files each under the status its feature maps it to.
const PIPELINE_ONLY = [W.ROLE_NOT_ALLOWED];
// Every workflow command: one transition path, optimistic versions and idempotency keys.
const TRANSITION = [
  W.ROLE_NOT_ALLOWED,
  W.SAME_PERSON,
  W.INVALID_TRANSITION,
  W.GUARD_FAILED,
  W.IDEMPOTENCY_KEY_REUSED,
  CommonErrorCode.STALE_VERSION,
  CommonErrorCode.NOT_FOUND,
];

export const OPERATION_ERRORS: Record<string, string[]> = {
  AuthController_login: [AuthErrorCode.INVALID_CREDENTIALS, AuthErrorCode.LOGIN_DELAYED, AuthErrorCode.LOGIN_LOCKED],
  DossierController_create: [CommonErrorCode.DUPLICATE],
  DossierController_batch: [CommonErrorCode.DUPLICATE],
  DossierController_update: [CommonErrorCode.STALE_VERSION, DossierErrorCode.FROZEN, CommonErrorCode.DUPLICATE],
  DossierSpreadsheetController_preview: [
    SpreadsheetExceptionCode.NO_FILE,
    SpreadsheetExceptionCode.UNREADABLE_FILE,
    SpreadsheetExceptionCode.INVALID_ROWS,
    CommonErrorCode.PAYLOAD_TOO_LARGE,
  ],
  DossierSpreadsheetController_commit: [
    SpreadsheetExceptionCode.INVALID_ROWS,
    SpreadsheetExceptionCode.ALREADY_IMPORTED,
  ],
  RoundController_create: [CommonErrorCode.DUPLICATE],
  RoundController_update: [CommonErrorCode.STALE_VERSION],
  OrgController_createUnit: [CommonErrorCode.DUPLICATE],
  OrgController_createUser: [OrgErrorCode.DUPLICATE_USERNAME, CommonErrorCode.DUPLICATE],
  OrgController_updateUser: [CommonErrorCode.STALE_VERSION],
  EligibilityController_latest: [EligibilityErrorCode.NOT_EVALUATED],
  DossierEventController_fire: [...TRANSITION, W.NO_RECIPIENT],
  DossierEventController_history: PIPELINE_ONLY,
  BallotController_record: TRANSITION,
  BallotController_submit: TRANSITION,
  BallotController_get: PIPELINE_ONLY,
  CampController_candidates: PIPELINE_ONLY,
  CampController_decide: TRANSITION,
  CampController_post: [...TRANSITION, W.ALREADY_DECIDED, W.NO_RECIPIENT],
  CampController_submit: [...TRANSITION, W.ALREADY_DECIDED, W.NO_RECIPIENT],
  ListController_index: PIPELINE_ONLY,
  ListController_pending: PIPELINE_ONLY,
  ListController_forward: [...TRANSITION, W.NOTHING_TO_FORWARD, W.NO_RECIPIENT, W.INVALID_CHOICE],
  ComplaintController_file: [...TRANSITION, W.NO_RECIPIENT],
  ComplaintController_decide: [...TRANSITION, W.ALREADY_DECIDED, W.NO_RECIPIENT],
  ProcuracyNoticeController_record: [W.INVALID_TRANSITION, W.ALREADY_DECIDED, W.NO_RECIPIENT, W.IDEMPOTENCY_KEY_REUSED],
  ForeignMinistryNoticeController_record: [W.INVALID_TRANSITION, W.IDEMPOTENCY_KEY_REUSED],
  ListController_get: PIPELINE_ONLY,
  ListController_lineage: PIPELINE_ONLY,
  ListController_reconciliation: PIPELINE_ONLY,
  AppraisalController_open: PIPELINE_ONLY,
  AppraisalController_flag: TRANSITION,
  AppraisalController_opinion: TRANSITION,
  AppraisalController_opinions: TRANSITION,
  AppraisalController_resolve: TRANSITION,
  AppraisalController_report: [...TRANSITION, W.NOTHING_TO_FORWARD],
  AppraisalController_getReport: PIPELINE_ONLY,
  DecisionController_pending: PIPELINE_ONLY,
  DecisionController_lists: [...TRANSITION, W.NOTHING_TO_FORWARD, W.NO_RECIPIENT],
  DecisionController_record: [...TRANSITION, W.ALREADY_DECIDED],
  DecisionController_certificates: PIPELINE_ONLY,
  DecisionController_release: [...TRANSITION, W.ALREADY_DECIDED],
  DecisionController_releaseMany: TRANSITION,
  DocumentsController_create: [
    DocumentExceptionCode.SOURCE_NOT_FOUND,
    DocumentExceptionCode.KIND_NOT_SUPPORTED,
    DocumentExceptionCode.NOT_ISSUER,
    DocumentExceptionCode.SOURCE_NOT_READY,
  ],
  DocumentsController_verify: [DocumentExceptionCode.INVALID_PDF, CommonErrorCode.PAYLOAD_TOO_LARGE],
  DocumentsController_job: [DocumentExceptionCode.JOB_NOT_FOUND],
  DocumentsController_get: [DocumentExceptionCode.DOCUMENT_NOT_FOUND],
  DocumentsController_file: [DocumentExceptionCode.DOCUMENT_NOT_FOUND, DocumentExceptionCode.FILE_NOT_READY],
  SimulationController_adopt: [
    CommonErrorCode.STALE_VERSION,
    SimulationErrorCode.ADOPTED,
    SimulationErrorCode.NOT_DONE,
    SimulationErrorCode.ROUND_CHANGED,
  ],
  SimulationController_remove: [CommonErrorCode.STALE_VERSION, SimulationErrorCode.RUNNING],
  ...COURT_OPERATION_ERRORS,
  // The appraisal team's record and the steps after the President's decision.
  AppraisalRecordController_draw: [
    ...PIPELINE_ONLY,
    W.GUARD_FAILED,
    W.IDEMPOTENCY_KEY_REUSED,
    CommonErrorCode.NOT_FOUND,
  ],
  AfterDecisionController_post: [W.ALREADY_DECIDED, W.IDEMPOTENCY_KEY_REUSED, CommonErrorCode.NOT_FOUND],
  AfterDecisionController_copy: [
    W.ALREADY_DECIDED,
    W.INVALID_TRANSITION,
    W.IDEMPOTENCY_KEY_REUSED,
    CommonErrorCode.NOT_FOUND,
  ],
  AfterDecisionController_present: TRANSITION,
  AfterDecisionController_presentations: [CommonErrorCode.NOT_FOUND],
  ...CERTIFICATE_BATCH_OPERATION_ERRORS,
};
