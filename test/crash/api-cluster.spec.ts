import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/user.entity.js';
import { isAlive } from '../../src/common/child-processes.js';
import { createDataSource } from '../../src/database/data-source.js';
import { freePort } from '../../src/database/embedded-postgres.js';
import { readPostmaster } from '../../src/database/postmaster.js';
import { findProjectRoot } from '../../src/documents/render/project-paths.js';
import { createTestOrg, TEST_PASSWORD } from '../factories/org.factory.js';

const ROOT = findProjectRoot();

interface LogLine {
  pid: number;
  msg?: string;
  requestId?: string;
  pids?: number[];
  fork?: number;
  queue?: boolean;
  queueWorker?: number | null;
  res?: { statusCode: number };
}

// `npm start` with API_PROCESSES=2: the primary starts PostgreSQL and forks two processes serving one port.
describe('several API processes behind one port', () => {
  const dir = mkdtempSync(join(tmpdir(), 'amnesty-cluster-'));
  // As root, PostgreSQL runs as the `postgres` user, which must reach the data directory inside.
  chmodSync(dir, 0o755);
  const lines: LogLine[] = [];
  let child: ChildProcess | undefined;
  let owner: DataSource | undefined;
  let port = 0;

  afterAll(async () => {
    await owner?.destroy();
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      for (const line of lines) if (line.pid !== child.pid && isAlive(line.pid)) process.kill(line.pid, 'SIGKILL');
    }
    const left = readPostmaster(join(dir, 'pg'));
    if (left && isAlive(left.pid)) process.kill(left.pid, 'SIGINT');
    rmSync(dir, { recursive: true, force: true });
  });

  const until = async <T>(what: string, probe: () => T | null | undefined | false, timeoutMs = 90_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (child?.exitCode !== null || Date.now() > deadline)
        throw new Error(`No ${what}; the server said:\n${lines.map((l) => JSON.stringify(l)).join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  // One request on a connection of its own (no keep-alive), so that the cluster hands each to the next fork; the
  // access log line carrying its request id says which process served it.
  let sequence = 0;
  const call = (method: string, path: string, body?: unknown, token?: string) =>
    new Promise<{ status: number; body: any; servedBy: () => number | undefined }>((resolve, reject) => {
      const requestId = `cluster-${++sequence}-${Date.now()}`;
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          agent: false,
          headers: {
            'x-request-id': requestId,
            ...(body ? { 'content-type': 'application/json' } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () =>
            resolve({
              status: res.statusCode!,
              body: text.startsWith('{') ? JSON.parse(text) : text,
              servedBy: () => lines.find((l) => l.requestId === requestId && l.res)?.pid,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body ? JSON.stringify(body) : undefined);
    });

  it('serves from both forks, shares sessions between them, replaces a killed fork and stops in order', async () => {
    port = await freePort();
    child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        DATABASE_URL: '',
        API_PROCESSES: '2',
        PORT: String(port),
        EMBEDDED_PG_PORT: String(await freePort()),
        DATA_DIR: join(dir, 'pg'),
        STORAGE_DIR: join(dir, 'documents'),
        RUN_DIR: join(dir, 'run'),
        AUDIT_DIR: join(dir, 'audit'),
        DEMO_DATA: 'false',
        SHUTDOWN_GRACE_MS: '200',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let partial = '';
    child.stdout!.on('data', (b: Buffer) => {
      const text = partial + b.toString();
      const complete = text.split('\n');
      partial = complete.pop()!;
      for (const line of complete) if (line.startsWith('{')) lines.push(JSON.parse(line) as LogLine);
    });
    child.stderr!.on('data', (b: Buffer) => lines.push({ pid: 0, msg: `[stderr] ${b.toString()}` }));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    await until('ready line', () => lines.some((l) => l.msg === 'amnesty-pipeline is ready'));
    const listening = lines.find((l) => l.msg === 'API processes listening')!;
    const forks = listening.pids!;
    // One fork works the job queue (one browser, not one per fork).
    expect(forks).toContain(listening.queueWorker);
    expect(forks).toHaveLength(2);
    expect(forks).not.toContain(child.pid);

    owner = createDataSource(`postgres://amnesty:amnesty@127.0.0.1:${readPostmaster(join(dir, 'pg'))!.port}/amnesty`, {
      poolSize: 1,
    });
    await owner.initialize();
    const org = await createTestOrg(owner);
    const login = await call('POST', '/api/auth/login', {
      username: org.users[Role.TEAM_OFFICER],
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(200);
    const token: string = login.body.token;
    const loggedInOn = await until('access line of the login', login.servedBy);

    // The session made by one fork is honoured by the other, which reads it from PostgreSQL.
    const servedBy = async (pids: number[]) => {
      const seen = new Map<number, number>();
      for (let i = 0; i < 12; i++) {
        const me = await call('GET', '/api/auth/me', undefined, token);
        expect(me.status).toBe(200);
        expect(me.body.username).toBe(org.users[Role.TEAM_OFFICER]);
        const pid = await until('access line', me.servedBy);
        seen.set(pid, (seen.get(pid) ?? 0) + 1);
      }
      expect([...seen.keys()].sort()).toEqual([...pids].sort());
    };
    await servedBy(forks);
    expect(forks).toContain(loggedInOn);

    // A fork killed outright is replaced; the cluster keeps serving on the same port with the same sessions.
    const [killed, kept] = [loggedInOn, forks.find((p) => p !== loggedInOn)!];
    process.kill(killed, 'SIGKILL');
    const replaced = await until('replacement', () => lines.find((l) => l.msg === 'API process replaced'));
    expect(lines.some((l) => l.msg === 'An API process exited; starting another' && l.fork === killed)).toBe(true);
    expect(isAlive(killed)).toBe(false);
    // The replacement takes the dead fork's role.
    expect(replaced.queue).toBe(killed === listening.queueWorker);
    await servedBy([kept, replaced.fork!]);

    // SIGTERM: each fork stops serving and closes its pool, then the primary stops PostgreSQL and exits cleanly.
    const postmaster = readPostmaster(join(dir, 'pg'))!;
    await owner.destroy();
    owner = undefined;
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const stopped = lines.filter((l) => l.msg === 'Stopped').map((l) => l.pid);
    expect(stopped).toEqual(expect.arrayContaining([kept, replaced.fork]));
    expect(stopped[stopped.length - 1]).toBe(child.pid);
    expect(isAlive(postmaster.pid)).toBe(false);
  }, 180_000);
});
