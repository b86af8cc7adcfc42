import { spawn } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { getuid } from 'node:process';
import pg from 'pg';
import { ensureAppRole } from './app-role.js';
import { assertReachableByPostgres, loadEmbeddedPostgres, postgresBinary, postgresUser } from './postgres-binaries.js';
import { DatabaseStartError } from './start-error.js';
import { isAlive } from '../common/child-processes.js';
import { readPostmaster, runningPostmaster, stopPostmaster, waitFor } from './postmaster.js';

export interface EmbeddedDatabase {
  // The owner role's URL: migrations and grants.
  url: string;
  // The application's least-privilege role.
  appUrl: string;
  port: number;
  // Whether this process started (or adopted) the server and so stops it; a joined server is left running.
  owned: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port?: number;
  persistent: boolean;
  // Durability is irrelevant for throw-away test clusters; turning it off makes them several times faster.
  fast?: boolean;
  log?: (line: string) => void;
}

const OWNER = 'amnesty';
const OWNER_PASSWORD = 'amnesty';
const DATABASE = 'amnesty';
export const APP_ROLE = 'amnesty_app';
// The process that runs the server (npm start, or a CLI that had to start one); the server outlives it only by a crash.
const OWNER_FILE = 'amnesty-owner.pid';
const APP_SECRET_FILE = 'amnesty-app.secret';
const LOG_FILE = 'amnesty-postgres.log';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function url(user: string, password: string, port: number): string {
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
}

function ownerPid(dataDir: string): number | null {
  const file = join(dataDir, OWNER_FILE);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

// The server PostgreSQL of `dataDir` runs, whoever started it: `npm start` adopts one left by a crash, a CLI joins one
// a live server runs, and either starts one only when none runs. A stale lock file (its pid dead or reused) is removed.
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const running = existsSync(dataDir) ? runningPostmaster(dataDir) : null;
  if (running) {
    const owner = ownerPid(dataDir);
    const ownerLives = owner !== null && owner !== process.pid && isAlive(owner);
    if (ownerLives) return connect({ dataDir, port: running.port, owned: false, persistent: true });
    if (running.port === port && running.status === 'ready') {
      options.log?.(`Adopting PostgreSQL (pid ${running.pid}) left running on ${dataDir}`);
      writeFileSync(join(dataDir, OWNER_FILE), String(process.pid));
      return connect({ dataDir, port, owned: true, persistent: options.persistent });
    }
    options.log?.(`Stopping PostgreSQL (pid ${running.pid}) left running on ${dataDir} (port ${running.port})`);
    await stopPostmaster(running.pid);
  }
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  assertReachableByPostgres(dataDir);
  if (fresh) await initialise(dataDir, options);
  if (!(await portIsFree(port)))
    throw new DatabaseStartError(
      `Port ${port} is taken by another program: stop it, or choose another port with EMBEDDED_PG_PORT.`,
    );
  await launch(dataDir, port, options.fast ?? false);
  writeFileSync(join(dataDir, OWNER_FILE), String(process.pid));
  if (fresh) await createDatabase(port);
  return connect({ dataDir, port, owned: true, persistent: options.persistent });
}

async function initialise(dataDir: string, options: EmbeddedDatabaseOptions): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  // As root the server runs as the `postgres` user, which must be able to reach a new data directory; an
  // initialised one must keep the owner-only mode PostgreSQL insists on.
  if (getuid?.() === 0) chmodSync(dataDir, 0o777);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const errors: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: OWNER,
    password: OWNER_PASSWORD,
    createPostgresUser: getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // initdb's chatter is kept for the error message only.
    onLog: (m) => errors.push(String(m)),
    onError: (m) => errors.push(String(m instanceof Error ? m.message : m)),
  });
  try {
    await pg.initialise();
  } catch (error) {
    const detail = lastMeaningfulLine([...errors, (error as Error)?.message ?? ''].join('\n'));
    throw new DatabaseStartError(`PostgreSQL could not initialise ${dataDir}: ${detail}`);
  }
}

// The server runs in a process group of its own, so a Ctrl-C in the terminal reaches the application, which stops
// it last (see main.ts), instead of reaching the server first. Its log goes to a file in the data directory.
async function launch(dataDir: string, port: number, fast: boolean): Promise<void> {
  const logPath = join(dataDir, LOG_FILE);
  const log = openSync(logPath, 'a');
  const flags = fast
    ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200']
    : ['-c', 'max_connections=200'];
  const user = getuid?.() === 0 ? await postgresUser() : {};
  const child = spawn(await postgresBinary(), ['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', ...flags], {
    ...user,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  closeSync(log);
  let exited = false;
  child.once('exit', () => (exited = true));
  child.once('error', () => (exited = true));
  child.unref();
  const ready = await waitFor(() => exited || readPostmaster(dataDir)?.status === 'ready', 30_000);
  if (!ready || exited) {
    const tail = existsSync(logPath) ? readFileSync(logPath, 'utf8').split('\n').slice(-40).join('\n') : '';
    throw new DatabaseStartError(explain(tail, port, dataDir));
  }
}

function lastMeaningfulLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    [...lines].reverse().find((l) => /FATAL|ERROR|PANIC|denied|EACCES/i.test(l)) ??
    lines.at(-1) ??
    'no output'
  ).slice(0, 300);
}

function explain(log: string, port: number, dataDir: string): string {
  if (/Address already in use/i.test(log))
    return `Port ${port} is taken by another program: stop it, or choose another port with EMBEDDED_PG_PORT.`;
  if (/Permission denied|wrong ownership|EACCES/i.test(log))
    return `PostgreSQL (user "postgres") cannot use ${dataDir}: ${lastMeaningfulLine(log)}. Give that user access, or set DATA_DIR elsewhere.`;
  if (/lock file .* already exists/i.test(log))
    return `Another PostgreSQL holds ${dataDir}: ${lastMeaningfulLine(log)}. Stop it, or set DATA_DIR elsewhere.`;
  return `Embedded PostgreSQL failed to start on port ${port} in ${dataDir}: ${lastMeaningfulLine(log)} (log: ${join(dataDir, LOG_FILE)}).`;
}

async function createDatabase(port: number): Promise<void> {
  const client = new pg.Client({
    connectionString: url(OWNER, OWNER_PASSWORD, port).replace(/\/amnesty$/, '/postgres'),
  });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

async function connect(o: {
  dataDir: string;
  port: number;
  owned: boolean;
  persistent: boolean;
}): Promise<EmbeddedDatabase> {
  const ownerUrl = url(OWNER, OWNER_PASSWORD, o.port);
  const appPassword = await ensureAppRole(ownerUrl, APP_ROLE, join(o.dataDir, APP_SECRET_FILE));
  return {
    url: ownerUrl,
    appUrl: url(APP_ROLE, appPassword, o.port),
    port: o.port,
    owned: o.owned,
    stop: async () => {
      if (!o.owned) return;
      const running = readPostmaster(o.dataDir);
      if (running) await stopPostmaster(running.pid);
      rmSync(join(o.dataDir, OWNER_FILE), { force: true });
      if (!o.persistent) rmSync(o.dataDir, { recursive: true, force: true });
    },
  };
}
