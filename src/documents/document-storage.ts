import { Inject, Injectable } from '@nestjs/common';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';

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
}
