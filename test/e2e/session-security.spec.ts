import { jest } from '@jest/globals';
import { scrypt } from 'node:crypto';
import { Role } from '../../src/auth/user.entity.js';
import { Clock } from '../../src/common/clock.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Sessions as a bank runs them: throttled and locked logins, sessions that end on a password change, a
// deactivation or idleness, cookie writes that must come from the site itself, and headers on every answer.
describe('sessions and login throttling', () => {
  let t: TestApp;
  let org: TestOrg;
  let now: Date;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '10', LOGIN_LOCK_MINUTES: '15', SESSION_IDLE_MINUTES: '30' });
    org = await createTestOrg(t.dataSource);
    now = new Date();
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(now));
  });
  // The counters were written at this test's pretend time: later specs log in from the same address.
  afterAll(async () => {
    await t.dataSource.query('DELETE FROM login_throttle');
    await t.close();
  });

  // Each checked attempt spends one scrypt hash: about 0.4 s on an idle machine, several seconds on a busy one.
  const SLOW = 300_000;
  const advance = (ms: number) => (now = new Date(now.getTime() + ms));
  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ username, password }),
    }).then(async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.json() }));

  it(
    'slows down wrong passwords on one account, then locks it for 15 minutes, and says so in Vietnamese',
    async () => {
      const username = org.users[Role.DEPARTMENT_OFFICER];
      const delays: number[] = [];
      for (let failure = 1; failure <= 10; failure++) {
        const wrong = await login(username, 'sai-mat-khau');
        expect(wrong.status).toBe(401);
        expect(wrong.body.message).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
        if (failure === 10) break;
        if (failure < 3) continue; // free attempts: the next one is checked at once
        // Even the right password is not checked while the delay runs.
        const early = await login(username, TEST_PASSWORD);
        expect(early.status).toBe(429);
        expect(early.body.code).toBe('LOGIN_DELAYED');
        expect(early.body.message).toMatch(/hãy đợi \d+ giây rồi thử lại/);
        delays.push(Number(early.retryAfter));
        advance(Number(early.retryAfter) * 1000);
      }
      // 1 s after the third failure, doubling each time.
      expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64]);
      const locked = await login(username, TEST_PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('LOGIN_LOCKED');
      expect(locked.body.message).toMatch(/tạm khóa đến \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4} \(giờ Việt Nam\)/);
      expect(Number(locked.retryAfter)).toBe(15 * 60);
      advance(14 * 60_000);
      expect((await login(username, TEST_PASSWORD)).status).toBe(429);
      advance(61_000);
      expect((await login(username, TEST_PASSWORD)).status).toBe(200);
      const audit = await t.dataSource.query(
        `SELECT action, count(*)::int AS n FROM audit_log WHERE entity_type = 'login' AND (entity_id = $1 OR entity_id = $2)
       GROUP BY action ORDER BY action`,
        [username, `account:${username}`],
      );
      expect(audit).toEqual([
        { action: 'auth.login_failed', n: 10 },
        { action: 'auth.login_locked', n: 1 },
      ]);
      console.log(`throttling per account: delays after failures 3..9 = ${delays.join(', ')} s; lock-out 15 min`);
    },
    SLOW,
  );

  it(
    'counts failures per address across accounts, and a success does not clear the address',
    async () => {
      const headersFrom = {}; // every request of the test comes from 127.0.0.1 (no TRUST_PROXY)
      const refused: number[] = [];
      let failures = 0;
      // Ten unknown names, each once: the account counters stay low, the address counter climbs.
      for (let i = 0; i < 12; i++) {
        const r = await login(`khong-co-${i}-${org.suffix}`, 'x', headersFrom);
        if (r.status === 401) failures++;
        else {
          expect(r.status).toBe(429);
          expect(r.body.message).toContain('địa chỉ mạng này');
          refused.push(Number(r.retryAfter));
          advance(Number(r.retryAfter) * 1000);
        }
      }
      expect(failures).toBeGreaterThanOrEqual(10);
      expect(refused[0]).toBe(1);
      const [row] = await t.dataSource.query(`SELECT failures FROM login_throttle WHERE key = 'address:127.0.0.1'`);
      expect(row.failures).toBeGreaterThanOrEqual(10);
      advance(16 * 60_000);
      expect((await login(`khong-co-cuoi-${org.suffix}`, 'x')).status).toBe(401); // forgotten after the lock-out period
    },
    SLOW,
  );

  it('answers an unknown user exactly like a wrong password', async () => {
    const unknown = await login(`nobody-${org.suffix}`, 'x');
    const wrong = await login(org.users[Role.MINISTRY_OFFICER], 'x');
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it(
    'ends every session of a user when the password changes or the account is deactivated',
    async () => {
      const admin = new HttpClient(t.baseUrl);
      expect((await admin.login(org.users[Role.ADMIN], TEST_PASSWORD)).status).toBe(200);
      const username = org.users[Role.COUNCIL_MEMBER];
      const first = new HttpClient(t.baseUrl);
      const second = new HttpClient(t.baseUrl);
      await first.login(username, TEST_PASSWORD);
      await second.login(username, TEST_PASSWORD);
      expect((await first.get('/api/auth/me')).status).toBe(200);
      const [user] = await t.dataSource.query('SELECT id, version FROM users WHERE username = $1', [username]);
      const changed = await admin.request('PATCH', `/api/users/${user.id}`, {
        expectedVersion: user.version,
        password: 'mat-khau-moi-2026',
      });
      expect(changed.status).toBe(200);
      expect((await first.get('/api/auth/me')).status).toBe(401);
      expect((await second.get('/api/auth/me')).status).toBe(401);
      const [audit] = await t.dataSource.query(
        `SELECT after FROM audit_log WHERE action = 'user.update' AND entity_id = $1 ORDER BY seq DESC LIMIT 1`,
        [user.id],
      );
      expect(audit.after).toMatchObject({ passwordChanged: true, sessionsEnded: 2 });

      const third = new HttpClient(t.baseUrl);
      expect((await third.login(username, 'mat-khau-moi-2026')).status).toBe(200);
      const deactivated = await admin.request('PATCH', `/api/users/${user.id}`, {
        expectedVersion: user.version + 1,
        active: false,
      });
      expect(deactivated.status).toBe(200);
      expect((await third.get('/api/auth/me')).status).toBe(401);
      const [{ live }] = await t.dataSource.query(
        'SELECT count(*)::int AS live FROM sessions WHERE user_id = $1 AND revoked_at IS NULL',
        [user.id],
      );
      expect(live).toBe(0);
    },
    SLOW,
  );

  it('ends a session left idle for the idle timeout, well before its absolute lifetime', async () => {
    const user = new HttpClient(t.baseUrl);
    expect((await user.login(org.users[Role.WARDEN], TEST_PASSWORD)).status).toBe(200);
    advance(20 * 60_000);
    expect((await user.get('/api/auth/me')).status).toBe(200); // use resets the idle clock
    advance(20 * 60_000);
    expect((await user.get('/api/auth/me')).status).toBe(200);
    advance(31 * 60_000);
    const expired = await user.get('/api/auth/me');
    expect(expired.status).toBe(401);
    expect(expired.body.message).toContain('Phiên làm việc đã hết hạn');
  });

  it(
    'upgrades an old scrypt hash (N=2^14) to N=2^17 on the next successful login, and audits it',
    async () => {
      const username = org.users[Role.APPRAISER];
      const salt = Buffer.from('0123456789abcdef');
      const key = await new Promise<Buffer>((resolve, reject) =>
        scrypt(TEST_PASSWORD, salt, 32, { N: 16384, r: 8, p: 1 }, (e, k) => (e ? reject(e) : resolve(k))),
      );
      const old = `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
      await t.dataSource.query('UPDATE users SET password_hash = $2 WHERE username = $1', [username, old]);
      expect((await login(username, TEST_PASSWORD)).status).toBe(200);
      const [{ password_hash: upgraded, id }] = await t.dataSource.query(
        'SELECT id, password_hash FROM users WHERE username = $1',
        [username],
      );
      expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect((await login(username, TEST_PASSWORD)).status).toBe(200);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.password_rehash' AND entity_id = $1`,
        [id],
      );
      expect(n).toBe(1);
    },
    SLOW,
  );
});

