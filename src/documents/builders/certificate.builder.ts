import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { formatDate } from '../format/print-format.js';
import type { CertificateViewModel } from '../view-models/certificate.js';
import { DocumentKind } from '../view-models/common.js';
import { findCertificateSource, type CertificateSourceRow } from './certificate.repository.js';
import { printAddress, printBirthDate, printOffences, printSentence, printSex } from './dossier-print.js';
import { amnestyBases, headingFor, recipientsFor, signatureFor } from './heading.js';
import { issuerFor, presentationDueDate } from '../../workflow/core/after-decision.js';
import {
  CertificateRoute,
  certificateRouteOf,
  certificateStatement,
} from '../../workflow/core/certificate-statement.js';
import { isFacilityKind } from '../../workflow/core/routing.js';
import { findIssuer, type IssuerRow } from './issuer.repository.js';
import {
  DocumentSourceType,
  type BuiltSnapshot,
  type DocumentRequest,
  type SnapshotBuilder,
} from './snapshot-builder.js';

// The amnesty certificate (giấy chứng nhận đặc xá) issued to a granted person on release by the head the law names
// for the facility (Luật Đặc xá 2018, Điều 18, khoản 3), its copies under "Nơi nhận" (khoản 4) and the day by which
// the person presents it (Điều 20, khoản 2, điểm a; the round's period).
@Injectable()
export class CertificateBuilder implements SnapshotBuilder {
  readonly sourceType = DocumentSourceType.CERTIFICATE;
  readonly kinds = [DocumentKind.CERTIFICATE] as const;

  async build(manager: EntityManager, request: DocumentRequest, today: string): Promise<BuiltSnapshot> {
    const source = await findCertificateSource(manager, request.sourceId);
    if (!source)
      throw new DocumentException('Không tìm thấy giấy chứng nhận đặc xá.', DocumentExceptionCode.SOURCE_NOT_FOUND);
    assertReleased(source);
    const issuer = await certificateIssuer(manager, source);
    const data = certificateViewModel({ source, issuer, request, today });
    return { snapshot: { kind: DocumentKind.CERTIFICATE, data }, issuerUnitId: issuer.id };
  }
}

// The certificate states the day of release (Law 30/2018 Art 18(3)): it exists only once that day is recorded.
export function assertReleased(source: CertificateSourceRow): asserts source is CertificateSourceRow & {
  released_on: string;
} {
  if (source.released_on) return;
  throw new DocumentException(
    certificateRouteOf(source.document.status) === CertificateRoute.CAMP
      ? 'Chưa ghi ngày tha tù của người được đặc xá: chỉ lập giấy chứng nhận đặc xá sau khi đã ghi việc tha.'
      : 'Chưa ghi ngày cấp giấy chứng nhận đặc xá: chỉ in giấy chứng nhận sau khi đã ghi ngày cấp.',
    DocumentExceptionCode.SOURCE_NOT_READY,
  );
}

// The head the law names for the facility's kind signs it: the camp head, or the provincial or military-region THAHS
// head above a detention centre (Luật Đặc xá 2018, Điều 18, khoản 3); the courts' route adds the court.
export async function certificateIssuer(manager: EntityManager, facility: IssuingFacility): Promise<IssuerRow> {
  const issuer = await findIssuer(manager, issuerUnitIdOf(facility));
  if (!issuer)
    throw new DocumentException(
      'Không tìm thấy cơ sở giam giữ cấp giấy chứng nhận.',
      DocumentExceptionCode.SOURCE_NOT_FOUND,
    );
  return issuer;
}

type IssuingFacility = Pick<CertificateSourceRow, 'facility_id' | 'facility_kind' | 'parent_id'>;

// The unit under whose letterhead the facility's certificates are issued.
export function issuerUnitIdOf(facility: IssuingFacility): string {
  const kind = facility.facility_kind && isFacilityKind(facility.facility_kind) ? facility.facility_kind : null;
  const issuing = kind ? issuerFor({ facilityKind: kind }) : null;
  return issuing?.letterhead === 'DEPARTMENT' && facility.parent_id ? facility.parent_id : facility.facility_id;
}

// One certificate's page, as printed alone or as a page of a facility's batch; `request.number` is its number.
export function certificateViewModel(input: {
  source: CertificateSourceRow & { released_on: string };
  issuer: IssuerRow;
  request: DocumentRequest;
  today: string;
}): CertificateViewModel {
  const { source, issuer, request, today } = input;
  const doc = source.document;
  const days = source.parameters?.deadlines?.certificatePresentationDays?.value;
  const reportBy = presentationDueDate(source.released_on, Number.isInteger(days) ? (days as number) : null);
  const judgment = doc.judgments[0];
  const custodyStart = doc.intervals.map((interval) => interval.from).sort()[0];
  return {
    heading: headingFor({ issuer, request, today, documentType: 'GIẤY CHỨNG NHẬN ĐẶC XÁ', summary: '' }),
    bases: [...amnestyBases({ number: source.decision_number, date: source.decision_date })],
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
    statement: certificateStatement({ status: doc.status, effectiveOn: source.released_on }).text,
    // The unit named when the certificate was issued, else the People's Committee of the residence after release.
    reportTo: source.presentation_unit_name ?? `Ủy ban nhân dân ${printAddress(doc.person.residenceAfterRelease)}`,
    reportBy: reportBy ? formatDate(reportBy) : '',
    signatures: [signatureFor(request)],
    recipients: recipientsFor({
      ...request,
      recipients: [doc.person.fullName, ...source.copies.map((c) => c.addressee), ...request.recipients],
    }),
  };
}
