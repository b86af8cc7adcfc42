import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StoredVerdicts } from '../../eligibility/stored-verdicts.js';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { formatDate } from '../format/print-format.js';
import { DocumentKind } from '../view-models/common.js';
import { ListVariant } from '../view-models/proposal-list.js';
import { lowerFirst } from './dossier-print.js';
import { headingFor, recipientsFor, signatureFor } from './heading.js';
import { findIssuer, findRound } from './issuer.repository.js';
import { findListEntries, findListHeader } from './list-source.repository.js';
import { LawRecipients } from './law-recipients.js';
import { buildListViewModel, isIneligibleListKind, listLevelOf } from './list-view-model.js';
import {
  DocumentSourceType,
  type BuiltSnapshot,
  type DocumentRequest,
  type SnapshotBuilder,
} from './snapshot-builder.js';

// The lists of people eligible / not eligible for proposal, at any level, from a frozen list snapshot.
@Injectable()
export class ListSnapshotBuilder implements SnapshotBuilder {
  readonly sourceType = DocumentSourceType.LIST_SNAPSHOT;
  readonly kinds = [DocumentKind.ELIGIBLE_LIST, DocumentKind.INELIGIBLE_LIST] as const;

  constructor(
    private readonly verdicts: StoredVerdicts,
    private readonly law: LawRecipients,
  ) {}

  lawRecipients(manager: EntityManager, listId: string): Promise<string[]> {
    return this.law.ofList(manager, listId);
  }

  async build(manager: EntityManager, request: DocumentRequest, today: string): Promise<BuiltSnapshot> {
    const list = await findListHeader(manager, request.sourceId);
    if (!list)
      throw new DocumentException('Không tìm thấy danh sách để lập văn bản.', DocumentExceptionCode.SOURCE_NOT_FOUND);
    const ineligible = isIneligibleListKind(list.kind);
    if (ineligible !== (request.kind === DocumentKind.INELIGIBLE_LIST)) {
      throw new DocumentException(
        ineligible
          ? 'Danh sách này là danh sách người không đủ điều kiện.'
          : 'Danh sách này là danh sách người đủ điều kiện.',
        DocumentExceptionCode.KIND_NOT_SUPPORTED,
      );
    }
    const issuer = await findIssuer(manager, list.owner_unit_id);
    const round = await findRound(manager, list.round_id);
    const entries = await findListEntries(manager, this.verdicts, list.id);
    if (!issuer || !round)
      throw new DocumentException(
        'Không tìm thấy đơn vị hoặc đợt đặc xá của danh sách.',
        DocumentExceptionCode.SOURCE_NOT_FOUND,
      );
    const variant = ineligible ? ListVariant.INELIGIBLE : ListVariant.ELIGIBLE;
    // A court lists persons on suspension of their prison term (Luật Đặc xá 2018, Điều 15, khoản 3).
    const who = issuer.kind === 'COURT' ? 'Người đang được tạm đình chỉ chấp hành án phạt tù' : 'Người';
    const summary = `${who} ${ineligible ? 'không đủ điều kiện' : 'đủ điều kiện'} đề nghị ${lowerFirst(round.name)}`;
    const data = buildListViewModel({
      heading: headingFor({ issuer, request, today, documentType: 'DANH SÁCH', summary }),
      level: listLevelOf(issuer.kind),
      variant,
      // The list's code is the system's key, not a number of the registry book: the paper gives its posting instead.
      basis: list.posted_on ? `Niêm yết công khai ngày ${formatDate(list.posted_on)}` : '',
      entries,
      signatures: [signatureFor(request)],
      recipients: recipientsFor(request),
    });
    return {
      snapshot: { kind: request.kind as DocumentKind.ELIGIBLE_LIST | DocumentKind.INELIGIBLE_LIST, data },
      issuerUnitId: issuer.id,
    };
  }
}
