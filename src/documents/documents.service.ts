import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { protectedRows } from '../audit/protected-rows.js';
import { ScopedRecord, ScopeService } from '../auth/scope.service.js';
import type { SessionUser } from '../auth/session-user.js';
import { Clock } from '../common/clock.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { DOCUMENT_RENDER_QUEUE } from '../jobs/queue-names.js';
import type { BuiltSnapshot, DocumentRequest, DocumentSourceType } from './builders/snapshot-builder.js';
import { SnapshotBuilders } from './builders/snapshot-builders.js';
import { DocumentStorage } from './document-storage.js';
import { DocumentException, DocumentExceptionCode } from './documents.exception.js';
import { DocumentsRepository, type DocumentRow } from './documents.repository.js';
import type { CreateDocumentDto } from './documents.dto.js';
import { formRecipients, KINDS_WITH_RECIPIENTS } from './kinds/form-recipients.js';
import { planDocument } from './kinds/plan-document.js';
import type { DocumentKind } from './view-models/common.js';

export interface DocumentJobView {
  id: string;
  documentId: string;
  kind: string;
  number: string;
  state: string;
  chunksDone: number;
  chunksTotal: number;
  pagesDone: number;
  percent: number;
  attempts: number;
  // A failed job's reason: a stable code (DocumentExceptionCode) and a Vietnamese sentence.
  errorCode: string | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

// Freezes the data of a document at request time (the snapshot and its hash), queues its rendering, and answers
// questions about documents the caller's unit may see.
@Injectable()
export class DocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly builders: SnapshotBuilders,
    private readonly repository: DocumentsRepository,
    private readonly storage: DocumentStorage,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
  ) {}

  async request(
    user: SessionUser,
    dto: CreateDocumentDto,
  ): Promise<{ jobId: string; documentId: string; snapshotHash: string }> {
    const request: DocumentRequest = {
      kind: dto.kind,
      sourceType: dto.sourceType,
      sourceId: dto.sourceId,
      number: dto.number,
      place: dto.place ?? null,
      date: dto.date ?? null,
      signer: { authority: dto.signer.authority ?? null, title: dto.signer.title, name: dto.signer.name },
      recipients: dto.recipients ?? [],
      requesterUnitId: user.orgUnitId,
    };
    const builder = this.builders.for(request.kind, request.sourceType);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await this.scope.assertDocumentSourceVisible(manager, user, request);
      // A request that gives no "Nơi nhận" sends the document where the law sends it.
      if (!dto.recipients) request.recipients = (await builder.lawRecipients?.(manager, request.sourceId)) ?? [];
      const built = await builder.build(manager, request, this.clock.today());
      // A unit issues documents under its own letterhead only, about a source it may read.
      if (built.issuerUnitId !== user.orgUnitId)
        throw new DocumentException(
          'Loại văn bản này do đơn vị quản lý nguồn dữ liệu ban hành; bạn chỉ lập được văn bản mang tên đơn vị của mình.',
          DocumentExceptionCode.NOT_ISSUER,
        );
      return this.enqueue(manager, user, { ...built, sourceType: request.sourceType, sourceId: request.sourceId });
    });
  }

  // Stores a built document and queues its rendering, in the caller's transaction, with its audit row: the tail of
  // every document command (a single request, a facility's batch of certificates).
  async enqueue(
    manager: EntityManager,
    user: SessionUser,
    built: BuiltSnapshot & { sourceType: DocumentSourceType; sourceId: string },
  ): Promise<{ jobId: string; documentId: string; snapshotHash: string }> {
    const plan = planDocument(built.snapshot);
    const documentId = await this.repository.insertDocument(manager, {
      kind: built.snapshot.kind,
      sourceType: built.sourceType,
      sourceId: built.sourceId,
      issuerUnitId: built.issuerUnitId,
      number: plan.number,
      title: plan.title,
      snapshot: built.snapshot.data,
      snapshotHash: plan.snapshotHash,
      createdBy: user.id,
    });
    const jobId = await this.repository.insertJob(manager, documentId);
    await this.audit.record(manager, {
      actor: { id: user.id, name: user.fullName },
      action: 'document.requested',
      entityType: 'document',
      entityId: documentId,
      after: {
        kind: built.snapshot.kind,
        number: plan.number,
        sourceType: built.sourceType,
        sourceId: built.sourceId,
        snapshotHash: plan.snapshotHash,
      },
      rows: [protectedRows.document(documentId)],
    });
    await this.jobs.send(DOCUMENT_RENDER_QUEUE, { jobId }, manager);
    return { jobId, documentId, snapshotHash: plan.snapshotHash };
  }

  // What the request form offers in "Nơi nhận" for a document of `kind` about a source the caller may read: the
  // recipients the law names from the source, then the kind's own lines (kinds/form-recipients.ts).
  async formRecipients(
    user: SessionUser,
    source: { kind: DocumentKind; sourceType: DocumentRequest['sourceType']; sourceId: string },
  ): Promise<string[]> {
    if (!KINDS_WITH_RECIPIENTS.has(source.kind)) return [];
    const builder = this.builders.for(source.kind, source.sourceType);
    const named = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await this.scope.assertDocumentSourceVisible(manager, user, source);
      return (await builder.lawRecipients?.(manager, source.sourceId)) ?? [];
    });
    return [...named, ...formRecipients(source.kind)];
  }

  async job(user: SessionUser, jobId: string): Promise<DocumentJobView> {
    const job = await this.repository.findJob(jobId);
    if (
      !job ||
      !(await this.scope.visibleIds(this.dataSource.manager, user, ScopedRecord.DOCUMENT_JOB, [jobId])).length
    )
      throw new DocumentException('Không tìm thấy công việc lập văn bản.', DocumentExceptionCode.JOB_NOT_FOUND);
    const percent =
      job.state === 'completed'
        ? 100
        : job.chunks_total > 0
          ? Math.floor((job.chunks_done * 100) / job.chunks_total)
          : 0;
    return {
      id: job.id,
      documentId: job.document_id,
      kind: job.kind,
      number: job.number,
      state: job.state,
      chunksDone: job.chunks_done,
      chunksTotal: job.chunks_total,
      pagesDone: job.pages_done,
      percent: Math.min(percent, job.state === 'completed' ? 100 : 99),
      attempts: job.attempts,
      errorCode: job.error_code,
      error: job.error,
      createdAt: job.created_at,
      startedAt: job.started_at,
      finishedAt: job.finished_at,
    };
  }

  async document(user: SessionUser, id: string): Promise<DocumentRow> {
    const document = await this.repository.findDocument(id);
    if (!document || !(await this.scope.visibleIds(this.dataSource.manager, user, ScopedRecord.DOCUMENT, [id])).length)
      throw new DocumentException('Không tìm thấy văn bản.', DocumentExceptionCode.DOCUMENT_NOT_FOUND);
    return document;
  }

  async file(user: SessionUser, id: string): Promise<{ document: DocumentRow; bytes: Buffer }> {
    const document = await this.document(user, id);
    if (!document.file_path)
      throw new DocumentException('Văn bản chưa được dựng xong.', DocumentExceptionCode.FILE_NOT_READY);
    return { document, bytes: await this.storage.read(document.file_path) };
  }
}
