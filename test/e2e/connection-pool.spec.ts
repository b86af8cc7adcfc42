import type { QueryRunner } from 'typeorm';
import { Role } from '../../src/auth/user.entity.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// A process holds few database connections. A request must never hold one while it waits for a second (with as
// many such requests as connections, all of them would wait for ever), and when every connection is busy for too
// long the caller is told so instead of waiting without end.
describe('the database connection pool', () => {
  const POOL = 2;
  let t: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    t = await startTestApp({ RUN_WORKERS: 'false', DATABASE_POOL_SIZE: String(POOL), DATABASE_POOL_WAIT_MS: '30000' });
    org = await createTestOrg(t.dataSource);
  }, 120_000);
  afterAll(async () => {
    await t.dataSource.query('DELETE FROM login_throttle');
    await t.close();
  });

  const login = (username: string) =>
    fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: TEST_PASSWORD }),
    }).then(async (r) => ({ username, status: r.status, body: (await r.json()) as { token?: string; code?: string } }));

  it('lets three times as many people log in at once as there are connections', async () => {
    const roles = Object.values(Role).slice(0, POOL * 3);
    expect(roles).toHaveLength(POOL * 3);
    const answers = await Promise.all(roles.map((role) => login(org.users[role])));
    expect(answers.map((a) => ({ username: a.username, status: a.status }))).toEqual(
      roles.map((role) => ({ username: org.users[role], status: 200 })),
    );
    expect(answers.every((a) => typeof a.body.token === 'string')).toBe(true);
  }, 120_000);

  it('answers 503 in Vietnamese when every connection stays busy, and serves again once one is free', async () => {
    const { token } = (await login(org.users[Role.TEAM_OFFICER])).body;
    const held: QueryRunner[] = [];
    try {
      for (let i = 0; i < POOL; i += 1) {
        const runner = t.dataSource.createQueryRunner();
        await runner.connect();
        held.push(runner);
      }
      const busy = await fetch(`${t.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await busy.json()) as { code: string; message: string };
      expect({ status: busy.status, code: body.code }).toEqual({ status: 503, code: 'SERVICE_BUSY' });
      expect(body.message).toMatch(/Hệ thống đang bận/);
    } finally {
      for (const runner of held) await runner.release();
    }
    const again = await fetch(`${t.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(again.status).toBe(200);
  }, 120_000);
});
