import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { planDocument } from '../kinds/plan-document.js';
import type { DocumentTemplates } from '../render/document-templates.js';
import { sha256Hex } from '../../kernel/hash.js';
import type { PdfSignRequest } from '../signing/sign-pdf.js';
import type { DocumentSnapshot } from '../view-models/view-model-map.js';
import { PdfAssembler } from './assemble-pdf.js';
import type { BrowserPool } from './browser-pool.js';
import type { ChunkCache } from './chunk-cache.js';
import { obtainChunks, type ChunkStore } from './chunk-printer.js';
import { chunkPlan, type RenderChunk } from './chunking.js';
import { withHardTimeout } from './hard-timeout.js';

export type { ChunkStore } from './chunk-printer.js';

export interface RenderProgress {
  chunksDone: number;
  chunksTotal: number;
  pagesDone: number;
}

// The render stopped at a chunk boundary because `interrupt` fired; its finished chunks are in the chunk store.
export class RenderInterrupted extends Error {
  constructor() {
    super('Rendering interrupted at a chunk boundary');
  }
}

export interface RenderOptions {
  timeoutMs: number;
  chunkSize?: number;
  // Chunks of this document rendered at once (the pool caps pages over all documents).
  parallel?: number;
  // The PDF's creation date: the document's own date, never the clock, so the same snapshot renders to the same bytes.
  createdAt?: Date;
  verifyUrl?: string | null;
  onProgress?: (progress: RenderProgress) => void | Promise<void>;
  chunkStore?: ChunkStore;
  // Chunks printed before, by content: a chunk found here is not printed again.
  chunkCache?: ChunkCache;
  interrupt?: AbortSignal;
  // The issuing unit's key and certificate: the stored file is then the render with its PAdES signature added.
  sign?: PdfSignRequest | null;
}

export interface RenderedDocument {
  kind: string;
  number: string;
  title: string;
  snapshotHash: string;
  // SHA-256 of the unsigned render: the same snapshot renders to these bytes again, wherever it is rendered.
  renderSha256: string;
  // SHA-256 of `bytes`, the file as stored: the signed file, or the unsigned render when nothing signs it.
  sha256: string;
  pages: number;
  // Chunks taken from the chunk cache or the resume store instead of being printed, out of `chunks`.
  chunks: number;
  reusedChunks: number;
  bytes: Uint8Array;
  signature: { signedBy: string; signedAt: Date; certificateSha256: string } | null;
}

