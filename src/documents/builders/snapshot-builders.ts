import { Injectable } from '@nestjs/common';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import type { DocumentKind } from '../view-models/common.js';
import { AppraisalNoteBuilder } from './appraisal-note.builder.js';
import { CertificateBuilder } from './certificate.builder.js';
import { ComplaintDecisionBuilder } from './complaint-decision.builder.js';
import { ProcuracyNoticeBuilder } from './procuracy-notice.builder.js';
import { AppraisalRecordBuilder } from './appraisal-record.builder.js';
import { CouncilMinutesBuilder } from './council-minutes.builder.js';
import { ExplanatoryReportBuilder } from './explanatory-report.builder.js';
import { ListSnapshotBuilder } from './list-snapshot.builder.js';
import { ProposalSheetBuilder } from './proposal-sheet.builder.js';
import { SubmissionBuilder } from './submission.builder.js';
import type { DocumentSourceType, SnapshotBuilder } from './snapshot-builder.js';
import { TeamMeetingBuilder } from './team-meeting.builder.js';

// Which builder turns which source into which document kind.
@Injectable()
export class SnapshotBuilders {
  private readonly builders: SnapshotBuilder[];

  constructor(
    lists: ListSnapshotBuilder,
    meetings: TeamMeetingBuilder,
    sheets: ProposalSheetBuilder,
    notes: AppraisalNoteBuilder,
    certificates: CertificateBuilder,
    councilMinutes: CouncilMinutesBuilder,
    reports: ExplanatoryReportBuilder,
    submissions: SubmissionBuilder,
    complaints: ComplaintDecisionBuilder,
    notices: ProcuracyNoticeBuilder,
    appraisalRecords: AppraisalRecordBuilder,
  ) {
    this.builders = [
      lists,
      meetings,
      sheets,
      notes,
      certificates,
      councilMinutes,
      reports,
      submissions,
      complaints,
      notices,
      appraisalRecords,
    ];
  }

  for(kind: DocumentKind, sourceType: DocumentSourceType): SnapshotBuilder {
    const builder = this.builders.find(
      (candidate) => candidate.sourceType === sourceType && candidate.kinds.includes(kind),
    );
    if (!builder) {
      throw new DocumentException(
        `Chưa hỗ trợ lập văn bản loại "${kind}" từ nguồn "${sourceType}".`,
        DocumentExceptionCode.KIND_NOT_SUPPORTED,
      );
    }
    return builder;
  }
}
