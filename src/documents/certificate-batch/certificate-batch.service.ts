import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { ScopedRecord, ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { NotFoundException } from '../../common/app.exception.js';
import { Clock } from '../../common/clock.js';
import {
  assertReleased,
  certificateIssuer,
  certificateViewModel,
  issuerUnitIdOf,
} from '../builders/certificate.builder.js';
import { findCertificateSources } from '../builders/certificate.repository.js';
import { headingFor } from '../builders/heading.js';
import type { IssuerRow } from '../builders/issuer.repository.js';
import { DocumentSourceType, type DocumentRequest } from '../builders/snapshot-builder.js';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { DocumentsService } from '../documents.service.js';
import { DocumentKind } from '../view-models/common.js';
import type { CreateCertificateBatchDto } from './certificate-batch.dto.js';
import { CertificateBatchRepository, type RegisterEntry } from './certificate-batch.repository.js';

// Issues, in one command, the certificates of every released person of a facility in a round who holds none yet
// (Luật Đặc xá 2018, Điều 18, khoản 3): each gets the next number of the issuing unit's register and a page of its own
// in one document, signed and verifiable like every document, printed and handed out page by page. A person already
// holding a certificate (from an earlier batch, or issued alone) is left out; when nobody is left the command is 409.
@Injectable()
export class CertificateBatchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CertificateBatchRepository,
    private readonly documents: DocumentsService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async issue(user: SessionUser, dto: CreateCertificateBatchDto) {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      await this.scope.assertUnitVisible(m, user, dto.facilityId, 'cơ sở giam giữ');
      const issuer = await this.issuerOf(m, user, dto.facilityId);
      const issuerUnitId = issuer.id;
      await this.repository.lockRegister(m, issuerUnitId);
      const ids = await this.repository.pending(m, {
        roundId: dto.roundId,
        facilityId: dto.facilityId,
        scope: this.scope.filter(ScopedRecord.CERTIFICATE, user, 'c', 3),
      });
      if (!ids.length)
        throw new DocumentException(
          'Mọi người được đặc xá đã tha của trại trong đợt này đều đã được cấp giấy chứng nhận đặc xá.',
          DocumentExceptionCode.NOTHING_TO_ISSUE,
        );
      const today = this.clock.today();
      const last = await this.repository.lastSeq(m, issuerUnitId);
      const sources = await findCertificateSources(m, ids);
      const entries: RegisterEntry[] = sources.map((source, index) => ({
        certificateId: source.id,
        seq: last + index + 1,
        number: `${String(last + index + 1).padStart(2, '0')}/${dto.symbol}`,
      }));
      const request = (number: string, sourceId: string): DocumentRequest => ({
        kind: DocumentKind.CERTIFICATE,
        sourceType: DocumentSourceType.CERTIFICATE,
        sourceId,
        number,
        place: dto.place ?? null,
        date: dto.date ?? null,
        signer: { authority: dto.signer.authority ?? null, title: dto.signer.title, name: dto.signer.name },
        recipients: [],
        requesterUnitId: user.orgUnitId,
      });
      const certificates = sources.map((source, index) => {
        assertReleased(source);
        return certificateViewModel({ source, issuer, request: request(entries[index].number, source.id), today });
      });
      const first = entries[0].number;
      const lastNumber = entries[entries.length - 1].number;
      const batchNumber = entries.length > 1 ? `${first.split('/')[0]}-${lastNumber}` : first;
      const batchId = await this.repository.insertBatch(m, {
        roundId: dto.roundId,
        facilityId: dto.facilityId,
        issuerUnitId,
        certificates: entries.length,
        createdBy: user.id,
      });
      await this.repository.insertRegister(m, { batchId, issuerUnitId, entries });
      const heading = headingFor({
        issuer,
        request: request(batchNumber, batchId),
        today,
        documentType: 'GIẤY CHỨNG NHẬN ĐẶC XÁ',
        summary: `Cấp cho ${entries.length} người được đặc xá, số ${first} đến số ${lastNumber}`,
      });
      const queued = await this.documents.enqueue(m, user, {
        snapshot: { kind: DocumentKind.CERTIFICATE_BATCH, data: { heading, certificates } },
        issuerUnitId,
        sourceType: DocumentSourceType.CERTIFICATE_BATCH,
        sourceId: batchId,
      });
      await this.audit.record(m, {
        actor: { id: user.id, name: user.fullName },
        action: 'certificate.batch',
        entityType: 'certificate_batch',
        entityId: batchId,
        after: {
          roundId: dto.roundId,
          facilityId: dto.facilityId,
          documentId: queued.documentId,
          register: entries.map((e) => ({ certificateId: e.certificateId, number: e.number })),
        },
      });
      return { batchId, ...queued, certificates: entries.length, firstNumber: first, lastNumber };
    });
  }

  // The facilities whose certificates the caller's unit issues with released persons still without one, per round.
  async pending(user: SessionUser) {
    const rows = await this.dataSource.transaction((m) =>
      this.repository.pendingByFacility(m, this.scope.filter(ScopedRecord.CERTIFICATE, user, 'c', 1)),
    );
    return rows
      .filter((row) => issuerUnitIdOf({ ...row, facility_id: row.facilityId }) === user.orgUnitId)
      .map(({ facility_kind: _k, parent_id: _p, ...row }) => row);
  }

  // A unit issues certificates under its own letterhead only: the camp head, or the THAHS head above a detention
  // centre (Luật Đặc xá 2018, Điều 18, khoản 3), as for a single certificate.
  private async issuerOf(m: EntityManager, user: SessionUser, facilityId: string): Promise<IssuerRow> {
    const facility = await this.repository.facility(m, facilityId);
    if (!facility) throw new NotFoundException('cơ sở giam giữ');
    const issuer = await certificateIssuer(m, facility);
    if (issuer.id !== user.orgUnitId)
      throw new DocumentException(
        'Giấy chứng nhận đặc xá của trại này do đơn vị khác cấp; bạn chỉ cấp được giấy mang tên đơn vị của mình.',
        DocumentExceptionCode.NOT_ISSUER,
      );
    return issuer;
  }
}
