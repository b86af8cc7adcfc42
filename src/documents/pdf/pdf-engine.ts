import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { planDocument } from '../kinds/plan-document.js';
import type { DocumentTemplates } from '../render/document-templates.js';
import { sha256Hex } from '../snapshot-hash.js';
import type { DocumentSnapshot } from '../view-models/view-model-map.js';
import { assemblePdf } from './assemble-pdf.js';
import type { BrowserPool } from './browser-pool.js';
import { renderChunkPdf } from './chunk-renderer.js';
import { chunkPlan, type RenderChunk } from './chunking.js';
import { withHardTimeout } from './hard-timeout.js';

export interface RenderProgress {
  chunksDone: number;
  chunksTotal: number;
  pagesDone: number;
}

export interface RenderOptions {
  timeoutMs: number;
  chunkSize?: number;
  // Chunks of this document rendered at once (the pool caps pages over all documents).
  parallel?: number;
  createdAt?: Date;
  onProgress?: (progress: RenderProgress) => void | Promise<void>;
}

export interface RenderedDocument {
  kind: string;
  number: string;
  title: string;
  snapshotHash: string;
  sha256: string;
  pages: number;
  bytes: Uint8Array;
}

export const DEFAULT_CHUNK_SIZE = 500;
export const DEFAULT_PARALLEL_CHUNKS = 2;

// Snapshot → plan → chunks of HTML → chunk PDFs (a few at a time) → merged, numbered, stamped PDF.
export class PdfEngine {
  constructor(
    private readonly pool: BrowserPool,
    private readonly templates: DocumentTemplates,
  ) {}

  async render(snapshot: DocumentSnapshot, options: RenderOptions): Promise<RenderedDocument> {
    const plan = planDocument(snapshot);
    const chunks = chunkPlan(plan, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
    // Templates are filled before the browser is touched, so a data error fails fast and cheaply.
    const pages = chunks.map((chunk) => this.html(chunk, plan.title));
    try {
      const pdfs = await withHardTimeout(options.timeoutMs, (signal) => this.renderChunks(chunks, pages, signal, options));
      const assembled = await assemblePdf({
        chunks: pdfs,
        number: plan.number,
        title: plan.title,
        snapshotHash: plan.snapshotHash,
        createdAt: options.createdAt ?? new Date(),
      });
      return {
        kind: plan.kind,
        number: plan.number,
        title: plan.title,
        snapshotHash: plan.snapshotHash,
        sha256: sha256Hex(assembled.bytes),
        pages: assembled.pages,
        bytes: assembled.bytes,
      };
    } finally {
      this.pool.documentFinished();
    }
  }

  private html(chunk: RenderChunk, title: string): string {
    try {
      return this.templates.renderPage(chunk.template, chunk.context, title);
    } catch (error) {
      throw new DocumentException(`Template "${chunk.template}" failed: ${(error as Error).message}`, DocumentExceptionCode.TEMPLATE_FAILED);
    }
  }

  private async renderChunks(chunks: RenderChunk[], html: string[], signal: AbortSignal, options: RenderOptions): Promise<Uint8Array[]> {
    const results: Uint8Array[] = new Array(chunks.length);
    let next = 0;
    let done = 0;
    let pagesDone = 0;
    const worker = async (): Promise<void> => {
      while (next < chunks.length && !signal.aborted) {
        const index = next++;
        results[index] = await this.pool.withPage((page) => renderChunkPdf(page, html[index], chunks[index].orientation), signal);
        done += 1;
        pagesDone += countPages(results[index]);
        await options.onProgress?.({ chunksDone: done, chunksTotal: chunks.length, pagesDone });
      }
    };
    const lanes = Math.max(1, Math.min(options.parallel ?? DEFAULT_PARALLEL_CHUNKS, chunks.length));
    await Promise.all(Array.from({ length: lanes }, worker));
    return results;
  }
}

// Chromium writes one "/Type /Page" object per page; counting them avoids parsing the chunk twice for progress.
function countPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
