import { execFile } from 'node:child_process';
import { appendFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BreakKind, chainHash } from '../../src/audit/audit-chain.js';
import { protectedRows } from '../../src/audit/protected-rows.js';
import { Role } from '../../src/auth/user.entity.js';
import { waitForJob } from '../documents/support/api-session.js';
import { advanceToAppraisal, fileDossiers, startAuditedApp, type AuditedApp } from '../support/audited-app.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp } from '../support/test-app.js';
import { copyForTampering, recordOf, type TamperCopy } from './tamper-fixture.js';

const run = promisify(execFile);

// Every way the issue found (and a few more) for whoever holds the database — not the signing key — to change the
// record, each tried as the database owner on a copy of one prepared database, and each caught by the service's own
// verifier with the right kind of break.
describe('audit chain: tampering by the database owner is caught', () => {
  let app: AuditedApp;
  let base: { name: string; auditDir: string };
  let ids: string[];
  let campListId: string;
  let documentId: string;
  let edited: string;

  beforeAll(async () => {
    app = await startAuditedApp();
    ({ ids, campListId } = await advanceToAppraisal(app, ['Lê Văn Bình', 'Trần Thị Cúc', 'Ngô Minh Đạt']));
    const officer = await app.as(Role.TEAM_OFFICER);
    [edited] = await fileDossiers(app, ['Hoàng Văn Em']);
    const current = await officer.get(`/api/dossiers/${edited}`);
    const update = await officer.put(`/api/dossiers/${edited}`, {
      expectedVersion: current.body.version,
      dossier: { ...current.body.document, person: { ...current.body.document.person, birthDate: '1984-02-01' } },
    });
    expect(update.status).toBe(200);
    const meeting: { id: string }[] = await app.t.dataSource.query('SELECT id FROM team_meetings LIMIT 1');
    const requested = await officer.post('/api/documents', {
      kind: 'team-minutes',
      sourceType: 'team-meeting',
      sourceId: meeting[0].id,
      number: '07/BB-Đ1',
      signer: { title: 'Thư ký', name: 'Lê Văn Bình' },
    });
    expect(requested.status).toBe(202);
    documentId = requested.body.documentId;
    expect((await waitForJob(officer, requested.body.jobId)).state).toBe('completed');
    await app.t.close();
    await app.t.dataSource.destroy();
    base = { name: new URL(app.db.url).pathname.slice(1), auditDir: app.auditDir };
  }, 120_000);

  afterAll(async () => {
    await app.db.drop();
    rmSync(app.auditDir, { recursive: true, force: true });
    rmSync(app.storageDir, { recursive: true, force: true });
  });

  let copy: TamperCopy;
  beforeEach(async () => {
    copy = await copyForTampering(base);
  });
  afterEach(() => copy.drop());

  const replica = (sql: string, params: unknown[] = []) =>
    copy.ds.transaction(async (m) => {
      await m.query('SET LOCAL session_replication_role = replica');
      await m.query(sql, params);
    });

  it('verifies the untouched record: every protected row committed, every row signed', async () => {
    const report = await copy.verify();
    expect(report.breaks).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checkpoints.latestSeq).toBe(report.lastSeq);
    expect(report.protectedRows).toMatchObject({
      dossier_versions: 5,
      list_snapshots: 3,
      list_entries: 3 + 3 + 3,
      documents: 1,
    });
    expect(report.protectedRows.workflow_history).toBeGreaterThanOrEqual(3 * 5);
    expect(report.dossiersChecked).toBe(4);
  });

  it('1. a plain UPDATE of a dossier’s stage (what the app would then show)', async () => {
    await copy.owner.query(`UPDATE dossiers SET stage = 'granted' WHERE id = $1`, [ids[0]]);
    const report = await copy.verify();
    expect(report.firstBreak).toMatchObject({
      kind: BreakKind.DOSSIER_STATE_MISMATCH,
      row: `dossiers (id = ${ids[0]})`,
    });
    expect(report.firstBreak!.message).toContain('bước hiện tại "Được đặc xá"');
  });

  it('1b. a plain UPDATE of a dossier’s content', async () => {
    await copy.owner.query(`UPDATE dossiers SET full_name = 'Người Khác' WHERE id = $1`, [ids[1]]);
    const report = await copy.verify();
    expect(report.firstBreak).toMatchObject({
      kind: BreakKind.DOSSIER_STATE_MISMATCH,
      row: `dossiers (id = ${ids[1]})`,
    });
    expect(report.firstBreak!.message).toContain('nội dung hiện tại khác');
  });

  it('2. a plain UPDATE of a stored dossier version', async () => {
    await copy.owner.query(
      `UPDATE dossier_versions SET document = jsonb_set(document, '{person,fullName}', '"Người Khác"') WHERE dossier_id = $1`,
      [ids[2]],
    );
    const report = await copy.verify();
    expect(report.firstBreak).toMatchObject({
      kind: BreakKind.ROW_CHANGED,
      row: `dossier_versions (dossier_id = ${ids[2]}, version = 1)`,
    });
  });

  it('2b. a stored version rewritten together with its content hash', async () => {
    const [{ document }] = await copy.ds.query(
      `SELECT document FROM dossier_versions WHERE dossier_id = $1 AND version = 2`,
      [edited],
    );
    document.person.birthDate = '1970-01-01';
    const { canonicalHash } = await import('../../src/kernel/hash.js');
    await copy.owner.query(
      `UPDATE dossier_versions SET document = $2, content_hash = $3 WHERE dossier_id = $1 AND version = 2`,
      [edited, document, canonicalHash(document)],
    );
    const report = await copy.verify();
    expect(report.firstBreak).toMatchObject({
      kind: BreakKind.ROW_CHANGED,
      row: `dossier_versions (dossier_id = ${edited}, version = 2)`,
    });
    expect(report.breakCounts[BreakKind.DOSSIER_STATE_MISMATCH]).toBe(1);
  });

  it('3. workflow history rewritten behind the triggers (session_replication_role = replica)', async () => {
    const [{ id }] = await copy.ds.query(
      `SELECT id FROM workflow_history WHERE dossier_id = $1 ORDER BY id DESC LIMIT 1`,
      [ids[0]],
    );
    await replica(`UPDATE workflow_history SET to_stage = 'granted' WHERE id = $1`, [id]);
    const report = await copy.verify();
    expect(report.firstBreak).toMatchObject({ kind: BreakKind.ROW_CHANGED, row: `workflow_history (id = ${id})` });
  });

  it('3b. a history row deleted, and a forged one inserted with the stage to match', async () => {
    const [{ id }] = await copy.ds.query(`SELECT id FROM workflow_history WHERE dossier_id = $1 ORDER BY id LIMIT 1`, [
      ids[1],
    ]);
    await replica(`DELETE FROM workflow_history WHERE id = $1`, [id]);
    await replica(
      `INSERT INTO workflow_history (dossier_id, round_id, event, from_stage, to_stage, version_read, version_written, actor_id, actor_role, actor_unit_id)
       SELECT id, round_id, 'grant', stage, 'granted', version, version + 1, created_by, 'PRESIDENT_OFFICE', facility_id FROM dossiers WHERE id = $1`,
      [ids[2]],
    );
    await copy.owner.query(`UPDATE dossiers SET stage = 'granted', version = version + 1 WHERE id = $1`, [ids[2]]);
    const report = await copy.verify();
    expect(report.firstBreak).toMatchObject({ kind: BreakKind.ROW_NOT_COMMITTED });
    expect(report.firstBreak!.row).toMatch(/^workflow_history \(id = \d+\)$/);
    expect(report.breaks.find((b) => b.kind === BreakKind.ROW_MISSING)).toMatchObject({
      row: `workflow_history (id = ${id})`,
    });
  });

  it('4. a frozen list entry rewritten behind the triggers', async () => {
    await replica(`UPDATE list_entries SET full_name = 'Người Khác' WHERE list_id = $1 AND dossier_id = $2`, [
      campListId,
      ids[0],
    ]);
    const report = await copy.verify();
    expect(report.firstBreak).toMatchObject({
      kind: BreakKind.ROW_CHANGED,
      row: `list_entries (list_id = ${campListId}, dossier_id = ${ids[0]})`,
    });
  });

  it('4b. a name slipped into a frozen list', async () => {
    await replica(
      `INSERT INTO list_entries (list_id, dossier_id, position, dossier_version, content_hash, full_name, facility_id)
       SELECT $1, v.dossier_id, 99, v.version, v.content_hash, 'Hoàng Văn Em', d.facility_id
       FROM dossier_versions v JOIN dossiers d ON d.id = v.dossier_id WHERE v.dossier_id = $2 AND v.version = 2`,
      [campListId, edited],
    );
    const report = await copy.verify();
    expect(report.firstBreak).toMatchObject({
      kind: BreakKind.ROW_NOT_COMMITTED,
      row: `list_entries (list_id = ${campListId}, dossier_id = ${edited})`,
    });
  });

  it('5. an audit row edited and every later hash recomputed', async () => {
    const chain = await copy.readChain();
    const target = chain.find((r) => r.action === 'dossier.create')!;
    const later = chain.filter((r) => r.seq >= target.seq).map(recordOf);
    later[0] = { ...later[0], actorName: 'người khác' };
    await copy.rewriteChain(target.seq, later);
    const report = await copy.verify();
    expect(report.breakCounts[BreakKind.HASH_MISMATCH]).toBeUndefined();
    expect(report.firstBreak).toMatchObject({ kind: BreakKind.CHECKPOINT_MISMATCH, seq: target.seq });
  });

  it('6. an audit row deleted, the rest renumbered and rehashed', async () => {
    const chain = await copy.readChain();
    const target = chain.find((r) => r.action === 'auth.login')!;
    const later = chain.filter((r) => r.seq > target.seq).map((r) => ({ ...recordOf(r), seq: r.seq - 1 }));
    await copy.rewriteChain(target.seq, later);
    const report = await copy.verify();
    expect(report.firstBreak).toMatchObject({ kind: BreakKind.CHECKPOINT_MISMATCH });
    expect(report.firstBreak!.seq).toBeGreaterThanOrEqual(target.seq);
    expect(report.breakCounts[BreakKind.LOG_TRUNCATED]).toBe(1);
  });

  it('7. the last rows of the log deleted', async () => {
    const [{ last }] = await copy.ds.query('SELECT max(seq)::int AS last FROM audit_log');
    await replica('DELETE FROM audit_log WHERE seq > $1', [last - 2]);
    const report = await copy.verify();
    expect(report.firstBreak).toMatchObject({ kind: BreakKind.LOG_TRUNCATED, seq: last - 1 });
  });

  it('8. the log emptied', async () => {
    await replica('DELETE FROM audit_log');
    const report = await copy.verify();
    expect(report.rowsChecked).toBe(0);
    expect(report.firstBreak).toMatchObject({ kind: BreakKind.LOG_TRUNCATED, seq: 1 });
    expect(report.firstBreak!.message).toContain('đã bị xóa hết');
  });

  it('9. a forged, correctly hashed row appended with a plain INSERT', async () => {
    const chain = await copy.readChain();
    const head = chain[chain.length - 1];
    const record = {
      ...recordOf(head),
      seq: head.seq + 1,
      occurredAt: new Date().toISOString(),
      action: 'workflow.grant',
      after: { stage: 'granted' },
      rowHashes: undefined,
    };
    delete record.rowHashes;
    const hash = chainHash(head.hash, record);
    await copy.owner.query(
      `INSERT INTO audit_log (seq, occurred_at, actor_id, actor_name, action, entity_type, entity_id, before, after, reason, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        record.seq,
        record.occurredAt,
        record.actorId,
        record.actorName,
        record.action,
        record.entityType,
        record.entityId,
        JSON.stringify(record.before),
        JSON.stringify(record.after),
        record.reason,
        head.hash,
        hash,
      ],
    );
    const report = await copy.verify();
    expect(report.firstBreak).toMatchObject({ kind: BreakKind.UNSIGNED_ROW, seq: head.seq + 1 });
  });

  it('10. a stored document’s file hash changed', async () => {
    await copy.owner.query(`UPDATE documents SET file_sha256 = $2 WHERE id = $1`, [documentId, 'f'.repeat(64)]);
    const report = await copy.verify();
    expect(report.firstBreak).toMatchObject({ kind: BreakKind.ROW_CHANGED, row: `documents (id = ${documentId})` });
  });

  it('10b. a stored document’s frozen data changed under an unchanged hash', async () => {
    await copy.owner.query(`UPDATE documents SET snapshot = jsonb_set(snapshot, '{number}', '"99/BB"') WHERE id = $1`, [
      documentId,
    ]);
    const report = await copy.verify();
    expect(report.firstBreak).toMatchObject({ kind: BreakKind.ROW_CHANGED, row: `documents (id = ${documentId})` });
    expect(report.firstBreak!.message).toContain('mã băm lưu kèm');
  });

  it('11. a frozen list’s header rewritten', async () => {
    await replica(`UPDATE list_snapshots SET entry_count = 2 WHERE id = $1`, [campListId]);
    const report = await copy.verify();
    expect(report.firstBreak).toMatchObject({
      kind: BreakKind.ROW_CHANGED,
      row: `list_snapshots (id = ${campListId})`,
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the log in the database itself', async () => {
    await expect(copy.owner.query(`UPDATE audit_log SET reason = 'x' WHERE seq = 2`)).rejects.toThrow(/append-only/);
    await expect(copy.owner.query(`DELETE FROM audit_log WHERE seq = 2`)).rejects.toThrow(/append-only/);
    await expect(copy.owner.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('12. an audit row edited or removed without recomputing: the chain alone tells', async () => {
    await replica(`UPDATE audit_log SET reason = 'sửa' WHERE seq = 3`);
    expect((await copy.verify()).firstBreak).toMatchObject({ kind: BreakKind.HASH_MISMATCH, seq: 3 });
    await replica(`DELETE FROM audit_log WHERE seq = 5`);
    expect((await copy.verify()).breaks[0]).toMatchObject({ kind: BreakKind.HASH_MISMATCH, seq: 3 });
    expect((await copy.verify()).breaks[1]).toMatchObject({ kind: BreakKind.SEQUENCE_GAP, seq: 6 });
  });

  it('13. the tail cut and the service then writing on: two signatures for one number', async () => {
    const [{ last }] = await copy.ds.query('SELECT max(seq)::int AS last FROM audit_log');
    await replica('DELETE FROM audit_log WHERE seq > $1', [last - 2]);
    await copy.ds.transaction((m) =>
      copy.audit.audit.record(m, {
        actor: { id: null, name: 'kiểm thử' },
        action: 'org_unit.update',
        entityType: 'org_unit',
        entityId: 'x',
      }),
    );
    const report = await copy.verify();
    expect(report.firstBreak).toMatchObject({ kind: BreakKind.CHECKPOINT_MISMATCH, seq: last - 1 });
  });

  it('14. the checkpoints deleted, or a forged one added, outside the database', async () => {
    const dir = join(copy.auditDir, 'checkpoints');
    const [file] = readdirSync(dir);
    appendFileSync(
      join(dir, file),
      JSON.stringify({
        v: 1,
        from: 1,
        seq: 9999,
        hash: 'a'.repeat(64),
        at: new Date().toISOString(),
        key: 'x',
        sig: 'x',
      }) + '\n',
    );
    expect((await copy.verify()).firstBreak).toMatchObject({ kind: BreakKind.CHECKPOINT_INVALID, seq: 9999 });
    rmSync(dir, { recursive: true });
    const report = await copy.verify();
    expect(report.firstBreak).toMatchObject({ kind: BreakKind.UNSIGNED_ROW, seq: 1 });
  });

  it('npm run audit:verify exits 0 on an intact record and 2 naming the first bad row on a broken one', async () => {
    const cli = (extra: Record<string, string>) =>
      run(process.execPath, ['dist/src/audit/verify-cli.js'], {
        env: { ...process.env, DATABASE_URL: copy.url, AUDIT_DIR: copy.auditDir, ...extra },
      }).then(
        (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
      );
    const intact = await cli({});
    expect(intact.code).toBe(0);
    expect(intact.out).toContain('Audit chain intact');
    await copy.owner.query(`UPDATE dossiers SET stage = 'granted' WHERE id = $1`, [ids[0]]);
    const broken = await cli({});
    expect(broken.code).toBe(2);
    expect(broken.err).toContain(`Audit chain BROKEN: DOSSIER_STATE_MISMATCH at dossiers (id = ${ids[0]})`);
    // Two cold starts of the command-line tool: slow on a busy machine.
  }, 180_000);

  it('GET /api/audit/verify says the same, and the checkpoints’ public key is published', async () => {
    await copy.owner.query(`UPDATE dossiers SET stage = 'granted' WHERE id = $1`, [ids[0]]);
    const t = await startTestApp({ AUDIT_DIR: copy.auditDir, RUN_WORKERS: 'false' }, copy.appUrl);
    try {
      const admin = new HttpClient(t.baseUrl);
      expect((await admin.login(app.org.users[Role.ADMIN], 'mat-khau-kiem-thu')).status).toBe(200);
      const res = await admin.get('/api/audit/verify');
      expect(res.status).toBe(200);
      expect(res.body.ok).toBe(false);
      expect(res.body.firstBreak).toMatchObject({
        kind: BreakKind.DOSSIER_STATE_MISMATCH,
        row: `dossiers (id = ${ids[0]})`,
      });
      const keys = await admin.get('/api/audit/checkpoints');
      expect(keys.body).toMatchObject({ algorithm: 'Ed25519', keyId: copy.audit.checkpoints.publicKey.keyId });
      expect(keys.body.publicKey).toContain('BEGIN PUBLIC KEY');
      expect(keys.body.latest.seq).toBeGreaterThan(1);
    } finally {
      await t.close();
      await t.dataSource.destroy();
    }
  });

  it('names the rows a command writes, or refuses: a selector that matches nothing is a programming error', async () => {
    await expect(
      copy.ds.transaction((m) =>
        copy.audit.audit.record(m, {
          actor: { id: null, name: 'kiểm thử' },
          action: 'dossier.update',
          entityType: 'dossier',
          entityId: ids[0],
          rows: [protectedRows.dossierVersion(ids[0], 77)],
        }),
      ),
    ).rejects.toThrow(/no dossier_versions row/);
    await expect(
      copy.audit.audit.record(copy.ds.manager, {
        actor: { id: null, name: 'x' },
        action: 'x',
        entityType: 'x',
        entityId: 'x',
      }),
    ).rejects.toThrow(/inside a transaction/);
  });
});
