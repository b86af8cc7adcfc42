import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface ChildRecord {
  owner: number;
  pid: number;
  // The process's name when it was recorded (/proc/<pid>/comm), so a pid reused by another program is left alone.
  name: string | null;
}

function processName(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Child processes that lead a process group of their own (Chromium, launched detached by Puppeteer) survive a
// `kill -9` of the process that started them. Each is recorded in RUN_DIR while it runs; the next start of any
// process reaps the groups whose recorder is dead.
export class ChildProcessRegistry {
  private readonly dir: string;

  constructor(runDir: string) {
    this.dir = resolve(runDir);
  }

  record(pid: number): void {
    mkdirSync(this.dir, { recursive: true });
    const record: ChildRecord = { owner: process.pid, pid, name: processName(pid) };
    writeFileSync(this.file(pid), JSON.stringify(record));
  }

  forget(pid: number): void {
    rmSync(this.file(pid), { force: true });
  }

  // Kills the process group of every recorded child whose recorder has died; returns the pids reaped.
  reapOrphans(): number[] {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => n.endsWith('.json'));
    } catch {
      return [];
    }
    const reaped: number[] = [];
    for (const name of names) {
      const path = join(this.dir, name);
      let record: ChildRecord;
      try {
        record = JSON.parse(readFileSync(path, 'utf8')) as ChildRecord;
      } catch {
        rmSync(path, { force: true });
        continue;
      }
      if (record.owner !== process.pid && isAlive(record.owner)) continue;
      if (isAlive(record.pid) && (record.name === null || processName(record.pid) === record.name)) {
        try {
          process.kill(-record.pid, 'SIGKILL');
        } catch {
          process.kill(record.pid, 'SIGKILL');
        }
        reaped.push(record.pid);
      }
      rmSync(path, { force: true });
    }
    return reaped;
  }

  private file(pid: number): string {
    return join(this.dir, `${process.pid}-${pid}.json`);
  }
}
