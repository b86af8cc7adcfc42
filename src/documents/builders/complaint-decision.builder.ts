import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  COMPLAINANT_LABELS,
  ComplaintLevel,
  ComplaintOutcome,
  COMPLAINT_PERIODS,
  parseComplaintPeriods,
  type Complainant,
} from '../../workflow/core/complaints.js';
import { isStage, STAGE_LABELS } from '../../workflow/core/stages.js';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { formatDate } from '../format/print-format.js';
import type { ComplaintDecisionViewModel } from '../view-models/complaint-decision.js';
import { DocumentKind } from '../view-models/common.js';
import { findComplaintSource, type ComplaintSourceRow } from './complaint-source.repository.js';
import { printBirthDate } from './dossier-print.js';
import { amnestyBases, headingFor, recipientsFor, signatureFor } from './heading.js';
import { findIssuer } from './issuer.repository.js';
import { LawRecipients } from './law-recipients.js';
import {
  DocumentSourceType,
  type BuiltSnapshot,
  type DocumentRequest,
  type SnapshotBuilder,
} from './snapshot-builder.js';

const LEVEL_WORDS: Record<ComplaintLevel, string> = {
  [ComplaintLevel.FIRST]: 'lần đầu',
  [ComplaintLevel.SECOND]: 'lần hai',
};

// The decision on a complaint (Luật Đặc xá 2018, Điều 37): issued by the deciding unit (the facility or the court
// for the first complaint, the ministry or the Supreme People's Court for the second), sent to the complainant and the
// competent procuracy (Điều 37, khoản 1; khoản 2).
@Injectable()
export class ComplaintDecisionBuilder implements SnapshotBuilder {
  readonly sourceType = DocumentSourceType.COMPLAINT;
  readonly kinds = [DocumentKind.COMPLAINT_DECISION] as const;

  constructor(private readonly law: LawRecipients) {}

  async build(manager: EntityManager, request: DocumentRequest, today: string): Promise<BuiltSnapshot> {
    const source = await findComplaintSource(manager, request.sourceId);
    if (!source) throw new DocumentException('Không tìm thấy đơn khiếu nại.', DocumentExceptionCode.SOURCE_NOT_FOUND);
    if (!source.outcome || !source.decided_on || !source.decision_reason)
      throw new DocumentException(
        'Khiếu nại chưa được giải quyết: chưa lập được quyết định giải quyết khiếu nại.',
        DocumentExceptionCode.SOURCE_NOT_READY,
      );
    const issuer = await findIssuer(manager, source.deciding_unit_id);
    if (!issuer)
      throw new DocumentException(
        'Không tìm thấy đơn vị giải quyết khiếu nại.',
        DocumentExceptionCode.SOURCE_NOT_FOUND,
      );
    const level = source.level as ComplaintLevel;
    const person = source.document.person;
    const procuracy = await this.law.procuracyOf(manager, source.facility_id);
    const where = source.held_at_court
      ? `đang được tạm đình chỉ chấp hành án phạt tù, do ${source.facility_name} lập danh sách`
      : `đang chấp hành án tại ${source.facility_name}`;
    const complainant = `${source.complainant_name} (${COMPLAINANT_LABELS[source.complainant as Complainant].toLowerCase()})`;
    const data: ComplaintDecisionViewModel = {
      heading: headingFor({
        issuer,
        request,
        // Dated the day of the decision unless the clerk gives another date.
        today: source.decided_on < today ? source.decided_on : today,
        documentType: 'QUYẾT ĐỊNH',
        summary: `Về việc giải quyết khiếu nại ${LEVEL_WORDS[level]} của ${source.complainant_name}`,
      }),
      bases: [
        ...amnestyBases({ number: source.decision_number, date: source.decision_date }),
        `Xét đơn khiếu nại của ${complainant} nhận ngày ${formatDate(source.received_on)} về việc ${person.fullName}, sinh ngày ${printBirthDate(person.birthDate)}, ${where}, không có tên trong danh sách người đủ điều kiện đề nghị đặc xá;`,
      ],
      articles: articlesOf(source, level, person.fullName),
      signatures: [signatureFor(request)],
      recipients: recipientsFor({
        ...request,
        recipients: [`${source.complainant_name} (người khiếu nại)`, procuracy, ...request.recipients],
      }),
    };
    return { snapshot: { kind: DocumentKind.COMPLAINT_DECISION, data }, issuerUnitId: issuer.id };
  }
}

function articlesOf(source: ComplaintSourceRow, level: ComplaintLevel, fullName: string) {
  const accepted = source.outcome === ComplaintOutcome.ACCEPTED;
  const where = source.target_stage && isStage(source.target_stage) ? STAGE_LABELS[source.target_stage] : '';
  const second = parseComplaintPeriods(source.parameters?.deadlines).secondFiling;
  // Luật Đặc xá 2018, Điều 37, khoản 2: the Minister of the facility's ministry, or the Chief Justice for a court's list.
  const nextDecider = source.held_at_court
    ? 'Chánh án Tòa án nhân dân tối cao'
    : `Bộ trưởng ${source.ministry_name ?? 'Bộ quản lý cơ sở giam giữ'}`;
  const consequence = accepted
    ? `Bổ sung ${fullName} vào danh sách người đủ điều kiện đề nghị đặc xá; hồ sơ được chuyển đến bước «${where}» cùng danh sách của đợt đặc xá (Luật Đặc xá 2018, Điều 37).`
    : level === ComplaintLevel.FIRST
      ? `Giữ nguyên việc không đưa ${fullName} vào danh sách người đủ điều kiện đề nghị đặc xá. Trường hợp không đồng ý, người khiếu nại có quyền khiếu nại đến ${nextDecider}${second ? ` trong thời hạn ${String(second).padStart(2, '0')} ngày kể từ ngày nhận được Quyết định này` : ''} (${COMPLAINT_PERIODS.secondFiling.citation}).`
      : `Giữ nguyên việc không đưa ${fullName} vào danh sách người đủ điều kiện đề nghị đặc xá; ${fullName} thuộc danh sách người không đủ điều kiện đề nghị đặc xá (${COMPLAINT_PERIODS.secondDecision.citation}).`;
  return [
    {
      label: 'Điều 1.',
      text: `${accepted ? 'Chấp nhận' : 'Không chấp nhận'} nội dung khiếu nại của ${source.complainant_name}. Lý do: ${source.decision_reason}`,
    },
    { label: 'Điều 2.', text: consequence },
    {
      label: 'Điều 3.',
      text: `Quyết định này có hiệu lực kể từ ngày ký. Người khiếu nại, ${source.held_at_court ? 'Tòa án đã lập danh sách' : 'cơ sở giam giữ'} và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.`,
    },
  ];
}
