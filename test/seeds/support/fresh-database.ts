import pg from 'pg';
import { prepareDatabase } from '../../../src/database/migrate.js';

export interface FreshDatabase {
  // The owner role (fixtures, tampering).
  url: string;
  // The application's least-privilege role, granted on this database as on the main test database.
  appUrl: string;
  drop(): Promise<void>;
}

function onDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

// A database of its own on the shared test server, migrated, so a loader that only fills empty databases can run
// while other suites keep their rows in the main test database.
export async function createFreshDatabase(baseUrl: string, prefix: string): Promise<FreshDatabase> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = onDatabase(baseUrl, name);
  const appUrl = onDatabase(process.env.TEST_APP_DATABASE_URL ?? baseUrl, name);
  await prepareDatabase({ ownerUrl: url, appUrl });
  return {
    url,
    appUrl,
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

// Registers a fresh database and a connected client for the enclosing describe block. `beforeDrop` runs first in the
// teardown: Jest runs a block's afterAll hooks in the order they were declared, so whatever still holds connections
// to the database (an application and its job queue) must be closed here, not in a later hook.
export function useFreshDatabase(
  prefix: string,
  beforeDrop: () => Promise<void> = async () => undefined,
): { url(): string; client(): pg.Client } {
  let db: FreshDatabase | undefined;
  let client: pg.Client | undefined;
  beforeAll(async () => {
    db = await createFreshDatabase(process.env.TEST_DATABASE_URL!, prefix);
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  }, 60_000);
  afterAll(async () => {
    await beforeDrop();
    await client?.end();
    await db?.drop();
  });
  return { url: () => db!.url, client: () => client! };
}
