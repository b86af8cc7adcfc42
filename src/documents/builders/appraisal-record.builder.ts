import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { agencyLabel } from '../../kernel/agencies.js';
import { OPINION_LABELS, type AgencyOpinion } from '../../workflow/core/appraisal.js';
import type { RecordRow } from '../../workflow/core/appraisal-team.js';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { formatInteger } from '../format/print-format.js';
import type { AppraisalRecordLine, AppraisalRecordViewModel } from '../view-models/appraisal-record.js';
import { DocumentKind } from '../view-models/common.js';
import { lowerFirst } from './dossier-print.js';
import { amnestyBases, headingFor, recipientsFor, signatureFor } from './heading.js';
import { findIssuer, findRound } from './issuer.repository.js';
import {
  DocumentSourceType,
  type BuiltSnapshot,
  type DocumentRequest,
  type SnapshotBuilder,
} from './snapshot-builder.js';

interface RecordSource {
  round_id: string;
  decision_number: string;
  decision_date: string;
  content: { requiredAgencies: string[]; conclusion?: string; eligible: RecordRow[]; ineligible: RecordRow[] };
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
    row.side === 'CAMP_INELIGIBLE'
      ? `Trại đề nghị không đủ điều kiện${row.campReason ? `: ${row.campReason}` : ''}`
      : '',
});

// The record as the team froze it: the lists are printed from the stored content, never recomputed.
@Injectable()
export class AppraisalRecordBuilder implements SnapshotBuilder {
  readonly sourceType = DocumentSourceType.APPRAISAL_RECORD;
  readonly kinds = [DocumentKind.APPRAISAL_RECORD] as const;

  async build(manager: EntityManager, request: DocumentRequest, today: string): Promise<BuiltSnapshot> {
    const [source]: RecordSource[] = await manager.query(
      `SELECT a.round_id, a.content, r.decision_number, to_char(r.decision_date, 'YYYY-MM-DD') AS decision_date
       FROM appraisal_records a JOIN rounds r ON r.id = a.round_id WHERE a.id = $1`,
      [request.sourceId],
    );
    if (!source)
      throw new DocumentException('Không tìm thấy biên bản thẩm định.', DocumentExceptionCode.SOURCE_NOT_FOUND);
    const issuer = await findIssuer(manager, request.requesterUnitId);
    const round = await findRound(manager, source.round_id);
    if (!issuer || !round)
      throw new DocumentException(
        'Không tìm thấy Tổ thẩm định hoặc đợt đặc xá của biên bản.',
        DocumentExceptionCode.SOURCE_NOT_FOUND,
      );
    const { content } = source;
    const data: AppraisalRecordViewModel = {
      heading: headingFor({
        issuer,
        request,
        today,
        documentType: 'BIÊN BẢN',
        summary: `Thẩm định danh sách, hồ sơ đề nghị đặc xá, ${lowerFirst(round.name)}`,
      }),
      bases: amnestyBases({ number: source.decision_number, date: source.decision_date }),
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
