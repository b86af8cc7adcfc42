import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { prepareDatabase } from '../../src/database/migrate.js';

// One real PostgreSQL for the whole run, on a random port in a temp dir, with the real migrations applied once, and
// the same two roles as production: TEST_DATABASE_URL is the owner (fixtures, migrations, tampering), and
// TEST_APP_DATABASE_URL the application's least-privilege role, which every application started by a test uses.
export default async function globalSetup(): Promise<void> {
  if (!process.env.TEST_DATABASE_URL) {
    const dataDir = mkdtempSync(join(tmpdir(), 'amnesty-test-pg-'));
    const db = await startEmbeddedPostgres({ dataDir, persistent: false, fast: true });
    (globalThis as { __EMBEDDED_PG__?: { stop(): Promise<void> } }).__EMBEDDED_PG__ = db;
    process.env.TEST_DATABASE_URL = db.url;
    process.env.TEST_APP_DATABASE_URL = db.appUrl;
  }
  process.env.TEST_APP_DATABASE_URL ??= process.env.TEST_DATABASE_URL;
  await prepareDatabase({ ownerUrl: process.env.TEST_DATABASE_URL, appUrl: process.env.TEST_APP_DATABASE_URL });
  // The audit chain's key and checkpoints of the shared test database, never the developer's own data area.
  if (!process.env.AUDIT_DIR) {
    process.env.AUDIT_DIR = mkdtempSync(join(tmpdir(), 'amnesty-test-audit-'));
    (globalThis as { __TEST_AUDIT_DIR__?: string }).__TEST_AUDIT_DIR__ = process.env.AUDIT_DIR;
  }
}
