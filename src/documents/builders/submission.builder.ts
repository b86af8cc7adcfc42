import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StoredVerdicts } from '../../eligibility/stored-verdicts.js';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { formatDate, formatInteger } from '../format/print-format.js';
import type { DocumentHeading } from '../view-models/common.js';
import { DocumentKind } from '../view-models/common.js';
import { ListLevel, ListVariant } from '../view-models/proposal-list.js';
import type { SubmissionAnnex, SubmissionViewModel } from '../view-models/submission.js';
import { lowerFirst } from './dossier-print.js';
import { headingFor, recipientsFor, signatureFor } from './heading.js';
import { findIssuer, findRound } from './issuer.repository.js';
import { LawRecipients } from './law-recipients.js';
import { findListEntries, findListHeader, findSiblingList, type ListHeaderRow } from './list-source.repository.js';
import { buildListViewModel } from './list-view-model.js';
import {
  DocumentSourceType,
  type BuiltSnapshot,
  type DocumentRequest,
  type SnapshotBuilder,
} from './snapshot-builder.js';

async function annex(
  manager: EntityManager,
  verdicts: StoredVerdicts,
  list: ListHeaderRow,
  input: { label: string; variant: ListVariant; summary: string; heading: DocumentHeading },
): Promise<SubmissionAnnex> {
  const model = buildListViewModel({
    heading: input.heading,
    level: ListLevel.NATIONAL,
    variant: input.variant,
    basis: '',
    entries: await findListEntries(manager, verdicts, list.id),
    signatures: [],
    recipients: null,
  });
  return {
    label: input.label,
    title: 'DANH SÁCH',
    summary: input.summary,
    variant: input.variant,
    groups: model.groups,
    totals: model.totals,
  };
}

// The council's submission to the President (tờ trình) with its eligible list, and its ineligible list when one was
// made in the same round, as annexes.
@Injectable()
export class SubmissionBuilder implements SnapshotBuilder {
  readonly sourceType = DocumentSourceType.LIST_SNAPSHOT;
  readonly kinds = [DocumentKind.SUBMISSION] as const;

  constructor(
    private readonly verdicts: StoredVerdicts,
    private readonly law: LawRecipients,
  ) {}

  // The next level of the Council's list, the President's Office, for the official to edit (a national body's list
  // names no procuracy: builders/law-recipients.ts).
  lawRecipients(manager: EntityManager, listId: string): Promise<string[]> {
    return this.law.ofList(manager, listId);
  }

  async build(manager: EntityManager, request: DocumentRequest, today: string): Promise<BuiltSnapshot> {
    const list = await findListHeader(manager, request.sourceId);
    if (!list || list.kind !== 'COUNCIL_ELIGIBLE') {
      throw new DocumentException(
        'Tờ trình được lập từ danh sách đủ điều kiện của Hội đồng tư vấn đặc xá.',
        DocumentExceptionCode.SOURCE_NOT_FOUND,
      );
    }
    const issuer = await findIssuer(manager, list.owner_unit_id);
    const round = await findRound(manager, list.round_id);
    const ineligibleList = await findSiblingList(manager, list, 'COUNCIL_INELIGIBLE');
    if (!issuer || !round)
      throw new DocumentException(
        'Không tìm thấy đơn vị hoặc đợt đặc xá của danh sách.',
        DocumentExceptionCode.SOURCE_NOT_FOUND,
      );
    const roundName = lowerFirst(round.name);
    const heading = headingFor({
      issuer,
      request,
      today,
      documentType: 'TỜ TRÌNH',
      summary: `Về việc đề nghị ${roundName}`,
    });
    const annexes = [
      await annex(manager, this.verdicts, list, {
        label: 'Phụ lục I',
        variant: ListVariant.ELIGIBLE,
        summary: `Người đủ điều kiện đề nghị ${roundName}`,
        heading,
      }),
    ];
    if (ineligibleList) {
      annexes.push(
        await annex(manager, this.verdicts, ineligibleList, {
          label: 'Phụ lục II',
          variant: ListVariant.INELIGIBLE,
          summary: `Người không đủ điều kiện đề nghị ${roundName}`,
          heading,
        }),
      );
    }
    const data: SubmissionViewModel = {
      heading,
      addressee: 'Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam',
      bases: [
        'Căn cứ Luật Đặc xá ngày 19 tháng 11 năm 2018;',
        `Căn cứ Quyết định số ${round.decision_number} ngày ${formatDate(round.decision_date)} của Chủ tịch nước về đặc xá;`,
      ],
      body: [
        'Hội đồng tư vấn đặc xá đã họp xét danh sách do các bộ, ngành đề nghị, kết quả thẩm định của Tổ thẩm định liên ngành và báo cáo của Thường trực Hội đồng.',
      ],
      figures: annexes.map((item) => ({ label: item.summary, value: formatInteger(item.totals.people) })),
      proposal:
        'Hội đồng tư vấn đặc xá kính trình Chủ tịch nước xem xét, quyết định đặc xá cho những người có tên tại Phụ lục I.',
      signatures: [signatureFor(request)],
      recipients: recipientsFor(request),
      annexes,
    };
    return { snapshot: { kind: DocumentKind.SUBMISSION, data }, issuerUnitId: issuer.id };
  }
}
