import { Role } from '../../src/auth/user.entity.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ALL_ROLES = Object.values(Role);
const CAMP = [Role.TEAM_OFFICER, Role.CAMP_COUNCIL_MEMBER, Role.WARDEN];
const UNIT = [...CAMP, Role.DEPARTMENT_OFFICER, Role.MINISTRY_OFFICER];
const NATIONAL = [Role.APPRAISER, Role.COUNCIL_STANDING_OFFICER, Role.COUNCIL_MEMBER];

// Role × endpoint × own/other unit: every answer is asserted, so a scoping regression cannot pass unnoticed.
describe('access matrix', () => {
  let t: TestApp;
  let own: TestOrg;
  let other: TestOrg;
  const clients = new Map<Role, HttpClient>();
  let ownDossier: string;
  let ownAtAppraisal: string;
  let otherDossier: string;
  let otherAtAppraisal: string;

  const expectStatus = async (role: Role, call: (c: HttpClient) => Promise<{ status: number }>, expected: number) => {
    const { status } = await call(clients.get(role)!);
    expect({ role, status }).toEqual({ role, status: expected });
  };

  beforeAll(async () => {
    t = await startTestApp();
    own = await createTestOrg(t.dataSource);
    other = await createTestOrg(t.dataSource);
    for (const role of ALL_ROLES) {
      const client = new HttpClient(t.baseUrl);
      expect((await client.login(own.users[role], TEST_PASSWORD)).status).toBe(200);
      clients.set(role, client);
    }
    const ownOfficer = clients.get(Role.TEAM_OFFICER)!;
    const make = async (client: HttpClient, org: TestOrg) =>
      (
        await client.post(
          '/api/dossiers',
          buildDossier({ roundCode: org.roundCode, facilityCode: org.facility.code, teamCode: org.team.code }),
        )
      ).body.id as string;
    ownDossier = await make(ownOfficer, own);
    ownAtAppraisal = await make(ownOfficer, own);
    const otherOfficer = new HttpClient(t.baseUrl);
    await otherOfficer.login(other.users[Role.TEAM_OFFICER], TEST_PASSWORD);
    otherDossier = await make(otherOfficer, other);
    otherAtAppraisal = await make(otherOfficer, other);
    await t.dataSource.query(`UPDATE dossiers SET stage = 'appraisal' WHERE id = ANY($1)`, [
      [ownAtAppraisal, otherAtAppraisal],
    ]);
  });
  afterAll(() => t.close());

  it('GET /api/dossiers/:id: units see their own subtree, national bodies what reached them, nobody else', async () => {
    for (const role of ALL_ROLES) {
      await expectStatus(role, (c) => c.get(`/api/dossiers/${ownDossier}`), UNIT.includes(role) ? 200 : 404);
      await expectStatus(role, (c) => c.get(`/api/dossiers/${otherDossier}`), 404);
      await expectStatus(role, (c) => c.get(`/api/dossiers/${ownAtAppraisal}`), role === Role.ADMIN ? 404 : 200);
      await expectStatus(role, (c) => c.get(`/api/dossiers/${otherAtAppraisal}`), NATIONAL.includes(role) ? 200 : 404);
      await expectStatus(role, (c) => c.get(`/api/dossiers/${ownDossier}/export`), UNIT.includes(role) ? 200 : 404);
    }
  });

  it('national bodies keep seeing a dossier they sent back to the camp', async () => {
    const sentBack = await clients
      .get(Role.TEAM_OFFICER)!
      .post(
        '/api/dossiers',
        buildDossier({ roundCode: own.roundCode, facilityCode: own.facility.code, teamCode: own.team.code }),
      );
    const id = sentBack.body.id as string;
    await t.dataSource.query(`UPDATE dossiers SET stage = 'correction', version = 2 WHERE id = $1`, [id]);
    for (const role of NATIONAL) await expectStatus(role, (c) => c.get(`/api/dossiers/${id}`), 404);
    const [appraiser] = await t.dataSource.query('SELECT id, org_unit_id FROM users WHERE username = $1', [
      own.users[Role.APPRAISER],
    ]);
    await t.dataSource.query(
      `INSERT INTO workflow_history (dossier_id, round_id, event, from_stage, to_stage, version_read, version_written, actor_id, actor_role, actor_unit_id, reason)
       VALUES ($1, $2, 'send_back', 'appraisal', 'correction', 1, 2, $3, 'APPRAISER', $4, 'Thiếu bản án')`,
      [id, own.roundId, appraiser.id, appraiser.org_unit_id],
    );
    for (const role of ALL_ROLES)
      await expectStatus(role, (c) => c.get(`/api/dossiers/${id}`), role === Role.ADMIN ? 404 : 200);
  });

  it('GET /api/dossiers lists only what the caller may open', async () => {
    for (const role of ALL_ROLES) {
      const listed = await clients.get(role)!.get(`/api/dossiers?pageSize=500&q=PN-`);
      expect(listed.status).toBe(200);
      const ids = new Set(listed.body.items.map((d: { id: string }) => d.id));
      expect({
        role,
        own: ids.has(ownDossier),
        other: ids.has(otherDossier),
        otherAppraisal: ids.has(otherAtAppraisal),
      }).toEqual({
        role,
        own: UNIT.includes(role),
        other: false,
        otherAppraisal: NATIONAL.includes(role),
      });
    }
  });

  it('POST /api/dossiers: camp staff file for their own facility only', async () => {
    for (const role of ALL_ROLES) {
      const mine = buildDossier({ roundCode: own.roundCode, facilityCode: own.facility.code, teamCode: own.team.code });
      await expectStatus(role, (c) => c.post('/api/dossiers', mine), CAMP.includes(role) ? 201 : 403);
      const foreign = buildDossier({ roundCode: other.roundCode, facilityCode: other.facility.code });
      await expectStatus(role, (c) => c.post('/api/dossiers', foreign), CAMP.includes(role) ? 400 : 403);
    }
  });

  it('PUT /api/dossiers/:id: camp staff edit their own, others are refused or see nothing', async () => {
    for (const role of ALL_ROLES) {
      const current = await clients.get(Role.WARDEN)!.get(`/api/dossiers/${ownDossier}`);
      const body = { expectedVersion: current.body.version, dossier: current.body.document };
      await expectStatus(role, (c) => c.put(`/api/dossiers/${ownDossier}`, body), CAMP.includes(role) ? 200 : 403);
      await expectStatus(role, (c) => c.put(`/api/dossiers/${otherDossier}`, body), CAMP.includes(role) ? 404 : 403);
    }
  });

  it('audit verification is for the administrator and the standing body', async () => {
    for (const role of ALL_ROLES) {
      await expectStatus(
        role,
        (c) => c.get('/api/audit/verify'),
        [Role.ADMIN, Role.COUNCIL_STANDING_OFFICER].includes(role) ? 200 : 403,
      );
    }
  });

  it('without a session only /health answers', async () => {
    const anonymous = new HttpClient(t.baseUrl);
    expect((await anonymous.get('/health')).status).toBe(200);
    for (const path of ['/api/dossiers', `/api/dossiers/${ownDossier}`, '/api/audit/verify', '/api/auth/me']) {
      expect({ path, status: (await anonymous.get(path)).status }).toEqual({ path, status: 401 });
    }
  });

  it('logout ends the session', async () => {
    const client = new HttpClient(t.baseUrl);
    await client.login(own.users[Role.WARDEN], TEST_PASSWORD);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect((await client.login(own.users[Role.WARDEN], 'sai-mat-khau')).status).toBe(401);
  });
});
