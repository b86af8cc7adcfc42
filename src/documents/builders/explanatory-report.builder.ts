import { agencyLabel } from '../../auth/agency-labels.js';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { formatInteger } from '../format/print-format.js';
import { DocumentKind } from '../view-models/common.js';
import type { DisagreementRow, ExplanatoryReportViewModel } from '../view-models/explanatory-report.js';
import { appraisalConclusion } from './appraisal-note-view-model.js';
import { lowerFirst, printBirthDate } from './dossier-print.js';
import { findExplanatoryReport, findReportDossiers } from './explanatory-report.repository.js';
import { headingFor, recipientsFor, signatureFor } from './heading.js';
import { findIssuer, findRound } from './issuer.repository.js';
import { LawRecipients } from './law-recipients.js';
import {
  DocumentSourceType,
  type BuiltSnapshot,
  type DocumentRequest,
  type SnapshotBuilder,
} from './snapshot-builder.js';

const OPINIONS: Record<string, string> = {
  agree: 'Đồng ý',
  disagree: 'Không đồng ý',
  needs_supplement: 'Đề nghị bổ sung',
};

// The standing body's explanatory report (báo cáo giải trình) from the stored report: one row per dossier on which the
// agencies still disagree, with their opinions, the findings and how each was settled.
@Injectable()
export class ExplanatoryReportBuilder implements SnapshotBuilder {
  readonly sourceType = DocumentSourceType.EXPLANATORY_REPORT;
  readonly kinds = [DocumentKind.EXPLANATORY_REPORT] as const;

  constructor(private readonly law: LawRecipients) {}

  // The Council the report is addressed to, for the official to edit.
  lawRecipients(manager: EntityManager): Promise<string[]> {
    return this.law.ofExplanatoryReport(manager);
  }

  async build(manager: EntityManager, request: DocumentRequest, today: string): Promise<BuiltSnapshot> {
    const report = await findExplanatoryReport(manager, request.sourceId);
    if (!report)
      throw new DocumentException('Không tìm thấy báo cáo giải trình.', DocumentExceptionCode.SOURCE_NOT_FOUND);
    const issuer = await findIssuer(manager, request.requesterUnitId);
    const round = await findRound(manager, report.round_id);
    const dossiers = await findReportDossiers(
      manager,
      report.items.map((item) => item.dossierId),
    );
    if (!issuer || !round)
      throw new DocumentException(
        'Không tìm thấy đơn vị hoặc đợt đặc xá của báo cáo.',
        DocumentExceptionCode.SOURCE_NOT_FOUND,
      );
    const byId = new Map(dossiers.map((dossier) => [dossier.id, dossier]));
    const rows: DisagreementRow[] = report.items.map((item, index) => {
      const dossier = byId.get(item.dossierId);
      const opinions = item.opinions.map((o) => ({
        agency: o.agency,
        opinion: o.opinion as 'agree' | 'disagree' | 'needs_supplement',
        note: o.note,
      }));
      return {
        order: index + 1,
        fullName: dossier?.full_name ?? item.dossierId,
        birthDate: dossier ? printBirthDate(dossier.birth_date) : '',
        facility: dossier?.facility_name ?? '',
        proposal: 'Đề nghị đặc xá',
        appraisalOpinion: item.opinions
          .map((o) => `${agencyLabel(o.agency)}: ${OPINIONS[o.opinion] ?? o.opinion}${o.note ? ` (${o.note})` : ''}`)
          .join('; '),
        explanation: item.findings
          .map((f) => `${f.message}: ${f.outcome}${f.resolution ? ` (${f.resolution})` : ''}`)
          .join('; '),
        standingBodyView: appraisalConclusion(opinions).conclusion,
      };
    });
    const roundName = lowerFirst(round.name);
    const data: ExplanatoryReportViewModel = {
      heading: headingFor({
        issuer,
        request,
        today,
        documentType: 'BÁO CÁO',
        summary: `Giải trình các trường hợp có ý kiến khác nhau, ${roundName}`,
      }),
      addressee: 'Hội đồng tư vấn đặc xá',
      introduction: [
        `Thường trực Hội đồng tư vấn đặc xá báo cáo giải trình các trường hợp các cơ quan còn ý kiến khác nhau trong ${roundName}.`,
      ],
      figures: [{ label: 'Số trường hợp có ý kiến khác nhau', value: formatInteger(rows.length) }],
      disagreements: rows,
      closing: ['Thường trực Hội đồng kính trình Hội đồng tư vấn đặc xá xem xét, quyết định.'],
      signatures: [signatureFor(request)],
      recipients: recipientsFor(request),
    };
    return { snapshot: { kind: DocumentKind.EXPLANATORY_REPORT, data }, issuerUnitId: issuer.id };
  }
}
