import { Role } from '../../src/auth/user.entity.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { Visitor } from '../support/web-visitor.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { client, presetRound } from '../browser/support/pipeline.js';

describe('web pages: sessions, form tokens and visibility', () => {
  let app: TestApp;
  let org: TestOrg;
  let dossierId: string;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app.dataSource);
    const officer = await client(app, org.users[Role.TEAM_OFFICER]);
    const created = await officer.post(
      '/api/dossiers',
      buildDossier({ roundCode: org.roundCode, facilityCode: org.facility.code, teamCode: org.team.code }),
    );
    dossierId = created.body.id;
  });
  afterAll(() => app.close());

  it('sends a visitor without a session to the login page and back afterwards', async () => {
    const visitor = new Visitor(app.baseUrl);
    const res = await visitor.send('GET', `/dossiers/${dossierId}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/dossiers/${dossierId}`)}`);
    const wrong = await visitor.send('POST', '/login', { username: org.users[Role.WARDEN], password: 'sai-mat-khau' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    const ok = await visitor.send('POST', '/login', {
      username: org.users[Role.WARDEN],
      password: TEST_PASSWORD,
      next: '//example.org/',
    });
    expect(ok.headers.get('location')).toBe('/');
    expect(ok.headers.get('set-cookie')).toMatch(/sid=.*HttpOnly.*SameSite=Lax/i);
  });

  it('refuses a state change without the session’s form token or from another site', async () => {
    const officer = new Visitor(app.baseUrl);
    await officer.login(org.users[Role.TEAM_OFFICER]);
    const token = await officer.token();
    expect(token.length).toBeGreaterThan(20);
    const missing = await officer.send('POST', `/dossiers/${dossierId}/events`, {
      event: 'submit_for_ballot',
      version: '1',
    });
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain('Phiên biểu mẫu đã hết hạn');
    const foreign = await officer.send('POST', '/logout', { _csrf: token }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const out = await officer.send('POST', '/logout', { _csrf: token }, { origin: app.baseUrl });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login?msg=loggedOut');
  });

  it('states on the ballot page the threshold the votes will be counted by, and that it is the service’s default', async () => {
    const officer = new Visitor(app.baseUrl);
    await officer.login(org.users[Role.TEAM_OFFICER]);
    const html = await (await officer.send('GET', `/ballots?roundId=${org.roundId}`)).text();
    expect(html).toContain('Ngưỡng để được đề nghị: quá bán số phiếu hợp lệ (mặc định của hệ thống:');
  });

  it('shows each role only its own pages and dossiers', async () => {
    const other = new Visitor(app.baseUrl);
    await other.login(org.users.otherWarden);
    const foreign = await other.send('GET', `/dossiers/${dossierId}`);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toContain('Không tìm thấy hồ sơ.');

    const appraiser = new Visitor(app.baseUrl);
    await appraiser.login(org.users[Role.APPRAISER]);
    expect((await appraiser.send('GET', '/dossiers/new')).status).toBe(403);
    expect((await appraiser.send('GET', `/dossiers/${dossierId}`)).status).toBe(404);

    const admin = new Visitor(app.baseUrl);
    await admin.login(org.users[Role.ADMIN]);
    expect((await admin.send('GET', '/dossiers')).status).toBe(200);
    expect(await (await admin.send('GET', '/dossiers')).text()).toContain('Tìm thấy 0 hồ sơ.');
    expect((await admin.send('GET', '/admin/rounds')).status).toBe(200);

    const teamOfficer = new Visitor(app.baseUrl);
    await teamOfficer.login(org.users[Role.TEAM_OFFICER]);
    expect((await teamOfficer.send('GET', '/admin/users')).status).toBe(403);
    const page = await (await teamOfficer.send('GET', `/dossiers/${dossierId}`)).text();
    expect(page).toContain('Nguyễn Văn Đức');
    expect(page).toContain('200.000 ₫');
  });

  it('shows an almost-eligible candidate with the day the last unmet threshold will be met', async () => {
    const round = await presetRound(app, org);
    const twelveYears = { kind: 'FIXED' as const, years: 12, months: 0, days: 0 };
    const base = buildDossier();
    const doc = buildDossier({
      roundCode: round.code,
      facilityCode: org.facility.code,
      teamCode: org.team.code,
      person: { fullName: 'Hoàng Văn Sắp' },
      aggregateSentence: twelveYears,
      judgments: [
        {
          ...base.judgments[0],
          sentence: twelveYears,
          offences: [{ ...base.judgments[0].offences[0], sentence: twelveYears }],
        },
      ],
      intervals: [
        { kind: 'PRE_TRIAL_DETENTION' as never, from: '2022-11-05', to: '2023-07-05' },
        { kind: 'CAMP' as never, from: '2023-07-06' },
      ],
    });
    const officer = await client(app, org.users[Role.TEAM_OFFICER]);
    const created = await officer.post('/api/dossiers', doc);
    expect(created.status).toBe(201);
    const [stored] = await app.dataSource.query(
      `SELECT result->'almostEligible' AS almost FROM eligibility_results WHERE dossier_id = $1 ORDER BY evaluated_at DESC LIMIT 1`,
      [created.body.id],
    );
    const day: string = stored.almost[0].metOn;
    const shown = `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

    const visitor = new Visitor(app.baseUrl);
    await visitor.login(org.users[Role.TEAM_OFFICER]);
    const list = await (await visitor.send('GET', `/dossiers?q=${encodeURIComponent('Hoàng Văn Sắp')}`)).text();
    expect(list).toContain(`Sắp đủ điều kiện: đủ từ ngày ${shown}`);
    const page = await (await visitor.send('GET', `/dossiers/${created.body.id}`)).text();
    expect(page).toContain(`dự kiến đủ từ ngày ${shown}`);
  });
});
