import type { AppraisalNoteViewModel } from './appraisal-note.js';
import type { CertificateBatchViewModel, CertificateViewModel } from './certificate.js';
import type { DocumentKind } from './common.js';
import type { ComplaintDecisionViewModel } from './complaint-decision.js';
import type { ProcuracyNoticeViewModel } from './procuracy-notice.js';
import type { AppraisalRecordViewModel } from './appraisal-record.js';
import type { CouncilMinutesViewModel } from './council-minutes.js';
import type { ExplanatoryReportViewModel } from './explanatory-report.js';
import type { ProposalListViewModel } from './proposal-list.js';
import type { ProposalSheetViewModel } from './proposal-sheet.js';
import type { SubmissionViewModel } from './submission.js';
import type { TeamMinutesViewModel } from './team-minutes.js';

export interface ViewModelByKind {
  [DocumentKind.TEAM_MINUTES]: TeamMinutesViewModel;
  [DocumentKind.COUNCIL_MINUTES]: CouncilMinutesViewModel;
  [DocumentKind.ELIGIBLE_LIST]: ProposalListViewModel;
  [DocumentKind.INELIGIBLE_LIST]: ProposalListViewModel;
  [DocumentKind.PROPOSAL_SHEET]: ProposalSheetViewModel;
  [DocumentKind.APPRAISAL_NOTE]: AppraisalNoteViewModel;
  [DocumentKind.EXPLANATORY_REPORT]: ExplanatoryReportViewModel;
  [DocumentKind.SUBMISSION]: SubmissionViewModel;
  [DocumentKind.CERTIFICATE]: CertificateViewModel;
  [DocumentKind.COMPLAINT_DECISION]: ComplaintDecisionViewModel;
  [DocumentKind.PROCURACY_NOTICE]: ProcuracyNoticeViewModel;
  [DocumentKind.APPRAISAL_RECORD]: AppraisalRecordViewModel;
  [DocumentKind.CERTIFICATE_BATCH]: CertificateBatchViewModel;
}

// A document ready to render: its kind and the frozen, print-formatted data.
export type DocumentSnapshot = {
  [K in DocumentKind]: { kind: K; data: ViewModelByKind[K] };
}[DocumentKind];
