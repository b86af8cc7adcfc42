import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { createDataSource } from '../../src/database/data-source.js';
import { runMigrations } from '../../src/database/migrate.js';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { AuditService } from '../../src/audit/audit.service.js';

// Tampering needs a database of its own: a broken chain in the shared test database would fail other suites.
describe('tamper-evident audit log', () => {
  let admin: pg.Client;
  let dbName: string;
  let dataSource: DataSource;
  let audit: AuditService;

  beforeAll(async () => {
    const base = process.env.TEST_DATABASE_URL!;
    dbName = `audit_${randomUUID().slice(0, 8)}`;
    admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    const url = base.replace(/\/[^/]+$/, `/${dbName}`);
    await runMigrations(url);
    dataSource = createDataSource(url, { poolSize: 2 });
    await dataSource.initialize();
    audit = new AuditService(new Clock(), new AuditRepository(dataSource));
    const actor = { id: null, name: 'kiểm thử' };
    for (let i = 0; i < 5; i += 1) {
      await dataSource.transaction((m) =>
        audit.record(m, {
          actor,
          action: 'dossier.update',
          entityType: 'dossier',
          entityId: `d-${i}`,
          before: { fullName: 'Lê Văn Bình', amount: 1_250_000 },
          after: { fullName: 'Lê Văn Bính', note: 'sửa dấu' },
          reason: 'Đính chính',
        }),
      );
    }
  });

  afterAll(async () => {
    await dataSource.destroy();
    await admin.query(`DROP DATABASE ${dbName}`);
    await admin.end();
  });

  it('verifies an intact chain', async () => {
    const report = await audit.verify();
    expect(report).toMatchObject({ ok: true, rowsChecked: 5, lastSeq: 5, firstBreak: null });
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await expect(dataSource.query(`UPDATE audit_log SET reason = 'x' WHERE seq = 2`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM audit_log WHERE seq = 2`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('names the first broken link when a row is altered behind the triggers', async () => {
    // Only a superuser bypassing the triggers can do this; the chain still tells.
    await dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`UPDATE audit_log SET after = '{"fullName":"Người khác"}'::jsonb WHERE seq = 3`);
    });
    const report = await audit.verify();
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ seq: 3, problem: 'HASH_MISMATCH' });
    expect(report.lastSeq).toBe(2);
  });

  it('names the gap when a row is removed', async () => {
    await dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`DELETE FROM audit_log WHERE seq IN (1, 2, 3)`);
    });
    const report = await audit.verify();
    expect(report.firstBreak).toMatchObject({ seq: 4, problem: 'SEQUENCE_GAP' });
  });
});
