import { randomUUID } from 'node:crypto';
import { AuditService } from '../../src/audit/audit.service.js';
import { AuditVerifier } from '../../src/audit/audit-verifier.js';
import { startAuditedApp, type AuditedApp } from '../support/audited-app.js';

// One command appending more rows than one statement carries (a list's hop): the chain is hashed and stored a chunk
// at a time, and links across the chunks' edges as within them.
describe('audit chain appended in chunks', () => {
  let app: AuditedApp;

  beforeAll(async () => {
    app = await startAuditedApp({ RUN_WORKERS: 'false' });
  }, 120_000);
  afterAll(() => app.close());

  it('links 5,001 rows of one append, its checkpoint covering all of them', async () => {
    const [{ head }] = await app.t.dataSource.query('SELECT coalesce(max(seq), 0)::int AS head FROM audit_log');
    const listId = randomUUID();
    const entries = Array.from({ length: 5001 }, (_, i) => ({
      actor: { id: null, name: 'Kiểm thử' },
      action: 'workflow.forward',
      entityType: 'dossier',
      entityId: randomUUID(),
      before: { stage: 'department', version: 5 },
      after: { stage: 'ministry', version: 6, listId },
      reason: i % 2 ? `Lý do số ${i}` : null,
    }));
    await app.t.dataSource.transaction((m) => app.t.app.get(AuditService).record(m, entries));

    const rows: { seq: number; entity_id: string }[] = await app.t.dataSource.query(
      'SELECT seq::int, entity_id FROM audit_log WHERE seq > $1 ORDER BY seq',
      [head],
    );
    expect(rows.map((r) => r.entity_id)).toEqual(entries.map((e) => e.entityId));
    expect(rows[0].seq).toBe(head + 1);
    expect(rows[rows.length - 1].seq).toBe(head + 5001);
    const report = await app.t.app.get(AuditVerifier).verify();
    expect(report.breaks).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.lastSeq).toBe(head + 5001);
    expect(report.checkpoints.latestSeq).toBe(head + 5001);
  }, 120_000);
});
