import { appendFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Checkpoint } from './checkpoint.js';

const FILE = /^checkpoints-\d{4}-\d{2}-\d{2}\.jsonl$/;

// Checkpoints as JSON lines, one file per UTC day, only ever appended to. Several processes may append to the same
// file: each line is written by a single append of a few hundred bytes.
export class CheckpointStore {
  constructor(readonly dir: string) {}

  async append(checkpoints: readonly Checkpoint[]): Promise<void> {
    if (!checkpoints.length) return;
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const day = checkpoints[0].at.slice(0, 10);
    await appendFile(
      join(this.dir, `checkpoints-${day}.jsonl`),
      checkpoints.map((c) => JSON.stringify(c) + '\n').join(''),
    );
  }

  async readLines(): Promise<string[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => FILE.test(n)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const lines: string[] = [];
    for (const name of names) {
      for (const line of (await readFile(join(this.dir, name), 'utf8')).split('\n')) if (line.trim()) lines.push(line);
    }
    return lines;
  }
}
