import { Role } from '../../src/auth/user.entity.js';
import { EligibilityService } from '../../src/eligibility/eligibility.service.js';
import { storedSummary } from '../../src/eligibility/stored-result.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('rounds as data and the eligibility API', () => {
  let t: TestApp;
  let org: TestOrg;
  let admin: HttpClient;
  let officer: HttpClient;
  let roundCode: string;
  let roundId: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrg(t.dataSource);
    admin = new HttpClient(t.baseUrl);
    await admin.login(org.users[Role.ADMIN], TEST_PASSWORD);
    officer = new HttpClient(t.baseUrl);
    await officer.login(org.users[Role.TEAM_OFFICER], TEST_PASSWORD);
    roundCode = `QD-1244-2025-${org.suffix}`.toUpperCase();
    const created = await admin.post('/api/rounds', { code: roundCode, presetCode: 'QD-1244-2025' });
    expect(created.status).toBe(201);
    roundId = created.body.id;
  });
  afterAll(() => t.close());

  it('creates a round from a preset, every parameter with its source and confidence', async () => {
    const round = await officer.get(`/api/rounds/${roundCode}`);
    expect(round.status).toBe(200);
    expect(round.body).toMatchObject({
      cutoffDate: '2025-08-31',
      decisionNumber: '1244/2025/QĐ-CTN',
      rulePack: 'law-30-2018',
    });
    expect(round.body.parameters.cutoffDate).toMatchObject({
      value: '2025-08-31',
      confidence: expect.stringMatching(/^[VK?]$/),
    });
    expect(typeof round.body.parameters.cutoffDate.source).toBe('string');
  });

  it('refuses invalid parameters with the parameter path and keeps the round unchanged on a stale write', async () => {
    const round = (await admin.get(`/api/rounds/${roundCode}`)).body;
    const broken = { ...round.parameters, cutoffDate: { value: '2025-02-30', source: 'x', confidence: 'V' } };
    const refused = await admin.put(`/api/rounds/${roundCode}`, { expectedVersion: round.version, parameters: broken });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path).join(' ')).toContain('parameters.cutoffDate');
    const stale = await admin.put(`/api/rounds/${roundCode}`, { expectedVersion: round.version + 5, name: 'Khác' });
    expect(stale.status).toBe(409);
    const renamed = await admin.put(`/api/rounds/${roundCode}`, {
      expectedVersion: round.version,
      name: 'Đặc xá năm 2025 (đợt 2)',
    });
    expect(renamed.body).toEqual({ code: roundCode, version: round.version + 1 });
    expect((await officer.put(`/api/rounds/${roundCode}`, { expectedVersion: round.version })).status).toBe(403);
  });

  it('reads a round stored without a group of parameters, naming the missing group instead of failing', async () => {
    const code = `CU-${org.suffix}`.toUpperCase();
    expect((await admin.post('/api/rounds', { code, presetCode: 'QD-1244-2025' })).status).toBe(201);
    // As a round stored before the deadlines group existed.
    await t.dataSource.query(`UPDATE rounds SET parameters = parameters - 'deadlines' WHERE code = $1`, [code]);
    const round = await officer.get(`/api/rounds/${code}`);
    expect(round.status).toBe(200);
    expect(round.body.issues).toEqual([
      expect.objectContaining({
        path: 'deadlines',
        severity: 'error',
        message: expect.stringContaining('"deadlines"'),
      }),
    ]);
  });

  it('evaluates a dossier inline without storing anything', async () => {
    const dossier = buildDossier({ roundCode, facilityCode: org.facility.code });
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM eligibility_results');
    const result = await officer.post('/api/eligibility/evaluate', { roundCode, dossier });
    expect(result.status).toBe(200);
    // The factory's dossier fails no condition of the preset round, but some facts still need a person to check them:
    // the verdict is the rules' own, not any of the three.
    const outcomes = result.body.results.map((r: { outcome: string }) => r.outcome);
    expect(result.body.status).toBe('NEEDS_REVIEW');
    expect(outcomes).toContain('NEEDS_REVIEW');
    expect(outcomes).not.toContain('INELIGIBLE');
    expect(result.body.results.length).toBeGreaterThan(5);
    for (const rule of result.body.results) {
      expect(rule.ruleId).toMatch(/^R-/);
      expect(typeof rule.reason).toBe('string');
    }
    expect(result.body.factsHash).toMatch(/^[0-9a-f]{64}$/);
    const after = await t.dataSource.query('SELECT count(*)::int AS n FROM eligibility_results');
    expect(after[0].n).toBe(before[0].n);
    const unknown = await officer.post('/api/eligibility/evaluate', { roundCode: 'KHONG-CO', dossier });
    expect(unknown.status).toBe(400);
  });

  it('lists a candidate short of time served with the day it will be met', async () => {
    const short = buildDossier({
      roundCode,
      facilityCode: org.facility.code,
      teamCode: org.team.code,
      intervals: [
        { kind: 'PRE_TRIAL_DETENTION' as never, from: '2023-01-02', to: '2023-06-30' },
        { kind: 'CAMP' as never, from: '2023-07-01' },
      ],
    });
    const created = await officer.post('/api/dossiers', short);
    const listed = await officer.get(`/api/dossiers?roundCode=${roundCode}&q=${short.inmateNumber}`);
    const item = listed.body.items[0];
    expect(item.id).toBe(created.body.id);
    expect(item.almostEligibleOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(item.almostEligibleOn > '2025-08-31').toBe(true);
    const latest = await officer.get(`/api/dossiers/${created.body.id}/eligibility`);
    expect(latest.body.result.failingRuleIds).toContain('R-COND-B');
  });

  it('stores a verdict when a dossier is filed and screens a whole round in the background', async () => {
    const created = await officer.post(
      '/api/dossiers',
      buildDossier({ roundCode, facilityCode: org.facility.code, teamCode: org.team.code }),
    );
    expect(created.status).toBe(201);
    const latest = await officer.get(`/api/dossiers/${created.body.id}/eligibility`);
    expect(latest.status).toBe(200);
    expect(latest.body).toMatchObject({ dossierVersion: 1, packId: 'law-30-2018', explanationMatches: true });
    expect(latest.body.explanation.status).toBe(latest.body.outcome);
    expect(latest.body.explanation.factsHash).toBe(latest.body.factsHash);
    // The stored summary keeps every rule's outcome and the findings; the recomputed working has every comparison.
    expect(Object.keys(latest.body.result.outcomes).sort()).toEqual(
      latest.body.explanation.results.map((r: { ruleId: string }) => r.ruleId).sort(),
    );
    expect(latest.body.explanation.results.every((r: { inputs: unknown[] }) => Array.isArray(r.inputs))).toBe(true);
    // Stored with the round values it rests on as references (format 2), it reads as the full summary of the same
    // evaluation, byte for byte; so does a result stored whole, before those references.
    const summary = JSON.stringify(storedSummary(latest.body.explanation, latest.body.result.council));
    expect(JSON.stringify(latest.body.result)).toBe(summary);
    const [row] = await t.dataSource.query(
      `SELECT result->>'format' AS format, json_array_length(result->'reliances') AS refs, result->'reliesOn' AS whole,
              result::text AS text
       FROM eligibility_results WHERE dossier_id = $1`,
      [created.body.id],
    );
    expect(row).toMatchObject({ format: '2', refs: latest.body.result.reliesOn.length, whole: null });
    expect(row.refs).toBeGreaterThan(0);
    const eligibility = t.app.get(EligibilityService);
    const held = await eligibility.heldBackByUnknownValues(roundCode);
    expect(held.length).toBeGreaterThan(0);
    await t.dataSource.query('UPDATE eligibility_results SET result = $2 WHERE dossier_id = $1', [
      created.body.id,
      summary,
    ]);
    const whole = await officer.get(`/api/dossiers/${created.body.id}/eligibility`);
    expect(JSON.stringify(whole.body)).toBe(JSON.stringify(latest.body));
    expect(await eligibility.heldBackByUnknownValues(roundCode)).toEqual(held);
    await t.dataSource.query('UPDATE eligibility_results SET result = $2 WHERE dossier_id = $1', [
      created.body.id,
      row.text,
    ]);
    const other = new HttpClient(t.baseUrl);
    await other.login(org.users.otherWarden, TEST_PASSWORD);
    expect((await other.get(`/api/dossiers/${created.body.id}/eligibility`)).status).toBe(404);

    await officer.post(
      '/api/dossiers',
      buildDossier({ roundCode, facilityCode: org.facility.code, teamCode: org.team.code }),
    );
    // A dossier the workflow has moved: its row's version counts the move, its content is still version 1.
    const moved = await officer.post(`/api/dossiers/${created.body.id}/events`, {
      event: 'submit_for_ballot',
      version: 1,
    });
    expect(moved.status).toBe(200);
    expect((await officer.post(`/api/rounds/${roundId}/screenings`)).status).toBe(403);
    const started = await admin.post(`/api/rounds/${roundId}/screenings`);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'QUEUED', total: 3 });
    const finished = await waitFor(
      () => admin.get(`/api/screenings/${started.body.id}`),
      (r) => r.body.status === 'DONE' || r.body.status === 'FAILED',
    );
    expect(finished.body).toMatchObject({ status: 'DONE', done: 3, percent: 100, error: null });
    const [{ n }] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM eligibility_results WHERE screening_id = $1',
      [started.body.id],
    );
    expect(n).toBe(3);
    // The screening threads store exactly what the filing stored for the same content version, moved or not.
    const stored = await t.dataSource.query(
      `SELECT screening_id IS NULL AS "onFiling", dossier_version AS version, facts_hash AS "factsHash", outcome, category, result
       FROM eligibility_results WHERE dossier_id = $1 ORDER BY evaluated_at, id`,
      [created.body.id],
    );
    expect(stored).toHaveLength(2);
    expect(stored[0].onFiling).toBe(true);
    expect(stored[1]).toEqual({ ...stored[0], onFiling: false });
  });
});
