import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/user.entity.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, TEST_APPRAISAL_TEAM, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { evaluableRound } from '../factories/round.factory.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The refusals of the pipeline, each with its status, code and a message a clerk can act on.
describe('pipeline guards over HTTP', () => {
  let t: TestApp;
  let org: TestOrg;
  const as: Record<string, HttpClient> = {};

  const file = async (application = '2025-07-08') => {
    const doc = buildDossier({ roundCode: org.roundCode, facilityCode: org.facility.code, teamCode: org.team.code });
    const res = await as.team.post('/api/dossiers', { ...doc, application: { ...doc.application, date: application } });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  };
  const fire = (who: string, id: string, body: Record<string, unknown>, key?: string) =>
    as[who].post(`/api/dossiers/${id}/events`, body, key ? { 'idempotency-key': key } : {});

  beforeAll(async () => {
    t = await startTestApp();
    // Configured in full, so each filing stores the engine's own verdict and the council decides beside it.
    org = await createTestOrg(t.dataSource, {
      ...evaluableRound(),
      appraisal: { ...evaluableRound().appraisal, ...TEST_APPRAISAL_TEAM },
      ballot: {
        threshold: {
          value: { kind: 'FRACTION_OF_VALID', numerator: 2, denominator: 3, inclusive: true },
          source: 'Quyết định thử nghiệm',
          confidence: 'V',
        },
      },
    });
    await t.dataSource.query(`UPDATE rounds SET posted_at = '2025-07-04' WHERE id = $1`, [org.roundId]);
    for (const [key, username] of [
      ['team', org.users[Role.TEAM_OFFICER]],
      ['council', org.users[Role.CAMP_COUNCIL_MEMBER]],
      ['warden', org.users[Role.WARDEN]],
      ['otherWarden', org.users.otherWarden],
      ['department', org.users[Role.DEPARTMENT_OFFICER]],
    ]) {
      as[key] = new HttpClient(t.baseUrl);
      expect((await as[key].login(username, TEST_PASSWORD)).status).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('refuses an application written after the round’s window', async () => {
    const late = await file('2025-07-20');
    const res = await fire('team', late.id, { event: 'submit_for_ballot', version: late.version });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe('applicationDate');
    expect(res.body.message).toContain('hạn cuối 09/07/2025');
  });

  it('refuses a stale version, a wrong role, an impossible step and another camp’s dossier', async () => {
    const d = await file();
    expect((await fire('team', d.id, { event: 'submit_for_ballot', version: d.version })).status).toBe(200);
    const stale = await fire('team', d.id, { event: 'withdraw', version: d.version, reason: 'Phạm nhân rút đơn' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const role = await fire('council', d.id, {
      event: 'withdraw',
      version: d.version + 1,
      reason: 'Phạm nhân rút đơn',
    });
    expect(role.status).toBe(403);
    expect(role.body.code).toBe('ROLE_NOT_ALLOWED');
    expect(role.body.message).toContain('chỉ: Cán bộ quản giáo, Giám thị');
    const step = await fire('warden', d.id, { event: 'resubmit', version: d.version + 1 });
    expect(step.status).toBe(409);
    expect(step.body.message).toContain('«Họp đội, bỏ phiếu kín»');
    expect(
      (await fire('otherWarden', d.id, { event: 'withdraw', version: d.version + 1, reason: 'Phạm nhân rút đơn' }))
        .status,
    ).toBe(404);
  });

  it('acts once per Idempotency-Key and refuses the key for another request', async () => {
    const d = await file();
    const key = randomUUID();
    const first = await fire(
      'team',
      d.id,
      { event: 'withdraw', version: d.version, reason: 'Phạm nhân rút đơn ngày 09/7' },
      key,
    );
    expect(first.status).toBe(200);
    const again = await fire(
      'team',
      d.id,
      { event: 'withdraw', version: d.version, reason: 'Phạm nhân rút đơn ngày 09/7' },
      key,
    );
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const other = await fire('team', d.id, { event: 'withdraw', version: d.version, reason: 'Lý do khác hẳn' }, key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM workflow_history WHERE dossier_id = $1 AND event = 'withdraw'`,
      [d.id],
    );
    expect(n).toBe(1);
  });

  it('acts once when the same retry arrives twice at the same moment', async () => {
    const d = await file();
    const key = randomUUID();
    const body = { event: 'submit_for_ballot', version: d.version };
    const both = await Promise.all([fire('team', d.id, body, key), fire('team', d.id, body, key)]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both[0].body).toEqual(both[1].body);
    const rows = await t.dataSource.query(`SELECT version_read FROM workflow_history WHERE dossier_id = $1`, [d.id]);
    expect(rows).toEqual([{ version_read: d.version }]);
  });

  it('uses the round’s own ballot threshold and keeps the last editor from approving', async () => {
    const [a, b] = [await file(), await file()];
    for (const d of [a, b])
      expect((await fire('team', d.id, { event: 'submit_for_ballot', version: d.version })).status).toBe(200);
    const meeting = await as.team.post('/api/team-meetings', {
      roundId: org.roundId,
      teamId: org.team.id,
      meetingDate: '2025-07-12',
      membersPresent: 28,
      membersAbsent: 0,
      ballotsIssued: 28,
      ballotsReturned: 28,
      ballotsValid: 28,
      ballotsInvalid: 0,
      candidates: [
        {
          dossierId: a.id,
          version: a.version + 1,
          votesFor: 19,
          votesAgainst: 9,
          votesBlank: 0,
          officerOpinion: 'Đề nghị xét',
        },
        {
          dossierId: b.id,
          version: b.version + 1,
          votesFor: 18,
          votesAgainst: 10,
          votesBlank: 0,
          officerOpinion: 'Đề nghị xét',
        },
      ],
    });
    expect(meeting.status).toBe(201);
    expect(meeting.body.threshold).toBe('từ 2/3 số phiếu hợp lệ');
    expect(meeting.body.thresholdBasis).toEqual({
      source: 'Quyết định thử nghiệm',
      confidence: 'V',
      serviceDefault: false,
    });
    expect(meeting.body.outcomes.map((o: { passed: boolean }) => o.passed)).toEqual([true, false]);

    const current = await as.council.get(`/api/dossiers/${a.id}`);
    const edited = await as.council.put(`/api/dossiers/${a.id}`, {
      expectedVersion: current.body.version,
      dossier: { ...current.body.document, person: { ...current.body.document.person, ethnicity: 'Tày' } },
    });
    expect(edited.status).toBe(200);
    const own = await as.council.post('/api/camp-council/decisions', {
      decisions: [
        { dossierId: a.id, version: edited.body.version, eligible: true, reason: 'Đề nghị xét theo kết quả họp đội' },
      ],
    });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('SAME_PERSON');
  });

  it('accounts for a name withdrawn between posting and sending', async () => {
    const [c, d] = [await file(), await file()];
    const v: Record<string, number> = {};
    for (const x of [c, d])
      v[x.id] = (await fire('team', x.id, { event: 'submit_for_ballot', version: x.version })).body.version;
    const ballot = await as.team.post('/api/team-meetings', {
      roundId: org.roundId,
      teamId: org.team.id,
      meetingDate: '2025-07-12',
      membersPresent: 28,
      membersAbsent: 0,
      ballotsIssued: 28,
      ballotsReturned: 28,
      ballotsValid: 28,
      ballotsInvalid: 0,
      candidates: [c, d].map((x) => ({
        dossierId: x.id,
        version: v[x.id],
        votesFor: 20,
        votesAgainst: 8,
        votesBlank: 0,
        officerOpinion: 'Đề nghị xét',
      })),
    });
    ballot.body.outcomes.forEach((o: { dossierId: string; version: number }) => {
      v[o.dossierId] = o.version;
    });
    const council = await as.council.post('/api/camp-council/decisions', {
      decisions: [c, d].map((x) => ({ dossierId: x.id, version: v[x.id], eligible: true })),
    });
    // No reason needed: each decision agrees with the verdict the engine stored when the dossier was filed.
    expect(council.status).toBe(200);
    council.body.forEach((o: { dossierId: string; version: number }) => {
      v[o.dossierId] = o.version;
    });
    const posted = await as.warden.post('/api/camp-lists', {
      roundId: org.roundId,
      postedOn: '2025-07-15',
      dossiers: [c, d].map((x) => ({ dossierId: x.id, version: v[x.id] })),
    });
    expect(posted.status).toBe(201);
    const withdrawn = await fire('team', d.id, {
      event: 'withdraw',
      version: v[d.id] + 1,
      reason: 'Phạm nhân rút đơn sau khi niêm yết',
    });
    expect(withdrawn.status).toBe(200);
    const sent = await as.warden.post(`/api/lists/${posted.body.eligible.id}/submit`);
    expect(sent.status).toBe(200);
    expect(sent.body.submitted).toBe(1);
    const pending = await as.department.get(`/api/lists/pending?roundId=${org.roundId}`);
    const forwarded = await as.department.post('/api/lists/forward', {
      token: pending.body.token,
      roundId: org.roundId,
    });
    expect(forwarded.status).toBe(200);
    const reconciliation = await as.department.get(`/api/lists/${forwarded.body.listId}/reconciliation`);
    expect(reconciliation.body).toMatchObject({ namesIn: 2, forwarded: 1, removed: 1, sentBack: 0, balanced: true });
  });
});
