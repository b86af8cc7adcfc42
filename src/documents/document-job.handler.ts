import { Inject, Injectable, Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { DOCUMENT_RENDER_QUEUE } from '../jobs/queue-names.js';
import { DocumentRendererService } from './document-renderer.service.js';
import { DocumentStorage } from './document-storage.js';
import { DocumentException, DocumentExceptionCode } from './documents.exception.js';
import { DocumentsRepository } from './documents.repository.js';
import type { DocumentSnapshot } from './view-models/view-model-map.js';
import { pdfPagesRendered } from '../observability/metrics.js';

export interface DocumentJobData {
  jobId: string;
}

// Progress is written at most this often; a national list reports dozens of chunks.
const PROGRESS_INTERVAL_MS = 500;

// Worker side of document generation: render the stored snapshot, store the PDF with its SHA-256, and record the
// completion with its audit row in one transaction. A template error will fail again, so it is final; a timeout or a
// browser crash is thrown back to the queue, which retries it (the pool launches a fresh browser).
@Injectable()
export class DocumentJobHandler {
  private readonly logger = new Logger('Documents');
  private readonly worker = `${hostname()}:${process.pid}`;

  constructor(
    jobs: JobQueue,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly repository: DocumentsRepository,
    private readonly renderer: DocumentRendererService,
    private readonly storage: DocumentStorage,
    private readonly audit: AuditService,
  ) {
    // The queue's expiry is the backstop for a worker that dies mid-job; the in-process timeout fires first.
    const timeoutSeconds = Math.ceil(config.documentJobTimeoutMs / 1000) + 60;
    jobs.register<DocumentJobData>(DOCUMENT_RENDER_QUEUE, (data) => this.handle(data), { timeoutSeconds });
  }

  async handle({ jobId }: DocumentJobData): Promise<void> {
    const claimed = await this.repository.startJob(jobId, this.worker);
    if (!claimed) return;
    let lastWrite = 0;
    try {
      const stored = await this.repository.findSnapshot(claimed.document_id);
      if (!stored)
        throw new DocumentException('Không tìm thấy văn bản của công việc.', DocumentExceptionCode.DOCUMENT_NOT_FOUND);
      const snapshot = { kind: stored.kind, data: stored.snapshot } as DocumentSnapshot;
      const document = { id: claimed.document_id, createdAt: stored.created_at, snapshotHash: stored.snapshot_hash };
      const rendered = await this.renderer.render(snapshot, document, async (progress) => {
        const now = Date.now();
        if (now - lastWrite < PROGRESS_INTERVAL_MS && progress.chunksDone < progress.chunksTotal) return;
        lastWrite = now;
        await this.repository.recordProgress(jobId, progress);
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
            pages: rendered.pages,
          },
        });
      });
    } catch (error) {
      const final = error instanceof DocumentException && error.documentCode === DocumentExceptionCode.TEMPLATE_FAILED;
      // Users see the typed reason or a generic sentence; the internal text stays in the log.
      const failure =
        error instanceof DocumentException
          ? { code: error.documentCode, message: error.message }
          : {
              code: DocumentExceptionCode.RENDER_FAILED,
              message: 'Lỗi hệ thống khi dựng văn bản; hệ thống sẽ thử lại, nếu vẫn lỗi hãy báo quản trị viên.',
            };
      this.logger.error(`Document job ${jobId} failed: ${(error as Error).message}`);
      await this.repository.failJob(jobId, failure);
      if (!final) throw error;
    }
  }
}
