import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { ChunkCache } from './pdf/chunk-cache.js';
import type { ChunkStore } from './pdf/pdf-engine.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

// Generated PDFs on disk under the configured storage directory; paths stored in the database are relative to it.
@Injectable()
export class DocumentStorage {
  private readonly root: string;
  private readonly cacheDays: number;
  private lastSweep = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = isAbsolute(config.storageDir) ? config.storageDir : resolve(process.cwd(), config.storageDir);
    this.cacheDays = config.documentChunkCacheDays;
  }

  // Written to a temporary name and renamed, so a reader never sees half a file.
  async write(documentId: string, bytes: Uint8Array): Promise<string> {
    const relative = join(documentId.slice(0, 2), `${documentId}.pdf`);
    await writeAtomically(join(this.root, relative), bytes);
    return relative;
  }

  read(relative: string): Promise<Buffer> {
    return readFile(join(this.root, relative));
  }

  // The finished chunks of a document being rendered, kept until the document is stored (then `clearChunks`). The
  // folder is named after the chunk size too, so chunks cut another way are never mixed in.
  chunks(documentId: string, chunkRows: number): ChunkStore {
    const dir = this.chunkDir(documentId, chunkRows);
    return {
      load: (index) => readIfPresent(join(dir, `${index}.pdf`)),
      save: (index, pdf) => writeAtomically(join(dir, `${index}.pdf`), pdf),
    };
  }

  async clearChunks(documentId: string, chunkRows: number): Promise<void> {
    await rm(this.chunkDir(documentId, chunkRows), { recursive: true, force: true });
  }

  // Chunk PDFs by content key (see ChunkCache), shared by every document and every process on this storage. A chunk
  // read is marked as used, so the sweep removes only chunks that no document has used for DOCUMENT_CHUNK_CACHE_DAYS.
  chunkCache(): ChunkCache {
    const file = (key: string): string => join(this.root, 'chunk-cache', key.slice(0, 2), `${key}.pdf`);
    return {
      get: async (key) => {
        const pdf = await readIfPresent(file(key));
        if (pdf) {
          const now = new Date();
          await utimes(file(key), now, now).catch(() => undefined);
        }
        return pdf;
      },
      put: (key, pdf) => writeAtomically(file(key), pdf),
    };
  }

  // Removes cached chunks unused for DOCUMENT_CHUNK_CACHE_DAYS; runs at most once an hour per process, so it can be
  // called after every stored document. Returns how many files it removed.
  async sweepChunkCache(now = new Date()): Promise<number> {
    if (now.getTime() - this.lastSweep < HOUR_MS) return 0;
    this.lastSweep = now.getTime();
    const oldest = now.getTime() - this.cacheDays * DAY_MS;
    const root = join(this.root, 'chunk-cache');
    let removed = 0;
    for (const folder of await readdir(root).catch(() => [] as string[])) {
      for (const name of await readdir(join(root, folder)).catch(() => [] as string[])) {
        const path = join(root, folder, name);
        const info = await stat(path).catch(() => null);
        if (!info || info.mtimeMs >= oldest) continue;
        await rm(path, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  private chunkDir(documentId: string, chunkRows: number): string {
    return join(this.root, 'chunks', `${documentId}-${chunkRows}`);
  }
}

async function readIfPresent(path: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

// Written to a temporary name of its own and renamed, so a reader never sees half a file and two writers of the same
// chunk (lanes or workers) never write into each other's.
async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, target);
}
