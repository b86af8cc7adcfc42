import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StoredVerdicts } from '../../eligibility/stored-verdicts.js';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import type { AppraisalNoteViewModel } from '../view-models/appraisal-note.js';
import { DocumentKind } from '../view-models/common.js';
import { appraisalConclusion, appraisalFlags } from './appraisal-note-view-model.js';
import { findAppraisal } from './appraisal-source.repository.js';
import { findDossierSource } from './dossier-source.repository.js';
import { lowerFirst, printBirthDate } from './dossier-print.js';
import { headingFor, signatureFor } from './heading.js';
import { findIssuer, findRound } from './issuer.repository.js';
import {
  DocumentSourceType,
  type BuiltSnapshot,
  type DocumentRequest,
  type SnapshotBuilder,
} from './snapshot-builder.js';

// The appraisal note of one dossier, issued by the requester's body (the interagency appraisal team), with the flags
// still standing and the members' opinions (Luật Đặc xá 2018, Điều 16; Nghị định 52/2019/NĐ-CP, Điều 8).
@Injectable()
export class AppraisalNoteBuilder implements SnapshotBuilder {
  readonly sourceType = DocumentSourceType.DOSSIER;
  readonly kinds = [DocumentKind.APPRAISAL_NOTE] as const;

  constructor(private readonly verdicts: StoredVerdicts) {}

  async build(manager: EntityManager, request: DocumentRequest, today: string): Promise<BuiltSnapshot> {
    const source = await findDossierSource(manager, this.verdicts, request.sourceId);
    if (!source)
      throw new DocumentException(
        'Không tìm thấy hồ sơ để lập phiếu thẩm định.',
        DocumentExceptionCode.SOURCE_NOT_FOUND,
      );
    const issuer = await findIssuer(manager, request.requesterUnitId);
    const facility = await findIssuer(manager, source.facility_id);
    const round = await findRound(manager, source.round_id);
    const appraisal = await findAppraisal(manager, source.id);
    if (!issuer || !facility || !round)
      throw new DocumentException(
        'Không tìm thấy đơn vị hoặc đợt đặc xá của hồ sơ.',
        DocumentExceptionCode.SOURCE_NOT_FOUND,
      );
    const person = source.document.person;
    const data: AppraisalNoteViewModel = {
      heading: headingFor({
        issuer,
        request,
        today,
        documentType: 'PHIẾU THẨM ĐỊNH',
        summary: `Hồ sơ đề nghị ${lowerFirst(round.name)}`,
      }),
      dossier: {
        code: source.document.inmateNumber,
        fullName: person.fullName,
        birthDate: printBirthDate(person.birthDate),
        facility: facility.name,
        proposingBody: facility.parent_name ?? facility.name,
        category: source.verdict?.view.categoryLabel ?? '',
      },
      comparedWith: 'Tổ thẩm định liên ngành đã đối chiếu văn bản đề nghị đặc xá với hồ sơ gốc của người được đề nghị.',
      flags: appraisalFlags(appraisal.flags),
      ...appraisalConclusion(appraisal.opinions),
      signatures: [signatureFor(request)],
    };
    return { snapshot: { kind: DocumentKind.APPRAISAL_NOTE, data }, issuerUnitId: issuer.id };
  }
}
