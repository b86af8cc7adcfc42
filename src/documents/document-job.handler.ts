import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { protectedRows } from '../audit/protected-rows.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { JobInterrupted, JobQueue, type JobContext } from '../jobs/job-queue.service.js';
import { WORKER_ID } from '../jobs/job-leases.js';
import { DOCUMENT_RENDER_QUEUE } from '../jobs/queue-names.js';
import { DocumentChunkJobs } from './document-chunk-jobs.js';
import { describeFailure, WORKER_STOPPED_FAILURE } from './document-job-failure.js';
import { DocumentRendererService } from './document-renderer.service.js';
import { DocumentStorage } from './document-storage.js';
import { DocumentException, DocumentExceptionCode } from './documents.exception.js';
import { DocumentsRepository } from './documents.repository.js';
import { RenderInterrupted } from './pdf/pdf-engine.js';
import type { PdfSignRequest } from './signing/sign-pdf.js';
import { UnitCertificates } from './signing/unit-certificates.js';
import type { DocumentSnapshot } from './view-models/view-model-map.js';
import { pdfPagesRendered } from '../observability/metrics.js';

export interface DocumentJobData {
  jobId: string;
  // Queued by the last chunk job of a long document: merge what the chunk jobs printed.
  merge?: boolean;
}

// Progress is written at most this often; a national list reports dozens of chunks.
const PROGRESS_INTERVAL_MS = 500;

// Worker side of document generation: render the stored snapshot, store the PDF with its SHA-256, and record the
// completion with its audit row in one transaction. A template error will fail again, so it is final; a timeout or a
// browser crash is thrown back to the queue, which retries it with backoff (the pool launches a fresh browser). Every
// finished chunk is kept on disk until the document is stored, so a retry after a crash renders only what is left,
// and the PDF comes out byte for byte as an uninterrupted render would.
@Injectable()
export class DocumentJobHandler {
  private readonly logger = new Logger('Documents');

  constructor(
    jobs: JobQueue,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly repository: DocumentsRepository,
    private readonly renderer: DocumentRendererService,
    private readonly storage: DocumentStorage,
    private readonly audit: AuditService,
    private readonly certificates: UnitCertificates,
    private readonly chunkJobs: DocumentChunkJobs,
  ) {
    // The queue's expiry is the backstop for a worker that dies mid-job; the in-process timeout fires first.
    const timeoutSeconds = Math.ceil(config.documentJobTimeoutMs / 1000) + 60;
    // Two jobs at a time by default: the queue waits up to its polling interval (0.5 s) before taking the next job, so
    // one job at a time left the browser idle between short documents (minutes, notices) for longer than they took.
    jobs.register<DocumentJobData>(DOCUMENT_RENDER_QUEUE, (data, context) => this.handle(data, context), {
      timeoutSeconds,
      concurrency: config.documentJobsPerWorker,
      onGiveUp: ({ jobId }) => this.repository.failJob(jobId, WORKER_STOPPED_FAILURE, true),
    });
  }

  // The issuing unit signs its document when a certificate is configured for it (or a demo one is made); without one
  // the document is stored unsigned. A certificate that cannot be opened fails the job with a reason an operator acts on.
  private async signRequest(documentId: string, number: string): Promise<PdfSignRequest | null> {
    const unit = await this.repository.issuingUnit(documentId);
    let identity;
    try {
      identity = await this.certificates.forUnit({ code: unit.code, name: unit.name, parentName: unit.parent_name });
    } catch (error) {
      this.logger.error(`Signing identity of ${unit.code}: ${(error as Error).message}`);
      throw new DocumentException(
        `Không ký số được văn bản: không mở được chứng thư số của ${unit.name}. Báo quản trị viên kiểm tra tệp chứng thư và mật khẩu`,
        DocumentExceptionCode.SIGNING_FAILED,
      );
    }
    if (!identity) return null;
    return {
      identity,
      signingTime: new Date(),
      reason: `Ban hành văn bản số ${number}`,
      location: unit.place ?? '',
    };
  }

  async handle({ jobId, merge }: DocumentJobData, context?: JobContext): Promise<void> {
    // A merge's first run continues the attempt that queued the chunk jobs; its retries are attempts of their own.
    const claimed = await this.repository.startJob(jobId, WORKER_ID, !merge || (context?.attempt ?? 1) > 1);
    if (!claimed) return;
    let lastWrite = 0;
    const chunkRows = this.renderer.chunkRows;
    try {
      const stored = await this.repository.findSnapshot(claimed.document_id);
      if (!stored)
        throw new DocumentException('Không tìm thấy văn bản của công việc.', DocumentExceptionCode.DOCUMENT_NOT_FOUND);
      const snapshot = { kind: stored.kind, data: stored.snapshot } as DocumentSnapshot;
      // A long document goes out as chunk jobs; the worker that prints the last of them queues this job again, which
      // then merges the printed chunks.
      if (await this.chunkJobs.fanOut(jobId, snapshot)) return;
      const document = { id: claimed.document_id, createdAt: stored.created_at, snapshotHash: stored.snapshot_hash };
      const sign = await this.signRequest(claimed.document_id, stored.number);
      const rendered = await this.renderer.render(snapshot, document, {
        sign,
        chunkStore: this.storage.chunks(claimed.document_id, chunkRows),
        chunkCache: this.storage.chunkCache(),
        interrupt: context?.signal,
        onProgress: async (progress) => {
          const now = Date.now();
          if (now - lastWrite < PROGRESS_INTERVAL_MS && progress.chunksDone < progress.chunksTotal) return;
          lastWrite = now;
          await this.repository.recordProgress(jobId, progress);
        },
      });
      if (rendered.snapshotHash !== stored.snapshot_hash) {
        throw new Error(`Snapshot hash changed between request and rendering for document ${claimed.document_id}`);
      }
      pdfPagesRendered.inc({ kind: rendered.kind }, rendered.pages);
      const filePath = await this.storage.write(claimed.document_id, rendered.bytes);
      await this.dataSource.transaction(async (manager) => {
        await this.repository.completeDocument(manager, {
          documentId: claimed.document_id,
          jobId,
          sha256: rendered.sha256,
          renderSha256: rendered.renderSha256,
          signature: rendered.signature,
          filePath,
          fileSize: rendered.bytes.byteLength,
          pages: rendered.pages,
        });
        const creator = await this.repository.creatorOf(manager, claimed.document_id);
        await this.audit.record(manager, {
          actor: { id: creator.id, name: creator.name },
          action: 'document.generated',
          entityType: 'document',
          entityId: claimed.document_id,
          after: {
            kind: rendered.kind,
            number: rendered.number,
            snapshotHash: rendered.snapshotHash,
            sha256: rendered.sha256,
            renderSha256: rendered.renderSha256,
            signedBy: rendered.signature?.signedBy ?? null,
            signerCertificateSha256: rendered.signature?.certificateSha256 ?? null,
            pages: rendered.pages,
          },
          rows: [protectedRows.document(claimed.document_id)],
        });
      });
      await this.storage.clearChunks(claimed.document_id, chunkRows);
      // The document is stored: a sweep that fails is only tried again an hour later.
      await this.storage.sweepChunkCache().catch(() => 0);
    } catch (error) {
      if (error instanceof RenderInterrupted) throw new JobInterrupted();
      const failure = describeFailure(error, context);
      this.logger.error(`Document job ${jobId} failed${failure.attempt}: ${(error as Error).message}`);
      await this.repository.failJob(jobId, failure, failure.final);
      if (!failure.final) throw error;
    }
  }
}
