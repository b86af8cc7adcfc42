import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive } from '../common/child-processes.js';

// What PostgreSQL's own lock file (`postmaster.pid` in the data directory) says about the server that holds it:
// its pid, its port and whether it accepts connections yet. See "Database File Layout" in PostgreSQL's manual.
export interface Postmaster {
  pid: number;
  port: number;
  status: string;
}

export function readPostmaster(dataDir: string): Postmaster | null {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { pid, port, status: (lines[7] ?? '').trim() };
}

// A pid file left by a server that died (or whose pid now belongs to another program) is stale. Where /proc is not
// available the pid's liveness is all we know.
export function isPostgres(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
  } catch {
    return !existsSync('/proc/self');
  }
}

// The running server of this data directory, or null; a stale lock file is removed so PostgreSQL does not refuse to
// start ("lock file already exists").
export function runningPostmaster(dataDir: string): Postmaster | null {
  const found = readPostmaster(dataDir);
  if (!found) return null;
  if (isPostgres(found.pid)) return found;
  rmSync(join(dataDir, 'postmaster.pid'), { force: true });
  return null;
}

export async function waitFor(check: () => boolean, timeoutMs: number, stepMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await sleep(stepMs);
  }
  return check();
}

// SIGINT is PostgreSQL's "fast" shutdown: sessions are ended, everything is written out, the server exits cleanly.
// SIGQUIT (immediate, recovery at next start) only if the fast one does not finish in time.
export async function stopPostmaster(pid: number, timeoutMs = 20_000): Promise<void> {
  const gone = () => !isAlive(pid);
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
      throw new Error(
        `PostgreSQL (pid ${pid}) cannot be stopped by this user (${(error as Error).message}): stop it with pg_ctl stop as its owner.`,
      );
    }
  };
  signal('SIGINT');
  if (await waitFor(gone, timeoutMs)) return;
  signal('SIGQUIT');
  if (await waitFor(gone, 5_000)) return;
  throw new Error(`PostgreSQL (pid ${pid}) did not stop within ${Math.round(timeoutMs / 1000) + 5} s.`);
}
