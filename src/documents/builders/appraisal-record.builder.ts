import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { agencyLabel } from '../../kernel/agencies.js';
import { OPINION_LABELS, type AgencyOpinion } from '../../workflow/core/appraisal.js';
import type { RecordRow } from '../../workflow/core/appraisal-team.js';
import { AppraisalRecordRepository } from '../../workflow/appraisal/appraisal-record.repository.js';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { formatInteger } from '../format/print-format.js';
import type { AppraisalRecordLine, AppraisalRecordViewModel } from '../view-models/appraisal-record.js';
import { DocumentKind } from '../view-models/common.js';
import { lowerFirst } from './dossier-print.js';
import { amnestyBases, headingFor, recipientsFor, signatureFor } from './heading.js';
import { findIssuer, findRound } from './issuer.repository.js';
import { LawRecipients } from './law-recipients.js';
import {
  DocumentSourceType,
  type BuiltSnapshot,
  type DocumentRequest,
  type SnapshotBuilder,
} from './snapshot-builder.js';

interface RecordContent {
  requiredAgencies: string[];
  conclusion?: string;
  eligible: RecordRow[];
  ineligible: RecordRow[];
}

const line = (row: RecordRow, index: number): AppraisalRecordLine => ({
  order: index + 1,
  fullName: row.fullName,
  facility: row.facilityName,
  positions: row.positions
    .map(
      (p) =>
        `${p.agencyName}: ${OPINION_LABELS[p.opinion as AgencyOpinion] ?? p.opinion}${p.note ? ` (${p.note})` : ''}`,
    )
    .join('; '),
  ratio: row.unanimous ? `Thống nhất (${row.ratio})` : `Biểu quyết: ${row.ratio}`,
  note:
    row.side === 'PROPOSED'
      ? ''
      : `${row.side === 'COURT_INELIGIBLE' ? 'Tòa án xác định' : 'Trại đề nghị'} không đủ điều kiện${row.campReason ? `: ${row.campReason}` : ''}`,
});

// The record as the team froze it: the lists are printed from the stored content, never recomputed.
@Injectable()
export class AppraisalRecordBuilder implements SnapshotBuilder {
  readonly sourceType = DocumentSourceType.APPRAISAL_RECORD;
  readonly kinds = [DocumentKind.APPRAISAL_RECORD] as const;

  constructor(
    private readonly records: AppraisalRecordRepository,
    private readonly law: LawRecipients,
  ) {}

  // The standing body and the bodies whose lists were appraised, for the official to edit (Điều 16, khoản 2).
  async lawRecipients(manager: EntityManager, recordId: string): Promise<string[]> {
    const source = await this.records.find(manager, recordId);
    return source ? this.law.ofAppraisalRecord(manager, source.roundId) : [];
  }

  async build(manager: EntityManager, request: DocumentRequest, today: string): Promise<BuiltSnapshot> {
    // The record is read through the appraisal feature that owns it; the round through the documents' round reader.
    const source = await this.records.find(manager, request.sourceId);
    if (!source)
      throw new DocumentException('Không tìm thấy biên bản thẩm định.', DocumentExceptionCode.SOURCE_NOT_FOUND);
    const issuer = await findIssuer(manager, request.requesterUnitId);
    const round = await findRound(manager, source.roundId);
    if (!issuer || !round)
      throw new DocumentException(
        'Không tìm thấy Tổ thẩm định hoặc đợt đặc xá của biên bản.',
        DocumentExceptionCode.SOURCE_NOT_FOUND,
      );
    const content = source.content as RecordContent;
    const data: AppraisalRecordViewModel = {
      heading: headingFor({
        issuer,
        request,
        today,
        documentType: 'BIÊN BẢN',
        summary: `Thẩm định danh sách, hồ sơ đề nghị đặc xá, ${lowerFirst(round.name)}`,
      }),
      bases: amnestyBases({ number: round.decision_number, date: round.decision_date }),
      introduction: [
        'Thực hiện khoản 2 Điều 16 Luật Đặc xá và Điều 8 Nghị định số 52/2019/NĐ-CP, Tổ thẩm định liên ngành đã thẩm định danh sách, hồ sơ của người được đề nghị đặc xá và danh sách người không đủ điều kiện do các trại gửi đến, kết quả như sau:',
        ...(content.conclusion ? [content.conclusion] : []),
      ],
      members: content.requiredAgencies.map((a) => `Đại diện ${agencyLabel(a)}`),
      figures: [
        { label: 'Người đủ điều kiện được đề nghị đặc xá', value: formatInteger(content.eligible.length) },
        { label: 'Người không đủ điều kiện đề nghị đặc xá', value: formatInteger(content.ineligible.length) },
      ],
      eligible: content.eligible.map(line),
      ineligible: content.ineligible.map(line),
      closing: [
        'Biên bản được lập thành các bản có giá trị như nhau, gửi cơ quan lập danh sách và Thường trực Hội đồng tư vấn đặc xá.',
      ],
      signatures: [signatureFor(request)],
      recipients: recipientsFor(request),
    };
    return { snapshot: { kind: DocumentKind.APPRAISAL_RECORD, data }, issuerUnitId: issuer.id };
  }
}
