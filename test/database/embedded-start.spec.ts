import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getuid } from 'node:process';
import pg from 'pg';
import { isAlive } from '../../src/common/child-processes.js';
import { freePort, startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { readPostmaster } from '../../src/database/postmaster.js';
import { DatabaseStartError } from '../../src/database/start-error.js';

async function canQuery(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT 1 AS one')).rows[0].one === 1;
  } finally {
    await client.end();
  }
}

function listen(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

// A process that has exited: its pid is dead (until reused, which the checks also handle).
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

// `npm start` after any stop: a server left running by a crash is adopted (same port) or stopped and started afresh
// (another port); a stale lock file is ignored; a server whose starter lives is joined and left running; every
// failure is one line saying what to do.
describe('embedded PostgreSQL start after any stop', () => {
  const root = mkdtempSync(join(tmpdir(), 'amnesty-embedded-'));
  chmodSync(root, 0o755);
  const dataDir = join(root, 'pg');
  let port: number;
  let firstPid: number;

  beforeAll(async () => {
    port = await freePort();
    const db = await startEmbeddedPostgres({ dataDir, port, persistent: true, fast: true });
    firstPid = readPostmaster(dataDir)!.pid;
    expect(await canQuery(db.appUrl)).toBe(true);
    // The starter "crashes": its record names a dead process, the server keeps running.
    writeFileSync(join(dataDir, 'amnesty-owner.pid'), String(await deadPid()));
  });

  afterAll(async () => {
    const left = readPostmaster(dataDir);
    if (left && isAlive(left.pid)) process.kill(left.pid, 'SIGINT');
    rmSync(root, { recursive: true, force: true });
  });

  it('adopts a server left running on its port by a crashed starter', async () => {
    const db = await startEmbeddedPostgres({ dataDir, port, persistent: true, fast: true });
    expect(db.owned).toBe(true);
    expect(readPostmaster(dataDir)!.pid).toBe(firstPid);
    expect(await canQuery(db.url)).toBe(true);
    writeFileSync(join(dataDir, 'amnesty-owner.pid'), String(await deadPid()));
  });

  it('stops an orphan on another port cleanly and starts afresh on its own', async () => {
    const otherPort = await freePort();
    const db = await startEmbeddedPostgres({ dataDir, port: otherPort, persistent: true, fast: true });
    expect(isAlive(firstPid)).toBe(false);
    expect(readPostmaster(dataDir)!.port).toBe(otherPort);
    expect(await canQuery(db.appUrl)).toBe(true);
    port = otherPort;
  });

  it('joins a server whose starter is alive and leaves it running when done', async () => {
    const running = readPostmaster(dataDir)!.pid;
    const starter = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    writeFileSync(join(dataDir, 'amnesty-owner.pid'), String(starter.pid));
    try {
      const joined = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: true });
      expect(joined.owned).toBe(false);
      expect(joined.port).toBe(port);
      expect(await canQuery(joined.appUrl)).toBe(true);
      await joined.stop();
      expect(isAlive(running)).toBe(true);
    } finally {
      starter.kill('SIGKILL');
    }
  });

  it('starts over a stale lock file whose pid is dead', async () => {
    const running = readPostmaster(dataDir)!.pid;
    process.kill(running, 'SIGKILL');
    // A server killed outright leaves its lock file (and shared memory) behind.
    await new Promise((r) => setTimeout(r, 300));
    writeFileSync(join(dataDir, 'amnesty-owner.pid'), String(await deadPid()));
    expect(readPostmaster(dataDir)).not.toBeNull();
    const db = await startEmbeddedPostgres({ dataDir, port, persistent: true, fast: true });
    expect(readPostmaster(dataDir)!.pid).not.toBe(running);
    expect(await canQuery(db.appUrl)).toBe(true);
    await db.stop();
    expect(readPostmaster(dataDir)).toBeNull();
  });

  it('says in one line that the port is taken by another program', async () => {
    const taken = await freePort();
    const squatter = await listen(taken);
    try {
      const attempt = startEmbeddedPostgres({ dataDir, port: taken, persistent: true });
      await expect(attempt).rejects.toThrow(DatabaseStartError);
      await expect(attempt).rejects.toThrow(
        `Port ${taken} is taken by another program: stop it, or choose another port with EMBEDDED_PG_PORT.`,
      );
    } finally {
      squatter.close();
    }
  });

  (getuid?.() === 0 ? it : it.skip)('says which directory the postgres user cannot reach', async () => {
    const closed = join(root, 'closed');
    mkdirSync(join(closed, 'inside'), { recursive: true });
    chmodSync(closed, 0o700);
    const attempt = startEmbeddedPostgres({ dataDir: join(closed, 'inside', 'pg'), persistent: false });
    await expect(attempt).rejects.toThrow(DatabaseStartError);
    await expect(attempt).rejects.toThrow(`${closed} has mode 700. Run "chmod o+x ${closed}"`);
  });
});
