import { Role } from '../../src/auth/user.entity.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Whatever goes wrong, a clerk gets a status, a stable code and a Vietnamese sentence; internals never leak.
describe('errors at the edge, health and OpenAPI', () => {
  let t: TestApp;
  let org: TestOrg;
  let client: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrg(t.dataSource);
    client = new HttpClient(t.baseUrl);
    await client.login(org.users[Role.WARDEN], TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('reports readiness without disclosing versions', async () => {
    const health = await client.get('/health/ready');
    expect(health.status).toBe(200);
    expect(health.body.details).toMatchObject({
      database: { status: 'up' },
      queue: { status: 'up' },
      storage: { status: 'up' },
      browser: { status: 'up' },
    });
    expect(JSON.stringify(health.body)).not.toMatch(/version|PostgreSQL|\d+\.\d+\.\d+/i);
    expect((await client.get('/health/live')).body).toEqual({ status: 'ok' });
  });

  it('publishes the OpenAPI description with the main operations', async () => {
    const spec = await client.get('/api/docs-json');
    expect(spec.status).toBe(200);
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/dossiers',
        '/api/dossiers/{id}',
        '/api/eligibility/evaluate',
        '/api/rounds/{id}/screenings',
        '/api/audit/verify',
      ]),
    );
  });

  it('answers malformed JSON with a Vietnamese 400', async () => {
    const response = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": "a",',
    });
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body.code).toBe('MALFORMED_JSON');
    expect(body.message).toMatch(/JSON/);
    expect(body.message).toMatch(/không/);
  });

  it('answers a malformed id in the path with a Vietnamese 400 naming the parameter', async () => {
    const response = await client.get('/api/dossiers/khong-phai-uuid');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('INVALID_PATH_PARAMETER');
    expect(response.body.message).toContain('mã định danh');
  });

  it('answers an unknown address with a Vietnamese 404', async () => {
    const response = await client.get('/api/khong-co');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'NOT_FOUND' });
  });
});
