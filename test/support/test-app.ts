import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createFreshDatabase } from '../seeds/support/fresh-database.js';

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

// The real application on a random port against the test database (or another database of the test server), exactly
// as main.ts wires it: as the application's least-privilege role.
export async function startTestApp(
  env: Record<string, string> = {},
  databaseUrl = process.env.TEST_APP_DATABASE_URL,
): Promise<TestApp> {
  const url = databaseUrl;
  if (!url)
    throw new Error('TEST_DATABASE_URL is not set: run the tests through Jest (global setup starts PostgreSQL)');
  const config = loadConfig({
    ...process.env,
    DEMO_DATA: 'false',
    STORAGE_DIR: process.env.TEST_STORAGE_DIR ?? '',
    ...env,
  });
  const app = await createApp(config, url, { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    dataSource: app.get(DataSource),
    close: () => app.close(),
  };
}

// The same, on a database and an audit area (signing key, checkpoints) of its own, both removed on close: for a suite
// that verifies the whole audit chain, which other suites' deliberate tampering with the shared database would break.
export async function startIsolatedTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createFreshDatabase(process.env.TEST_DATABASE_URL!, 'isolated');
  const auditDir = mkdtempSync(join(tmpdir(), 'amnesty-isolated-audit-'));
  const t = await startTestApp({ AUDIT_DIR: auditDir, ...env }, db.appUrl);
  return {
    ...t,
    async close() {
      await t.close();
      await t.dataSource.destroy();
      await db.drop();
      rmSync(auditDir, { recursive: true, force: true });
    },
  };
}
