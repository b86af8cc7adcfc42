import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { formatDate, formatInteger } from '../format/print-format.js';
import { DocumentKind } from '../view-models/common.js';
import type { ProcuracyNoticeViewModel } from '../view-models/procuracy-notice.js';
import { amnestyBases, headingFor, recipientsFor, signatureFor } from './heading.js';
import { findIssuer } from './issuer.repository.js';
import {
  DocumentSourceType,
  type BuiltSnapshot,
  type DocumentRequest,
  type SnapshotBuilder,
} from './snapshot-builder.js';

interface NoticeSourceRow {
  facility_id: string;
  facility_name: string;
  procuracy_name: string;
  notified_on: string;
  posted_on: string | null;
  eligible: number;
  ineligible: number;
  decision_number: string;
  decision_date: string;
}

async function findNoticeSource(manager: EntityManager, id: string): Promise<NoticeSourceRow | null> {
  const rows: NoticeSourceRow[] = await manager.query(
    `SELECT n.facility_id, f.name AS facility_name, p.name AS procuracy_name,
       to_char(n.notified_on, 'YYYY-MM-DD') AS notified_on, to_char(l.posted_on, 'YYYY-MM-DD') AS posted_on,
       l.entry_count AS eligible,
       (SELECT coalesce(sum(i.entry_count), 0)::int FROM list_snapshots i WHERE i.owner_unit_id = l.owner_unit_id
          AND i.round_id = l.round_id
          AND i.kind = CASE l.kind WHEN 'COURT' THEN 'COURT_INELIGIBLE' ELSE 'CAMP_INELIGIBLE' END AND i.posted_on IS NOT DISTINCT FROM l.posted_on) AS ineligible,
       r.decision_number, to_char(r.decision_date, 'YYYY-MM-DD') AS decision_date
     FROM procuracy_notices n JOIN list_snapshots l ON l.id = n.list_id JOIN org_units f ON f.id = n.facility_id
     JOIN org_units p ON p.id = n.procuracy_unit_id JOIN rounds r ON r.id = n.round_id
     WHERE n.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

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
