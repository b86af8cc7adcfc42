import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { Role } from '../../src/auth/user.entity.js';
import { csrfToken } from '../../src/web/csrf.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The input an attacker would try first, one case each, with the answer a clerk should read.
describe('input limits at the edge', () => {
  let t: TestApp;
  let org: TestOrg;
  let admin: HttpClient;
  let officer: HttpClient;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp({ RUN_WORKERS: 'false' });
    org = await createTestOrg(t.dataSource);
    admin = new HttpClient(t.baseUrl);
    adminToken = (await admin.login(org.users[Role.ADMIN], TEST_PASSWORD)).body.token;
    officer = new HttpClient(t.baseUrl);
    await officer.login(org.users[Role.TEAM_OFFICER], TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const raw = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    }).then(async (r) => ({ status: r.status, body: await r.json() }));

  it('limits the unauthenticated login to a few kilobytes and refuses a 43 MB body without reading it', async () => {
    const small = await raw('/api/auth/login', JSON.stringify({ username: 'a', password: 'x'.repeat(5000) }));
    expect(small.status).toBe(413);
    expect(small.body.message).toBe('Dữ liệu gửi lên quá lớn: địa chỉ này nhận tối đa 4 KB.');
    // The server answers 413 from the declared length and may close the connection before the client has sent it all.
    // The 43 MB body is built before the measure starts: what grows after it is the sending and the server's reading.
    const body = JSON.stringify({ username: 'a', password: 'x'.repeat(43_000_000) });
    const rssBefore = process.memoryUsage().rss;
    const huge = await raw('/api/auth/login', body).catch((error: Error) => ({
      status: (error.cause as { code?: string })?.code ?? error.message,
      body: null,
    }));
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(huge.status);
    // The client encodes the body once (43 MB); the server, in the same process, did not buffer it again.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
    expect((await raw('/api/auth/login', '{"username":"a"}')).status).toBe(400);
  });

  it('refuses JSON nested 50,000 deep, also on the login, before parsing it', async () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    for (const path of ['/api/auth/login', '/api/dossiers']) {
      const res = await raw(path, path === '/api/auth/login' ? deep.slice(0, 3000) : deep, {
        authorization: `Bearer ${adminToken}`,
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BODY_TOO_DEEP');
      expect(res.body.message).toContain('lồng nhau quá 32 cấp');
    }
  });

  it('refuses NUL bytes and lone surrogates in bodies, paths and queries, naming where', async () => {
    const dossier = buildDossier({ roundCode: org.roundCode, facilityCode: org.facility.code });
    const nul = await officer.post('/api/dossiers', {
      ...dossier,
      person: { ...dossier.person, fullName: 'An\u0000' },
    });
    expect(nul.status).toBe(400);
    expect(nul.body.errors[0]).toMatchObject({ path: 'person.fullName', code: 'nulCharacter' });
    expect(nul.body.errors[0].message).toBe('Trường "person.fullName" chứa ký tự NUL (mã 0), không được phép.');
    const surrogate = await raw(
      '/api/dossiers',
      JSON.stringify({ ...dossier, inmateNumber: 'PN' }).replace('"PN"', '"PN\\ud800"'),
      { authorization: `Bearer ${adminToken}` },
    );
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.errors[0]).toMatchObject({ path: 'inmateNumber', code: 'loneSurrogate' });
    const path = await officer.get('/api/rounds/QD%00X');
    expect(path.status).toBe(400);
    expect(path.body.code).toBe('INVALID_PATH');
    const badUtf8 = await officer.get('/api/rounds/%ED%A0%80');
    expect(badUtf8.status).toBe(400);
    const query = await officer.get('/api/dossiers?q=a%00b');
    expect(query.status).toBe(400);
    expect(query.body.errors[0].message).toContain('Tham số "q"');
  });

  it('bounds integers to their int4 column and requires the nested objects the format requires', async () => {
    const [user] = await t.dataSource.query('SELECT id FROM users WHERE username = $1', [org.users[Role.WARDEN]]);
    const big = await admin.request('PATCH', `/api/users/${user.id}`, { expectedVersion: 1, active: true });
    expect(big.status).toBe(200);
    const overflow = await officer.post(`/api/dossiers/${user.id}/events`, {
      event: 'SUBMIT_FOR_BALLOT',
      version: 2 ** 31,
    });
    expect(overflow.status).toBe(400);
    expect(overflow.body.errors).toContainEqual(
      expect.objectContaining({ path: 'version', message: 'Trường "version" phải nhỏ hơn hoặc bằng 2147483647.' }),
    );
    const dossier = buildDossier({ roundCode: org.roundCode, facilityCode: org.facility.code });
    for (const field of ['person', 'aggregateSentence'] as const) {
      const { [field]: _left, ...without } = dossier;
      const res = await officer.post('/api/dossiers', without);
      expect(res.status).toBe(400);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ path: field, code: 'isDefined' }));
    }
    const asList = await officer.post('/api/dossiers', { ...dossier, person: [dossier.person] });
    expect(asList.status).toBe(400);
    expect(asList.body.errors).toContainEqual(expect.objectContaining({ path: 'person', code: 'isObject' }));
    const update = await officer.put(`/api/dossiers/${user.id}`, { expectedVersion: 1 });
    expect(update.body.errors).toContainEqual(expect.objectContaining({ path: 'dossier', code: 'isDefined' }));
    const evaluate = await officer.post('/api/eligibility/evaluate', { round: {}, dossier });
    expect(evaluate.status).toBe(400);
    expect(evaluate.body.errors[0].path).toBe('round.decision');
  });

  it('every nested DTO property is required unless marked optional, and every integer is bounded', () => {
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<Function, { type: string; name?: string; propertyName: string }[]>;
    };
    const gaps: string[] = [];
    for (const [target, metadatas] of storage.validationMetadatas) {
      const props = new Set(metadatas.map((m) => m.propertyName));
      for (const prop of props) {
        const rules = metadatas.filter((m) => m.propertyName === prop);
        const has = (n: string) => rules.some((r) => r.name === n || r.type === n);
        const optional = has(ValidationTypes.CONDITIONAL_VALIDATION);
        if (has(ValidationTypes.NESTED_VALIDATION) && !optional && !has(ValidationTypes.IS_DEFINED))
          gaps.push(`${target.name}.${prop} nested but not required`);
        if (has('isInt') && !has('max')) gaps.push(`${target.name}.${prop} unbounded integer`);
      }
    }
    expect(storage.validationMetadatas.size).toBeGreaterThan(20);
    expect(gaps).toEqual([]);
  });

  it('answers concurrent identical creates with one success and 409s naming the clashing field', async () => {
    const unitCode = `TG-DUP-${org.suffix}`.toUpperCase();
    const units = await Promise.all(
      Array.from({ length: 8 }, () =>
        admin.post('/api/org/units', {
          code: unitCode,
          name: 'Trại giam trùng',
          kind: 'FACILITY',
          parentCode: org.department.code,
          facilityKind: 'MPS_PRISON',
        }),
      ),
    );
    expect(units.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of units.filter((u) => u.status === 409)) expect(r.body.message).toContain('"code"');

    const roundCode = `QD-DUP-${org.suffix}`.toUpperCase();
    const rounds = await Promise.all(
      Array.from({ length: 8 }, () => admin.post('/api/rounds', { code: roundCode, presetCode: 'QD-1244-2025' })),
    );
    expect(rounds.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of rounds.filter((u) => u.status === 409)) expect(r.body.message).toContain('"code"');

    const dossier = buildDossier({
      roundCode: org.roundCode,
      facilityCode: org.facility.code,
      teamCode: org.team.code,
    });
    const dossiers = await Promise.all(Array.from({ length: 8 }, () => officer.post('/api/dossiers', dossier)));
    expect(dossiers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of dossiers.filter((u) => u.status === 409)) {
      expect(r.body.message).toContain('"inmateNumber"');
      expect(r.body.message).toContain(dossier.inmateNumber);
    }
  });

  it('reads web forms without bracket objects and refuses prototype keys, naming them', async () => {
    const cookie = `sid=${encodeURIComponent(adminToken)}`;
    const form = (body: string) =>
      fetch(`${t.baseUrl}/admin/users`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: t.baseUrl },
        body: `_csrf=${encodeURIComponent(csrfToken(adminToken))}&${body}`,
      });
    const res = await form('username[toString]=x&fullName=A');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0]).toMatchObject({ path: 'username[toString]', code: 'formKey' });
    expect(body.errors[0].message).toContain('tên dành riêng "toString"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const proto = await form('__proto__[polluted]=1');
    expect(proto.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers invalid ids in queries and form fields with 4xx, never 500', async () => {
    const cookie = `sid=${encodeURIComponent(adminToken)}`;
    for (const path of [
      '/lists?roundId=khong-phai-uuid',
      '/camp?roundId=x',
      '/council?roundId=x',
      '/standing/report?roundId=x',
    ]) {
      const res = await fetch(`${t.baseUrl}${path}`, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
      expect(res.status).toBeLessThan(500);
    }
    const res = await fetch(`${t.baseUrl}/documents`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: t.baseUrl },
      body: `_csrf=${encodeURIComponent(csrfToken(adminToken))}&sourceType=DOSSIER&sourceId=khong-phai-uuid&kind=APPRAISAL_NOTE`,
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});
