import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemoDataIfEmpty } from '../../seeds/demo/load-demo.js';
import { loadSynthetic } from '../../seeds/synthetic/synthetic-loader.js';
import { auditConfigIn, createStandaloneAudit } from '../../src/audit/standalone-audit.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createDataSource } from '../../src/database/data-source.js';
import { useFreshDatabase } from '../seeds/support/fresh-database.js';

// The bulk writers commit to what they write like every command: the demo data and a synthetic round (written by
// COPY from generator threads and by the project's INSERT writer) verify whole, every version and current row.
describe('audit chain over seeded data', () => {
  const db = useFreshDatabase('audit_seeds');
  const dir = mkdtempSync(join(tmpdir(), 'amnesty-audit-seeds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies the demo data and two synthetic loads', async () => {
    const audit = auditConfigIn(dir);
    expect((await loadDemoDataIfEmpty(db.url(), '2026-12-03', audit)).loaded).toBe(true);
    await loadSynthetic({ databaseUrl: db.url(), dossiers: 60, batchSize: 25, workers: 1, seed: 3, audit });
    await loadSynthetic({ databaseUrl: db.url(), dossiers: 30, batchSize: 30, writer: 'bulk', seed: 4, audit });
    const ds = createDataSource(db.url(), { poolSize: 2 });
    await ds.initialize();
    const standalone = createStandaloneAudit(ds, { ...loadConfig(), audit });
    try {
      const report = await standalone.verifier.verify();
      expect(report.breaks).toEqual([]);
      expect(report.dossiersChecked).toBeGreaterThanOrEqual(400 + 90);
      expect(report.protectedRows.dossier_versions).toBe(report.dossiersChecked);
      expect(report.checkpoints.latestSeq).toBe(report.lastSeq);
    } finally {
      await standalone.close();
      await ds.destroy();
    }
  }, 180_000);
});
