import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StoredVerdicts } from '../../eligibility/stored-verdicts.js';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { DocumentKind } from '../view-models/common.js';
import { findDossierSource } from './dossier-source.repository.js';
import { lowerFirst } from './dossier-print.js';
import { headingFor, signatureFor } from './heading.js';
import { findIssuer, findRound } from './issuer.repository.js';
import { buildProposalSheet } from './proposal-sheet-view-model.js';
import {
  DocumentSourceType,
  type BuiltSnapshot,
  type DocumentRequest,
  type SnapshotBuilder,
} from './snapshot-builder.js';

// The proposal sheet (phiếu đề nghị xét đặc xá) of one dossier, issued by its facility, with the engine's figures.
@Injectable()
export class ProposalSheetBuilder implements SnapshotBuilder {
  readonly sourceType = DocumentSourceType.DOSSIER;
  readonly kinds = [DocumentKind.PROPOSAL_SHEET] as const;

  constructor(private readonly verdicts: StoredVerdicts) {}

  async build(manager: EntityManager, request: DocumentRequest, today: string): Promise<BuiltSnapshot> {
    const source = await findDossierSource(manager, this.verdicts, request.sourceId);
    if (!source)
      throw new DocumentException('Không tìm thấy hồ sơ để lập phiếu đề nghị.', DocumentExceptionCode.SOURCE_NOT_FOUND);
    const issuer = await findIssuer(manager, source.facility_id);
    const round = await findRound(manager, source.round_id);
    if (!issuer || !round)
      throw new DocumentException(
        'Không tìm thấy cơ sở giam giữ hoặc đợt đặc xá của hồ sơ.',
        DocumentExceptionCode.SOURCE_NOT_FOUND,
      );
    const roundName = lowerFirst(round.name);
    const data = buildProposalSheet({
      source,
      heading: headingFor({
        issuer,
        request,
        today,
        documentType: 'PHIẾU ĐỀ NGHỊ XÉT ĐẶC XÁ',
        summary: roundName.charAt(0).toLocaleUpperCase('vi') + roundName.slice(1),
      }),
      facility: issuer.name,
      roundName,
      signatures: [signatureFor(request)],
    });
    return { snapshot: { kind: DocumentKind.PROPOSAL_SHEET, data }, issuerUnitId: issuer.id };
  }
}