describe('cookie writes, cookies and headers', () => {
  let t: TestApp;
  let org: TestOrg;
  let cookie: string;
  let bearer: HttpClient;

  beforeAll(async () => {
    t = await startTestApp({ COOKIE_SECURE: 'true' });
    org = await createTestOrg(t.dataSource);
    const res = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: org.users[Role.APPRAISER], password: TEST_PASSWORD }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/sid=.*HttpOnly.*Secure.*SameSite=Lax/i);
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    bearer = new HttpClient(t.baseUrl);
    await bearer.login(org.users[Role.APPRAISER], TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const write = (headers: Record<string, string>, body = 'reason=x') =>
    fetch(`${t.baseUrl}/api/auth/logout`, { method: 'POST', headers: { cookie, ...headers }, body });

  it('refuses a cookie-authenticated API write from another site or without proof, and accepts a same-site one', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const foreign = await write({ ...form, origin: 'https://evil.example', 'x-requested-with': 'fetch' });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).message).toContain('từ trang khác bị từ chối');
    const noOrigin = await write({ ...form, 'x-requested-with': 'fetch' });
    expect(noOrigin.status).toBe(403);
    const simple = await write({ ...form, origin: t.baseUrl });
    expect(simple.status).toBe(403);
    expect((await simple.json()).message).toContain('x-csrf-token');
    const byReferer = await write({ ...form, referer: `${t.baseUrl}/lists`, 'x-requested-with': 'fetch' });
    expect(byReferer.status).toBe(204);
  });

  it('lets bearer-token clients write without a browser origin', async () => {
    const res = await bearer.post('/api/auth/logout');
    expect(res.status).toBe(204);
  });

  it('refuses a login posted from another site', async () => {
    const res = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: `username=${org.users[Role.WARDEN]}&password=${TEST_PASSWORD}`,
    });
    expect(res.status).toBe(403);
  });

  it('sends security headers and no-store on pages, API answers and errors; assets may be cached', async () => {
    for (const path of ['/login', '/api/auth/me', '/api/khong-co', '/health']) {
      const res = await fetch(`${t.baseUrl}${path}`, { headers: { cookie } });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('strict-transport-security')).toContain('max-age=31536000');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const asset = await fetch(`${t.baseUrl}/assets/css/app.css`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=300');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
