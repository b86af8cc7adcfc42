import { Role } from '../../src/auth/user.entity.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('administration of units and accounts', () => {
  let t: TestApp;
  let org: TestOrg;
  let admin: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrg(t.dataSource);
    admin = new HttpClient(t.baseUrl);
    await admin.login(org.users[Role.ADMIN], TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('places units only where the hierarchy allows and audits each one', async () => {
    const code = `TG-MOI-${org.suffix}`.toUpperCase();
    const misplaced = await admin.post('/api/org/units', {
      code,
      name: 'Trại giam mới',
      kind: 'FACILITY',
      parentCode: org.ministry.code,
      facilityKind: 'MPS_PRISON',
    });
    expect(misplaced.status).toBe(400);
    expect(misplaced.body.errors[0]).toMatchObject({ path: 'parentCode', code: 'invalidParent' });
    const noKind = await admin.post('/api/org/units', {
      code,
      name: 'Trại giam mới',
      kind: 'FACILITY',
      parentCode: org.department.code,
    });
    expect(noKind.body.errors.map((e: { path: string }) => e.path)).toContain('facilityKind');
    const created = await admin.post('/api/org/units', {
      code,
      name: 'Trại giam mới',
      kind: 'FACILITY',
      parentCode: org.department.code,
      facilityKind: 'MPS_PRISON',
    });
    expect(created.status).toBe(201);
    expect(created.body.path.startsWith(org.department.path)).toBe(true);
    expect(created.body.ministry).toBe('CONG_AN');
    const duplicate = await admin.post('/api/org/units', {
      code,
      name: 'Trùng',
      kind: 'FACILITY',
      parentCode: org.department.code,
      facilityKind: 'MPS_PRISON',
    });
    expect(duplicate.status).toBe(409);
    const [audit] = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [created.body.id]);
    expect(audit.action).toBe('org.unit.create');
  });

  it('creates an account, and deactivating it ends its sessions', async () => {
    const username = `quangiao-${org.suffix}`;
    const noAgency = await admin.post('/api/users', {
      username: `td-${org.suffix}`,
      fullName: 'Đỗ Thị Hà',
      password: 'mat-khau-dai',
      role: 'APPRAISER',
      orgUnitCode: org.appraisalTeam.code,
    });
    expect(noAgency.status).toBe(400);
    const created = await admin.post('/api/users', {
      username,
      fullName: 'Phạm Văn Hùng',
      password: 'mat-khau-dai',
      role: 'TEAM_OFFICER',
      orgUnitCode: org.team.code,
    });
    expect(created.status).toBe(201);
    const officer = new HttpClient(t.baseUrl);
    expect((await officer.login(username, 'mat-khau-dai')).status).toBe(200);
    const stale = await admin.request('PATCH', `/api/users/${created.body.id}`, { expectedVersion: 7, active: false });
    expect(stale.status).toBe(409);
    const off = await admin.request('PATCH', `/api/users/${created.body.id}`, { expectedVersion: 1, active: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, version: 2 });
    expect((await officer.get('/api/auth/me')).status).toBe(401);
    expect((await officer.login(username, 'mat-khau-dai')).status).toBe(401);
  });

  it('is refused to everyone but the administrator', async () => {
    const warden = new HttpClient(t.baseUrl);
    await warden.login(org.users[Role.WARDEN], TEST_PASSWORD);
    expect((await warden.get('/api/users')).status).toBe(403);
    expect(
      (await warden.post('/api/org/units', { code: 'X-1', name: 'x', kind: 'TEAM', parentCode: org.facility.code }))
        .status,
    ).toBe(403);
    const units = await warden.get('/api/org/units');
    const codes = units.body.map((u: { code: string }) => u.code);
    expect(codes).toEqual(
      expect.arrayContaining([org.facility.code, org.team.code, org.department.code, org.appraisalTeam.code]),
    );
    expect(codes).not.toContain(org.otherFacility.code);
  });
});
