import type { Page } from 'puppeteer-core';
import { sha256Hex } from '../../kernel/hash.js';
import type { BrowserPool } from './browser-pool.js';
import { chunkKey, type ChunkCache } from './chunk-cache.js';
import { renderChunkPdf } from './chunk-renderer.js';
import type { RenderChunk } from './chunking.js';

// Finished chunks kept outside the process (DocumentStorage keeps them on disk until the document is stored), so a
// render cut short by a crash or a shutdown continues from the chunks it had finished, and chunks printed by other
// workers (chunk jobs) are merged from there.
export interface ChunkStore {
  load(index: number): Promise<Uint8Array | null>;
  save(index: number, pdf: Uint8Array): Promise<void>;
}

export interface ChunkRun {
  chunks: RenderChunk[];
  shell: string;
  // The filled templates of the chunks in `indexes` (each emptied once printed, to free its memory).
  bodies: Map<number, string>;
  // The chunks to obtain, in order.
  indexes: number[];
  signal: AbortSignal;
  interrupt?: AbortSignal;
  parallel: number;
  chunkStore?: ChunkStore;
  chunkCache?: ChunkCache;
  // Given each chunk as soon as it is had (stored, cached or printed).
  onChunk: (index: number, pdf: Uint8Array) => void;
  // Called after each printed chunk.
  onPrinted?: () => void | Promise<void>;
}

// Obtains chunk PDFs: from the resume store, then the chunk cache, and prints the rest a few at a time. A lane keeps
// its page for successive chunks (a new page in a new context costs a fresh renderer process: a quarter of the
// browser's CPU on a national list) and gives it back between two chunks when another document waits for a page; the
// pool keeps the page, shell loaded, for the next document.
// Returns how many chunks were reused and whether it stopped before printing every missing chunk.
export async function obtainChunks(pool: BrowserPool, run: ChunkRun): Promise<{ reused: number; stopped: boolean }> {
  const { chunks, shell, bodies, signal } = run;
  const missing: number[] = [];
  const stored = await Promise.all(run.indexes.map((index) => run.chunkStore?.load(index) ?? null));
  stored.forEach((pdf, at) => (pdf ? run.onChunk(run.indexes[at], pdf) : missing.push(run.indexes[at])));
  const keys = await cacheKeys(pool, missing, run);
  const cached = await Promise.all(
    missing.map((index) => (run.chunkCache && keys.has(index) ? run.chunkCache.get(keys.get(index)!) : null)),
  );
  const todo = missing.filter((index, at) => {
    const pdf = cached[at];
    if (pdf) run.onChunk(index, pdf);
    return !pdf;
  });
  let next = 0;
  const remaining = (): boolean => next < todo.length && !signal.aborted && !run.interrupt?.aborted;
  const renderOn = async (page: Page): Promise<void> => {
    while (remaining()) {
      const index = todo[next++];
      const pdf = await renderChunkPdf(page, shell, bodies.get(index)!, chunks[index].orientation);
      bodies.set(index, '');
      await run.chunkStore?.save(index, pdf);
      const key = keys.get(index);
      if (key) await run.chunkCache?.put(key, pdf);
      run.onChunk(index, pdf);
      await run.onPrinted?.();
      if (pool.contended) return;
    }
  };
  const lane = async (): Promise<void> => {
    while (remaining()) await pool.withPage(renderOn, signal, { keep: true });
  };
  const lanes = Math.max(1, Math.min(run.parallel, todo.length));
  if (todo.length) await Promise.all(Array.from({ length: lanes }, lane));
  return { reused: run.indexes.length - todo.length, stopped: next < todo.length };
}

async function cacheKeys(pool: BrowserPool, indexes: number[], run: ChunkRun): Promise<Map<number, string>> {
  const keys = new Map<number, string>();
  if (!run.chunkCache || !indexes.length) return keys;
  const browser = await pool.browserVersion();
  const shellSha256 = sha256Hex(run.shell);
  for (const index of indexes) {
    const orientation = run.chunks[index].orientation;
    keys.set(index, chunkKey({ browser, shellSha256, orientation, body: run.bodies.get(index)! }));
  }
  return keys;
}
