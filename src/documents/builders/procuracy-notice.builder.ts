import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { formatDate, formatInteger } from '../format/print-format.js';
import { DocumentKind } from '../view-models/common.js';
import type { ProcuracyNoticeViewModel } from '../view-models/procuracy-notice.js';
import { amnestyBases, headingFor, recipientsFor, signatureFor } from './heading.js';
import { findIssuer } from './issuer.repository.js';
import { findNoticeSource } from './procuracy-notice-source.repository.js';
import {
  DocumentSourceType,
  type BuiltSnapshot,
  type DocumentRequest,
  type SnapshotBuilder,
} from './snapshot-builder.js';

// The camp's notice to the procuracy of its list results (Luật Đặc xá 2018, Điều 15, khoản 5; Điều 30).
@Injectable()
export class ProcuracyNoticeBuilder implements SnapshotBuilder {
  readonly sourceType = DocumentSourceType.PROCURACY_NOTICE;
  readonly kinds = [DocumentKind.PROCURACY_NOTICE] as const;

  async build(manager: EntityManager, request: DocumentRequest, today: string): Promise<BuiltSnapshot> {
    const source = await findNoticeSource(manager, request.sourceId);
    if (!source)
      throw new DocumentException(
        'Không tìm thấy thông báo gửi Viện kiểm sát.',
        DocumentExceptionCode.SOURCE_NOT_FOUND,
      );
    const issuer = await findIssuer(manager, source.facility_id);
    if (!issuer)
      throw new DocumentException('Không tìm thấy trại lập danh sách.', DocumentExceptionCode.SOURCE_NOT_FOUND);
    const posted = source.posted_on ? `, niêm yết ngày ${formatDate(source.posted_on)}` : '';
    const data: ProcuracyNoticeViewModel = {
      heading: headingFor({
        issuer,
        request,
        today: source.notified_on < today ? source.notified_on : today,
        documentType: 'THÔNG BÁO',
        summary: 'Kết quả lập danh sách người được đề nghị đặc xá',
      }),
      addressee: source.procuracy_name,
      bases: [...amnestyBases({ number: source.decision_number, date: source.decision_date })],
      body: [
        `Thực hiện khoản 5 Điều 15 Luật Đặc xá, ${source.facility_name} thông báo kết quả lập danh sách người được đề nghị đặc xá${posted} như sau:`,
      ],
      figures: [
        { label: 'Người đủ điều kiện đề nghị đặc xá', value: formatInteger(source.eligible) },
        { label: 'Người không đủ điều kiện đề nghị đặc xá', value: formatInteger(source.ineligible) },
      ],
      closing: `${source.facility_name} gửi kèm theo các danh sách trên để Viện kiểm sát thực hiện kiểm sát theo quy định tại Điều 30 Luật Đặc xá.`,
      signatures: [signatureFor(request)],
      recipients: recipientsFor({ ...request, recipients: [source.procuracy_name, ...request.recipients] }),
    };
    return { snapshot: { kind: DocumentKind.PROCURACY_NOTICE, data }, issuerUnitId: issuer.id };
  }
}
