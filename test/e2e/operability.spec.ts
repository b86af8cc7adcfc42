import { Role } from '../../src/auth/user.entity.js';
import { Readiness } from '../../src/observability/readiness.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// What an operator relies on: request ids from the edge to the audit row and the job, metrics, probes, and failures
// stored as a code and a Vietnamese sentence.
describe('operations', () => {
  let t: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrg(t.dataSource);
  });
  afterAll(() => t.close());

  it('answers with the request id and stores it on the audit row of the change', async () => {
    const officer = new HttpClient(t.baseUrl);
    await officer.login(org.users[Role.TEAM_OFFICER], TEST_PASSWORD);
    const doc = buildDossier({ roundCode: org.roundCode, facilityCode: org.facility.code, teamCode: org.team.code });
    const created = await officer.post('/api/dossiers', doc, { 'x-request-id': 'ops-test-0001' });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toBe('ops-test-0001');
    const [row] = await t.dataSource.query(`SELECT request_id FROM audit_log WHERE entity_id = $1`, [created.body.id]);
    expect(row.request_id).toBe('ops-test-0001');
    const generated = await officer.get('/api/auth/me', { 'x-request-id': 'bad id with spaces' });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('stores a failed screening as a code and a Vietnamese sentence, and carries the request id into the job', async () => {
    const admin = new HttpClient(t.baseUrl);
    await admin.login(org.users[Role.ADMIN], TEST_PASSWORD);
    const queued = await admin.post(`/api/rounds/${org.roundId}/screenings`, undefined, {
      'x-request-id': 'ops-test-0002',
    });
    expect(queued.status).toBe(202);
    let status = queued.body;
    for (let i = 0; i < 100 && !['DONE', 'FAILED'].includes(status.status); i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await admin.get(`/api/screenings/${queued.body.id}`)).body;
    }
    // The test round has no parameters at all: a typed reason that a retry cannot change, so it fails at once.
    expect(status).toMatchObject({ status: 'FAILED', errorCode: 'SCREENING_ROUND_NOT_EVALUABLE' });
    expect(status.error).toMatch(/^Đợt QD-TEST-[0-9a-f]+ chưa đủ tham số để đánh giá: Tham số "decision" là thông tin/);
    expect(status.error).not.toMatch(/\.\.|\.;|Error:/);
    const [audit] = await t.dataSource.query(
      `SELECT request_id FROM audit_log WHERE action = 'screening.request' AND after->>'screeningId' = $1`,
      [queued.body.id],
    );
    expect(audit.request_id).toBe('ops-test-0002');
  });

  it('serves Prometheus metrics: latency by route, jobs, queue depth, screening, PDF pages and the pool', async () => {
    const metrics = await fetch(`${t.baseUrl}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await metrics.text();
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/api\/dossiers"[^}]*status="201"/);
    expect(text).toMatch(/job_duration_seconds_count\{queue="[^"]+",outcome="done"\} [1-9]/);
    expect(text).toContain('# TYPE job_queue_depth gauge');
    expect(text).toContain('# TYPE screening_dossiers_total counter');
    expect(text).toContain('# TYPE pdf_pages_rendered_total counter');
    expect(text).toMatch(/db_pool_connections\{state="total"\} [1-9]/);
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('is live and ready, and stops being ready once shutdown begins', async () => {
    expect((await fetch(`${t.baseUrl}/health/live`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/health/ready`)).status).toBe(200);
    t.app.get(Readiness).beginShutdown();
    const draining = await fetch(`${t.baseUrl}/health/ready`);
    expect(draining.status).toBe(503);
    expect((await fetch(`${t.baseUrl}/health/live`)).status).toBe(200);
  });
});
