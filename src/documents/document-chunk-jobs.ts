import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { WORKER_ID } from '../jobs/job-leases.js';
import { JobInterrupted, JobQueue, type JobContext } from '../jobs/job-queue.service.js';
import { DOCUMENT_CHUNK_QUEUE, DOCUMENT_RENDER_QUEUE } from '../jobs/queue-names.js';
import { DocumentChunkRunsRepository } from './document-chunk-runs.repository.js';
import { describeFailure, WORKER_STOPPED_FAILURE } from './document-job-failure.js';
import { DocumentRendererService } from './document-renderer.service.js';
import { DocumentStorage } from './document-storage.js';
import { DocumentsRepository } from './documents.repository.js';
import { RenderInterrupted } from './pdf/pdf-engine.js';
import type { DocumentSnapshot } from './view-models/view-model-map.js';

export interface DocumentChunkJobData {
  // The document job the part belongs to.
  jobId: string;
  part: number;
}

// A long document is printed by several workers at once: its document job cuts it into parts of
// DOCUMENT_CHUNKS_PER_JOB chunks and queues one chunk job per part, which any worker on the same database and storage
// may take. Each prints its chunks into the document's chunk store and the chunk cache (shared storage); the worker
// that counts off the last part queues the document job again, and that run merges the printed chunks exactly as a
// single worker's render would (same chunks, same order, same bytes). A chunk job retried after its worker died
// prints only the chunks it had not stored; a part already counted is not counted twice, so the merge is queued once.
@Injectable()
export class DocumentChunkJobs {
  private readonly logger = new Logger('Documents');

  constructor(
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly runs: DocumentChunkRunsRepository,
    private readonly documents: DocumentsRepository,
    private readonly renderer: DocumentRendererService,
    private readonly storage: DocumentStorage,
  ) {
    jobs.register<DocumentChunkJobData>(DOCUMENT_CHUNK_QUEUE, (data, context) => this.print(data, context), {
      timeoutSeconds: Math.ceil(config.documentJobTimeoutMs / 1000) + 60,
      concurrency: config.documentJobsPerWorker,
      onGiveUp: ({ jobId }) => this.documents.failJob(jobId, WORKER_STOPPED_FAILURE, true),
    });
  }

  // Called by the document job. True while the document's chunk jobs are out (the last of them queues the merge);
  // false when the job should render now: a short document, or the merge of a run whose parts are all printed.
  async fanOut(jobId: string, snapshot: DocumentSnapshot): Promise<boolean> {
    const run = await this.runs.find(jobId);
    if (run) return run.remaining > 0;
    const chunks = this.renderer.chunkCount(snapshot);
    if (chunks <= this.config.documentFanoutChunks) return false;
    const chunksPerPart = this.config.documentChunksPerJob;
    const parts = Math.ceil(chunks / chunksPerPart);
    // The run and its chunk jobs commit together: either every part is queued or none is.
    await this.dataSource.transaction(async (manager) => {
      const chunkRows = this.renderer.chunkRows;
      if (!(await this.runs.create(manager, { jobId, chunks, chunkRows, chunksPerPart, parts }))) return;
      for (let part = 0; part < parts; part += 1)
        await this.jobs.send<DocumentChunkJobData>(DOCUMENT_CHUNK_QUEUE, { jobId, part }, manager);
    });
    this.logger.log(`Document job ${jobId}: ${chunks} chunks queued as ${parts} chunk jobs`);
    return true;
  }

  async print({ jobId, part }: DocumentChunkJobData, context?: JobContext): Promise<void> {
    const run = await this.runs.find(jobId);
    if (!run || run.state === 'completed' || run.state === 'failed') return;
    try {
      const stored = await this.documents.findSnapshot(run.document_id);
      if (!stored) return;
      const snapshot = { kind: stored.kind, data: stored.snapshot } as DocumentSnapshot;
      const from = part * run.chunks_per_part;
      const printed = await this.renderer.printChunks(
        snapshot,
        { from, to: from + run.chunks_per_part, chunkRows: run.chunk_rows },
        {
          chunkStore: this.storage.chunks(run.document_id, run.chunk_rows),
          chunkCache: this.storage.chunkCache(),
          interrupt: context?.signal,
        },
      );
      await this.dataSource.transaction(async (manager) => {
        const remaining = await this.runs.finishPart(manager, { jobId, part, worker: WORKER_ID, printed });
        if (remaining === 0) await this.jobs.send(DOCUMENT_RENDER_QUEUE, { jobId, merge: true }, manager);
      });
    } catch (error) {
      if (error instanceof RenderInterrupted) throw new JobInterrupted();
      const failure = describeFailure(error, context);
      this.logger.error(
        `Chunk job ${part} of document job ${jobId} failed${failure.attempt}: ${(error as Error).message}`,
      );
      // Until the last attempt the document stays in rendering: its other parts go on while this one is retried.
      if (!failure.final) throw error;
      await this.documents.failJob(jobId, failure, true);
    }
  }
}
