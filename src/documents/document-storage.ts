import { Inject, Injectable } from '@nestjs/common';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { ChunkStore } from './pdf/pdf-engine.js';

// Generated PDFs on disk under the configured storage directory; paths stored in the database are relative to it.
@Injectable()
export class DocumentStorage {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = isAbsolute(config.storageDir) ? config.storageDir : resolve(process.cwd(), config.storageDir);
  }

  // Written to a temporary name and renamed, so a reader never sees half a file.
  async write(documentId: string, bytes: Uint8Array): Promise<string> {
    const relative = join(documentId.slice(0, 2), `${documentId}.pdf`);
    const target = join(this.root, relative);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, target);
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
      load: async (index) => {
        try {
          return new Uint8Array(await readFile(join(dir, `${index}.pdf`)));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
          throw error;
        }
      },
      save: async (index, pdf) => {
        await mkdir(dir, { recursive: true });
        const target = join(dir, `${index}.pdf`);
        await writeFile(`${target}.${process.pid}.tmp`, pdf);
        await rename(`${target}.${process.pid}.tmp`, target);
      },
    };
  }

  async clearChunks(documentId: string, chunkRows: number): Promise<void> {
    await rm(this.chunkDir(documentId, chunkRows), { recursive: true, force: true });
  }

  private chunkDir(documentId: string, chunkRows: number): string {
    return join(this.root, 'chunks', `${documentId}-${chunkRows}`);
  }
}
