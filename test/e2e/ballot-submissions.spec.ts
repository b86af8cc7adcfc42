import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/user.entity.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The team's officer puts many applications to the team's meeting in one command: one transaction through the
// transition table, one history and one audit row per dossier, and any refusal (scope, stale version, an application
// outside the window) refuses them all, named on its row, with nothing written.
describe('applications put to the team meeting together', () => {
  let t: TestApp;
  let org: TestOrg;
  let officer: HttpClient;
  let otherOfficer: HttpClient;

  const file = async (http: HttpClient, fullName: string, application = '2025-07-08', teamCode = org.team.code) => {
    const facilityCode = teamCode === org.team.code ? org.facility.code : org.otherFacility.code;
    const doc = buildDossier({ roundCode: org.roundCode, facilityCode, teamCode, person: { fullName } });
    const res = await http.post('/api/dossiers', { ...doc, application: { ...doc.application, date: application } });
    expect(res.status).toBe(201);
    return { dossierId: res.body.id as string, version: res.body.version as number };
  };
  const submit = (body: unknown, key?: string) =>
    officer.post('/api/team-meetings/candidates', body, key ? { 'idempotency-key': key } : {});
  const written = async (ids: string[]) => {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM workflow_history WHERE dossier_id = ANY($1::uuid[])) AS history,
              (SELECT count(*)::int FROM audit_log
                WHERE action = 'workflow.submit_for_ballot' AND entity_id = ANY($1::text[])) AS audit,
              (SELECT count(*)::int FROM dossiers WHERE id = ANY($1::uuid[]) AND stage = 'team_ballot') AS moved`,
      [ids],
    );
    return row as { history: number; audit: number; moved: number };
  };

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrg(t.dataSource);
    await t.dataSource.query(`UPDATE rounds SET posted_at = '2025-07-04' WHERE id = $1`, [org.roundId]);
    officer = new HttpClient(t.baseUrl);
    expect((await officer.login(org.users[Role.TEAM_OFFICER], TEST_PASSWORD)).status).toBe(200);
    otherOfficer = new HttpClient(t.baseUrl);
    expect((await otherOfficer.login(org.users.otherTeamOfficer, TEST_PASSWORD)).status).toBe(200);
  });
  afterAll(() => t.close());

  it('moves every dossier in one command with one history and one audit row each, and replays a retried key', async () => {
    const rows = [
      await file(officer, 'Lê Văn An'),
      await file(officer, 'Trần Thị Bình'),
      await file(officer, 'Phạm Văn Cường'),
    ];
    const key = randomUUID();
    const res = await submit({ dossiers: rows }, key);
    expect(res.status).toBe(200);
    expect(res.body.submitted).toBe(3);
    expect(new Set(res.body.dossiers.map((d: { stage: string }) => d.stage))).toEqual(new Set(['team_ballot']));
    expect(res.body.dossiers.map((d: { version: number }) => d.version)).toEqual([2, 2, 2]);
    const ids = rows.map((r) => r.dossierId);
    expect(await written(ids)).toEqual({ history: 3, audit: 3, moved: 3 });
    const perDossier: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'workflow.submit_for_ballot' AND entity_id = ANY($1::text[])
        GROUP BY entity_id`,
      [ids],
    );
    expect(perDossier.map((r) => r.n)).toEqual([1, 1, 1]);

    const replay = await submit({ dossiers: rows }, key);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(res.body);
    expect(await written(ids)).toEqual({ history: 3, audit: 3, moved: 3 });
  });

  it('refuses a dossier of another camp on its row and writes nothing', async () => {
    const own = await file(officer, 'Hoàng Văn Dũng');
    const foreign = await file(otherOfficer, 'Vũ Thị Hạnh', '2025-07-08', org.otherTeam.code);
    const res = await submit({ dossiers: [own, foreign] });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(res.body.message).toContain('dòng 2');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'dossiers[1].dossierId', code: 'notFound' })]);
    expect(res.body.message).not.toContain('Vũ Thị Hạnh');
    expect(await written([own.dossierId, foreign.dossierId])).toEqual({ history: 0, audit: 0, moved: 0 });
  });

  it('refuses a stale version with 409 naming the person and writes nothing', async () => {
    const first = await file(officer, 'Đỗ Văn Giang');
    const second = await file(officer, 'Ngô Thị Hoa');
    const res = await submit({ dossiers: [first, { ...second, version: second.version + 1 }] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('STALE_VERSION');
    expect(res.body.message).toContain('Ngô Thị Hoa');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'dossiers[1].version', code: 'stale' })]);
    expect(await written([first.dossierId, second.dossierId])).toEqual({ history: 0, audit: 0, moved: 0 });
  });

  it('refuses an application filed after the window, naming the person and the deadline, and writes nothing', async () => {
    const onTime = await file(officer, 'Bùi Văn Khoa');
    const late = await file(officer, 'Đinh Thị Lan', '2025-07-20');
    const res = await submit({ dossiers: [onTime, late] });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('Đinh Thị Lan');
    expect(res.body.message).toContain('hạn cuối 09/07/2025');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'dossiers[1].applicationDate' })]);
    expect(await written([onTime.dossierId, late.dossierId])).toEqual({ history: 0, audit: 0, moved: 0 });
  });

  it('refuses a dossier named twice and an empty list on the field, in Vietnamese', async () => {
    const d = await file(officer, 'Lý Văn Minh');
    const twice = await submit({ dossiers: [d, d] });
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([expect.objectContaining({ path: 'dossiers[1].dossierId', code: 'duplicate' })]);
    const empty = await submit({ dossiers: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe('dossiers');
    expect(await written([d.dossierId])).toEqual({ history: 0, audit: 0, moved: 0 });
  });

  it('is refused to a role other than the team officer', async () => {
    const warden = new HttpClient(t.baseUrl);
    expect((await warden.login(org.users[Role.WARDEN], TEST_PASSWORD)).status).toBe(200);
    const d = await file(officer, 'Mai Văn Nam');
    const res = await warden.post('/api/team-meetings/candidates', { dossiers: [d] });
    expect(res.status).toBe(403);
    expect(await written([d.dossierId])).toEqual({ history: 0, audit: 0, moved: 0 });
  });
});
