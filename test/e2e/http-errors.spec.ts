import { Role } from '../../src/auth/user.entity.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The body of every error: a status, a code, a message and field errors (or a request id). Nothing else, and none of
// the framework's or the parser's own words, file paths or stack frames.
const ERROR_KEYS = ['statusCode', 'code', 'message', 'errors', 'requestId'];
const INTERNALS =
  /node_modules|\.js:\d+|\bat \w|stack|Error:|Unexpected (end|token)|Cannot (GET|POST)|uuid is expected|SELECT |QueryFailed/;

function expectNoInternals(body: Record<string, unknown>, raw: string): void {
  expect(Object.keys(body).filter((k) => !ERROR_KEYS.includes(k))).toEqual([]);
  expect(raw).not.toMatch(INTERNALS);
  expect(body.message).toMatch(/[àáảãạăâđêôơư]/);
}

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
    const raw = await response.text();
    const body = JSON.parse(raw);
    expect(response.status).toBe(400);
    expect(body.code).toBe('MALFORMED_JSON');
    expectNoInternals(body, raw);
    expect(body.message).toMatch(/JSON/);
    expect(body.message).toMatch(/không/);
  });

  it('answers a malformed id in the path with a Vietnamese 400 naming the parameter', async () => {
    const response = await client.get('/api/dossiers/khong-phai-uuid');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('INVALID_PATH_PARAMETER');
    expect(response.body.message).toContain('mã định danh');
    expectNoInternals(response.body, JSON.stringify(response.body));
  });

  it('answers an unknown address with a Vietnamese 404', async () => {
    const response = await client.get('/api/khong-co');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'NOT_FOUND' });
    expectNoInternals(response.body, JSON.stringify(response.body));
  });
});
