import { verificationUrl } from './verify/verification-url.js';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { ChildProcessRegistry } from '../common/child-processes.js';
import { BrowserPool } from './pdf/browser-pool.js';
import type { ChunkCache } from './pdf/chunk-cache.js';
import { PdfEngine, type ChunkStore, type RenderedDocument, type RenderProgress } from './pdf/pdf-engine.js';
import { DocumentTemplates } from './render/document-templates.js';
import type { PdfSignRequest } from './signing/sign-pdf.js';
import type { DocumentSnapshot } from './view-models/view-model-map.js';

// A long-running Chromium grows; replacing it after this many documents keeps a worker's memory flat.
const RECYCLE_AFTER_DOCUMENTS = 50;

// The process's one browser and template set, launched on first use and closed with the application.
@Injectable()
export class DocumentRendererService implements OnApplicationShutdown {
  private readonly pool: BrowserPool;
  private readonly engine: PdfEngine;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const children = new ChildProcessRegistry(config.runDir);
    this.pool = new BrowserPool({
      chromePath: config.chromePath,
      onLaunch: (pid) => children.record(pid),
      onExit: (pid) => children.forget(pid),
      maxPages: 2,
      recycleAfterDocuments: RECYCLE_AFTER_DOCUMENTS,
    });
    this.engine = new PdfEngine(this.pool, new DocumentTemplates());
  }

  get chunkRows(): number {
    return this.config.documentChunkRows;
  }

  // A stored document renders from its frozen snapshot with its own creation time and verification address, so
  // rendering it again, whole or resumed from stored chunks, gives the same bytes.
  render(
    snapshot: DocumentSnapshot,
    document: { id: string; createdAt: Date; snapshotHash: string },
    run: {
      onProgress: (progress: RenderProgress) => Promise<void>;
      chunkStore?: ChunkStore;
      chunkCache?: ChunkCache;
      interrupt?: AbortSignal;
      sign: PdfSignRequest | null;
    },
  ): Promise<RenderedDocument> {
    return this.engine.render(snapshot, {
      timeoutMs: this.config.documentJobTimeoutMs,
      chunkSize: this.config.documentChunkRows,
      createdAt: document.createdAt,
      verifyUrl: verificationUrl(this.config.publicBaseUrl, document.id, document.snapshotHash),
      ...run,
    });
  }

  chunkCount(snapshot: DocumentSnapshot): number {
    return this.engine.chunkCount(snapshot, this.config.documentChunkRows);
  }

  // One chunk job's share of a stored document, cut as its run was (`chunkRows`), printed into the store and cache.
  printChunks(
    snapshot: DocumentSnapshot,
    part: { from: number; to: number; chunkRows: number },
    run: { chunkStore: ChunkStore; chunkCache: ChunkCache; interrupt?: AbortSignal },
  ): Promise<number> {
    return this.engine.printChunks(
      snapshot,
      { from: part.from, to: part.to },
      // One page per chunk job: a worker runs several chunk jobs at once, and every page a job opens costs a fresh
      // renderer process and a load of the document shell.
      { timeoutMs: this.config.documentJobTimeoutMs, chunkSize: part.chunkRows, parallel: 1, ...run },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}