// Rows (and facility headings) per chunk. A page renders chunk after chunk and the browser collects the previous
// chunks' garbage as it goes, so the chunk is what one page holds at a time: on the national list 250-row chunks kept
// Chromium's peak at 0.43 GB against 0.70 GB with 500-row chunks, for about the same CPU time.
export const DEFAULT_CHUNK_SIZE = 250;
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
    const shell = this.templates.shell(plan.title);
    const bodies = chunks.map((chunk) => this.body(chunk));
    try {
      const assembler = await PdfAssembler.create({
        number: plan.number,
        title: plan.title,
        snapshotHash: plan.snapshotHash,
        createdAt: options.createdAt ?? null,
        verifyUrl: options.verifyUrl ?? null,
        pageNumbers: plan.pageNumbers,
      });
      const reusedChunks = await withHardTimeout(options.timeoutMs, (signal) =>
        this.renderChunks({ chunks, shell, bodies, assembler, signal, options }),
      );
      const assembled = await assembler.finish();
      const renderSha256 = sha256Hex(assembled.bytes);
      const sign = options.sign ?? null;
      const bytes = sign ? await assembler.sign(sign) : assembled.bytes;
      return {
        kind: plan.kind,
        number: plan.number,
        title: plan.title,
        snapshotHash: plan.snapshotHash,
        renderSha256,
        sha256: sign ? sha256Hex(bytes) : renderSha256,
        pages: assembled.pages,
        chunks: chunks.length,
        reusedChunks,
        bytes,
        signature: sign
          ? {
              signedBy: sign.identity.signerName,
              signedAt: sign.signingTime,
              certificateSha256: sign.identity.certificateSha256,
            }
          : null,
      };
    } finally {
      this.pool.documentFinished();
    }
  }

  // How many chunks the snapshot prints in, cut `chunkSize` rows at a time.
  chunkCount(snapshot: DocumentSnapshot, chunkSize = DEFAULT_CHUNK_SIZE): number {
    return chunkPlan(planDocument(snapshot), chunkSize).length;
  }

  // One chunk job's share of a document: the chunks [from, to) printed into the chunk store and the chunk cache, for
  // the merge to read (`render` with the same store). Chunks the store or the cache already hold are not printed
  // again, so a retried chunk job prints only what it had left. Returns how many chunks it printed.
  async printChunks(
    snapshot: DocumentSnapshot,
    range: { from: number; to: number },
    options: RenderOptions,
  ): Promise<number> {
    const plan = planDocument(snapshot);
    const chunks = chunkPlan(plan, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
    const shell = this.templates.shell(plan.title);
    const indexes: number[] = [];
    for (let index = range.from; index < Math.min(range.to, chunks.length); index += 1) indexes.push(index);
    const bodies = new Map(indexes.map((index) => [index, this.body(chunks[index])]));
    try {
      const { reused, stopped } = await withHardTimeout(options.timeoutMs, (signal) =>
        obtainChunks(this.pool, {
          ...this.chunkRun(shell, chunks, options, signal),
          bodies,
          indexes,
          onChunk: () => undefined,
        }),
      );
      if (stopped && options.interrupt?.aborted) throw new RenderInterrupted();
      return indexes.length - reused;
    } finally {
      this.pool.documentFinished();
    }
  }

  private body(chunk: RenderChunk): string {
    try {
      return this.templates.renderBody(chunk.template, chunk.context);
    } catch (error) {
      throw new DocumentException(
        `Mẫu văn bản "${chunk.template}" thiếu dữ liệu: ${(error as Error).message}`,
        DocumentExceptionCode.TEMPLATE_FAILED,
      );
    }
  }

  // Chunks render a few at a time; each finished chunk is handed to the assembler at once, so merging overlaps with
  // the browser's work on the next chunks. Chunks already printed (the resume store, then the chunk cache) are merged
  // without the browser. Returns how many chunks were reused.
  private async renderChunks(run: {
    chunks: RenderChunk[];
    shell: string;
    bodies: string[];
    assembler: PdfAssembler;
    signal: AbortSignal;
    options: RenderOptions;
  }): Promise<number> {
    const { chunks, assembler, options } = run;
    const merging: Promise<void>[] = [];
    let done = 0;
    let pagesDone = 0;
    const { reused, stopped } = await obtainChunks(this.pool, {
      ...this.chunkRun(run.shell, chunks, options, run.signal),
      bodies: new Map(run.bodies.map((body, index) => [index, body])),
      indexes: chunks.map((_, index) => index),
      onChunk: (index, pdf) => {
        const added = assembler.add(index, pdf);
        // Awaited below; the no-op handler only keeps a failure after a timeout from surfacing as unhandled.
        added.catch(() => undefined);
        merging.push(added);
        done += 1;
        pagesDone += countPages(pdf);
      },
      onPrinted: () => options.onProgress?.({ chunksDone: done, chunksTotal: chunks.length, pagesDone }),
    });
    await Promise.all(merging);
    if (stopped && options.interrupt?.aborted) throw new RenderInterrupted();
    return reused;
  }

  private chunkRun(shell: string, chunks: RenderChunk[], options: RenderOptions, signal: AbortSignal) {
    return {
      chunks,
      shell,
      signal,
      interrupt: options.interrupt,
      parallel: options.parallel ?? DEFAULT_PARALLEL_CHUNKS,
      chunkStore: options.chunkStore,
      chunkCache: options.chunkCache,
    };
  }
}

// Chromium writes one "/Type /Page" object per page; counting them avoids parsing the chunk twice for progress.
function countPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
