import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as { __EMBEDDED_PG__?: { stop(): Promise<void> } }).__EMBEDDED_PG__;
  if (db) await db.stop();
  const auditDir = (globalThis as { __TEST_AUDIT_DIR__?: string }).__TEST_AUDIT_DIR__;
  if (auditDir) rmSync(auditDir, { recursive: true, force: true });
}
