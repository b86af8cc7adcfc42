import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { formatDate } from '../format/print-format.js';
import type { CertificateViewModel } from '../view-models/certificate.js';
import { DocumentKind } from '../view-models/common.js';
import { findCertificateSource } from './certificate.repository.js';
import { printAddress, printBirthDate, printOffences, printSentence, printSex } from './dossier-print.js';
import { headingFor, signatureFor } from './heading.js';
import { findIssuer } from './issuer.repository.js';
import {
  DocumentSourceType,
  type BuiltSnapshot,
  type DocumentRequest,
  type SnapshotBuilder,
} from './snapshot-builder.js';

// The amnesty certificate (giấy chứng nhận đặc xá) a camp head issues to a granted person on release
// (Luật Đặc xá 2018, Điều 18, khoản 3).
@Injectable()
export class CertificateBuilder implements SnapshotBuilder {
  readonly sourceType = DocumentSourceType.CERTIFICATE;
  readonly kinds = [DocumentKind.CERTIFICATE] as const;

  async build(manager: EntityManager, request: DocumentRequest, today: string): Promise<BuiltSnapshot> {
    const source = await findCertificateSource(manager, request.sourceId);
    if (!source)
      throw new DocumentException('Không tìm thấy giấy chứng nhận đặc xá.', DocumentExceptionCode.SOURCE_NOT_FOUND);
    // The certificate states the day of release (Law 30/2018 Art 18(3)): it exists only once that day is recorded.
    if (!source.released_on)
      throw new DocumentException(
        'Chưa ghi ngày tha tù của người được đặc xá: chỉ lập giấy chứng nhận đặc xá sau khi đã ghi việc tha.',
        DocumentExceptionCode.SOURCE_NOT_READY,
      );
    const issuer = await findIssuer(manager, source.facility_id);
    if (!issuer)
      throw new DocumentException(
        'Không tìm thấy cơ sở giam giữ cấp giấy chứng nhận.',
        DocumentExceptionCode.SOURCE_NOT_FOUND,
      );
    const doc = source.document;
    const judgment = doc.judgments[0];
    const custodyStart = doc.intervals.map((interval) => interval.from).sort()[0];
    const data: CertificateViewModel = {
      heading: headingFor({ issuer, request, today, documentType: 'GIẤY CHỨNG NHẬN ĐẶC XÁ', summary: '' }),
      bases: [
        'Căn cứ Luật Đặc xá ngày 19 tháng 11 năm 2018;',
        `Căn cứ Quyết định số ${source.decision_number} ngày ${formatDate(source.decision_date)} của Chủ tịch nước về đặc xá;`,
      ],
      person: {
        fullName: doc.person.fullName,
        alias: doc.person.aliases.join(', '),
        birthDate: printBirthDate(doc.person.birthDate),
        sex: printSex(doc.person.sex),
        birthPlace: '',
        residence: printAddress(doc.person.registeredResidence),
      },
      offence: printOffences(doc.judgments.flatMap((j) => j.offences)),
      sentence: printSentence(doc.aggregateSentence),
      judgment: judgment ? `Bản án số ${judgment.number} ngày ${formatDate(judgment.date)} của ${judgment.court}` : '',
      custodyStart: custodyStart ? formatDate(custodyStart) : '',
      releaseDate: formatDate(source.released_on),
      reportTo: `Ủy ban nhân dân ${printAddress(doc.person.residenceAfterRelease)}`,
      reportBy: '',
      signatures: [signatureFor(request)],
    };
    return { snapshot: { kind: DocumentKind.CERTIFICATE, data }, issuerUnitId: issuer.id };
  }
}
