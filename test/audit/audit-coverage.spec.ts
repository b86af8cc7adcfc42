import pg from 'pg';
import { BreakKind } from '../../src/audit/audit-chain.js';
import { AuditVerifier } from '../../src/audit/audit-verifier.js';
import { Role } from '../../src/auth/user.entity.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { TEST_PASSWORD } from '../factories/org.factory.js';
import { advanceToAppraisal, startAuditedApp, type AuditedApp } from '../support/audited-app.js';
import { HttpClient } from '../support/http-client.js';

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 600; i += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not finish`);
}

// Every kind of audit row the service writes is signed and verifies, from a whole list's hop (one history row and
// one audit row per dossier, written by one statement) to sessions, screenings and simulations; and a history row of
// that hop edited afterwards is traced to the audit row of its own dossier.
describe('audit chain: every command that appends is covered', () => {
  let app: AuditedApp;
  let ids: string[];

  beforeAll(async () => {
    app = await startAuditedApp();
    ({ ids } = await advanceToAppraisal(app, ['Vũ Văn Giang', 'Tạ Thị Hà', 'Kiều Minh Khôi', 'Lò Văn Lâm']));
  }, 180_000);
  afterAll(() => app.close());

  it('signs and verifies sessions, screenings, simulations and their adoption beside the workflow', async () => {
    const stranger = new HttpClient(app.t.baseUrl);
    expect((await stranger.login(app.org.users[Role.WARDEN], 'sai-mat-khau')).status).toBe(401);
    const leaving = new HttpClient(app.t.baseUrl);
    expect((await leaving.login(app.org.users[Role.WARDEN], TEST_PASSWORD)).status).toBe(200);
    expect((await leaving.post('/api/auth/logout')).status).toBeLessThan(300);

    // A round with the parameters of a real decision, and dossiers the engine evaluates on import.
    const admin = await app.as(Role.ADMIN);
    const roundCode = `QD-AUDIT-${app.org.suffix}`.toUpperCase();
    expect((await admin.post('/api/rounds', { code: roundCode, presetCode: 'QD-1244-2025' })).status).toBe(201);
    const round = (await admin.get(`/api/rounds/${roundCode}`)).body;
    const officer = await app.as(Role.TEAM_OFFICER);
    for (const fullName of ['Mai Văn Nam', 'Đoàn Thị Oanh']) {
      const imported = await officer.post(
        '/api/dossiers',
        buildDossier({
          roundCode,
          facilityCode: app.org.facility.code,
          teamCode: app.org.team.code,
          person: { fullName },
        }),
      );
      expect(imported.status).toBe(201);
    }
    const screening = await admin.post(`/api/rounds/${round.id}/screenings`);
    expect(screening.status).toBe(202);
    const screened = await until(
      () => admin.get(`/api/screenings/${screening.body.id}`),
      (r) => ['DONE', 'FAILED'].includes(r.body.status),
      'screening',
    );
    expect(screened.body).toMatchObject({ status: 'DONE', error: null });
    // The screening's end is recorded on behalf of the administrator who asked for it.
    const finished = await app.t.dataSource.query(
      `SELECT actor_name FROM audit_log WHERE action = 'screening.finish' AND after->>'screeningId' = $1`,
      [screening.body.id],
    );
    expect(finished).toEqual([{ actor_name: app.org.users[Role.ADMIN] }]);

    const standing = await app.as(Role.COUNCIL_STANDING_OFFICER);
    const created = await standing.post('/api/simulations', {
      name: 'Dự thảo: tỷ lệ chung 1/2',
      roundCode,
      changes: [{ path: 'time.general.fraction.value', value: { numerator: 1, denominator: 2 } }],
    });
    expect(created.status).toBe(202);
    await until(
      () => standing.get(`/api/simulations/${created.body.id}/progress`),
      (r) => ['DONE', 'FAILED'].includes(r.body.status),
      'simulation',
    );
    const sim = (await standing.get(`/api/simulations/${created.body.id}`)).body;
    expect(sim.status).toBe('DONE');
    const adopted = await standing.post(`/api/simulations/${sim.id}/adopt`, { expectedVersion: sim.version });
    expect(adopted.status).toBe(200);

    const report = await app.t.app.get(AuditVerifier).verify();
    expect(report.breaks).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checkpoints.latestSeq).toBe(report.lastSeq);
    const actions: { action: string }[] = await app.t.dataSource.query('SELECT DISTINCT action FROM audit_log');
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'auth.login',
        'auth.login_failed',
        'auth.logout',
        'round.create',
        'dossier.create',
        'screening.request',
        'screening.finish',
        'simulation.create',
        'simulation.run',
        'simulation.adopt',
        'round.update',
        'workflow.forward',
        'list.forward',
      ]),
    );
    // One history row per dossier and hop, each committed to by its dossier's own audit row and by no other.
    const [{ history, committed }] = await app.t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM workflow_history) AS history,
              (SELECT count(*)::int FROM audit_log a, jsonb_array_elements(a.row_hashes) h
                WHERE h->>0 = 'workflow_history' AND a.action LIKE 'workflow.%') AS committed`,
    );
    expect(report.protectedRows.workflow_history).toBe(history);
    expect(committed).toBe(history);
  }, 240_000);

  it('traces an edited history row of a whole list’s hop to the audit row of that dossier', async () => {
    const [row]: { id: string; seq: string }[] = await app.t.dataSource.query(
      `SELECT h.id, a.seq FROM workflow_history h
         JOIN audit_log a ON a.entity_id = h.dossier_id::text AND a.action = 'workflow.forward'
          AND (a.after->>'version')::int = h.version_written
        WHERE h.event = 'forward' AND h.dossier_id = $1 AND h.list_id IS NOT NULL
        ORDER BY h.id DESC LIMIT 1`,
      [ids[2]],
    );
    const owner = new pg.Client({ connectionString: app.db.url });
    await owner.connect();
    try {
      await owner.query('BEGIN');
      await owner.query('SET LOCAL session_replication_role = replica');
      await owner.query(`UPDATE workflow_history SET reason = 'sửa ngoài ứng dụng' WHERE id = $1`, [row.id]);
      await owner.query('COMMIT');
    } finally {
      await owner.end();
    }
    const report = await app.t.app.get(AuditVerifier).verify({ graceMs: 100 });
    expect(report.firstBreak).toMatchObject({
      kind: BreakKind.ROW_CHANGED,
      seq: Number(row.seq),
      row: `workflow_history (id = ${row.id})`,
    });
    expect(report.breaks).toHaveLength(1);
  });
});
