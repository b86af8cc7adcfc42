import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../src/auth/password.js';
import { LAW_30_DEADLINES } from '../../src/eligibility/core/presets/law-30-2018-common.js';
import { seen } from '../../src/eligibility/core/presets/param.js';
import { Agency, Role } from '../../src/auth/user.entity.js';
import { buildDossier, PASSPORT_COPY } from '../factories/dossier.factory.js';
import { ELIGIBLE_FACTS, evaluableRound, INELIGIBLE_FACTS } from '../factories/round.factory.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg, type UnitRef } from '../factories/org.factory.js';
import { HttpClient } from '../support/http-client.js';
import { startIsolatedTestApp, type TestApp } from '../support/test-app.js';

// One round through two facilities of different kinds (an MPS prison routed to C10, an MoD prison routed to the
// MoD criminal investigation department) from the team ballot to the President's decision and the certificate.

async function unit(ds: DataSource, parent: UnitRef | null, u: Record<string, string>): Promise<UnitRef> {
  const id = randomUUID();
  const path = `${parent?.path ?? '/'}${id}/`;
  await ds.query(
    `INSERT INTO org_units (id, code, name, kind, parent_id, path, ministry, department_kind, facility_kind, body_kind)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [
      id,
      u.code,
      u.name,
      u.kind,
      parent?.id ?? null,
      path,
      u.ministry ?? null,
      u.departmentKind ?? null,
      u.facilityKind ?? null,
      u.bodyKind ?? null,
    ],
  );
  return { id, code: u.code, path };
}

// One hash for every account: scrypt at OWASP cost takes 128 MiB and a noticeable fraction of a second each.
let testPasswordHash: Promise<string> | undefined;

async function user(
  ds: DataSource,
  username: string,
  role: Role,
  unitId: string,
  agency: Agency | null = null,
): Promise<string> {
  await ds.query(
    'INSERT INTO users (username, password_hash, full_name, role, org_unit_id, agency) VALUES ($1,$2,$3,$4,$5,$6)',
    [username, await (testPasswordHash ??= hashPassword(TEST_PASSWORD)), `Cán bộ ${username}`, role, unitId, agency],
  );
  return username;
}

// Filed with facts the engine finds ineligible; the others with facts it finds eligible.
const INELIGIBLE = ['a5', 'b2'];
// A3 is a Lao national: the dossier holds the passport copy (Nghị định 52/2019/NĐ-CP, Điều 5, khoản 6), and once
// released he has no duty to present the certificate (Luật Đặc xá 2018, Điều 20, khoản 3).
const FOREIGNERS: Record<string, { nationality: string }> = { a3: { nationality: 'Lào' } };

describe('pipeline: secret ballot to the President’s decision', () => {
  let t: TestApp;
  let org: TestOrg;
  let mod: { ministry: UnitRef; department: UnitRef; facility: UnitRef; team: UnitRef };
  const as: Record<string, HttpClient> = {};
  const ids: Record<string, string> = {};
  const versions: Record<string, number> = {};

  const login = async (key: string, username: string) => {
    as[key] = new HttpClient(t.baseUrl);
    expect((await as[key].login(username, TEST_PASSWORD)).status).toBe(200);
  };
  const track = (rows: { dossierId: string; version: number }[]) =>
    rows.forEach((r) => {
      versions[r.dossierId] = r.version;
    });
  const event = async (who: string, name: string, body: Record<string, unknown>, key?: string) => {
    const res = await as[who].post(
      `/api/dossiers/${ids[name]}/events`,
      { version: versions[ids[name]], ...body },
      key ? { 'idempotency-key': key } : {},
    );
    if (res.status === 200) versions[ids[name]] = res.body.version;
    return res;
  };
  const forward = async (who: string, key?: string) => {
    const pending = await as[who].get(`/api/lists/pending?roundId=${org.roundId}`);
    expect(pending.status).toBe(200);
    const res = await as[who].post(
      '/api/lists/forward',
      { token: pending.body.token, roundId: org.roundId },
      key ? { 'idempotency-key': key } : {},
    );
    return { pending: pending.body, res };
  };
  const refreshVersions = async () => {
    const rows: { id: string; version: number }[] = await t.dataSource.query(
      'SELECT id, version FROM dossiers WHERE id = ANY($1::uuid[])',
      [Object.values(ids)],
    );
    rows.forEach((r) => {
      versions[r.id] = r.version;
    });
  };
  const roundOwn = {
    deadlines: { ...LAW_30_DEADLINES, certificatePresentationDays: seen(10, 'Hướng dẫn của đợt thử nghiệm') },
    // The round's appraisal team: the Supreme Procuracy and the Supreme Court must each give an opinion on every name.
    appraisal: {
      ...evaluableRound().appraisal,
      requiredAgencies: seen([Agency.VKSND_TOI_CAO, Agency.TAND_TOI_CAO], 'Luật Đặc xá 2018, Điều 10'),
    },
  };

  beforeAll(async () => {
    t = await startIsolatedTestApp();
    org = await createTestOrg(t.dataSource);
    const ds = t.dataSource;
    const s = org.suffix;
    // The law's own periods (complaints included) as the Law 30/2018 presets hold them.
    await ds.query(`UPDATE rounds SET posted_at = '2025-07-04', deadlines = $2, parameters = $3 WHERE id = $1`, [
      org.roundId,
      JSON.stringify({ stageDueDates: { appraisal: '2025-08-10' } }),
      // Configured in full before the camps file, so each filing stores the engine's own verdict.
      JSON.stringify({ ...evaluableRound(), ...roundOwn }),
    ]);
    const ministry = await unit(ds, null, {
      code: `BQP-${s}`,
      name: 'Bộ Quốc phòng',
      kind: 'MINISTRY',
      ministry: 'QUOC_PHONG',
    });
    const department = await unit(ds, ministry, {
      code: `CDTHS-${s}`,
      name: 'Cục Điều tra hình sự',
      kind: 'DEPARTMENT',
      ministry: 'QUOC_PHONG',
      departmentKind: 'MOD_CID',
    });
    const facility = await unit(ds, department, {
      code: `TG-QP-${s}`,
      name: 'Trại giam Quyết Tiến',
      kind: 'FACILITY',
      ministry: 'QUOC_PHONG',
      facilityKind: 'MOD_PRISON',
    });
    const team = await unit(ds, facility, { code: `DOI-QP1-${s}`, name: 'Đội 1', kind: 'TEAM' });
    mod = { ministry, department, facility, team };
    await unit(ds, null, {
      code: `VPCTN-${s}`,
      name: 'Văn phòng Chủ tịch nước',
      kind: 'NATIONAL_BODY',
      bodyKind: 'PRESIDENT_OFFICE',
    });

    for (const role of [
      Role.TEAM_OFFICER,
      Role.CAMP_COUNCIL_MEMBER,
      Role.WARDEN,
      Role.DEPARTMENT_OFFICER,
      Role.MINISTRY_OFFICER,
      Role.APPRAISER,
      Role.COUNCIL_STANDING_OFFICER,
      Role.COUNCIL_MEMBER,
    ])
      await login(role, org.users[role]);
    await login('qpTeam', await user(ds, `qp-team-${s}`, Role.TEAM_OFFICER, team.id));
    await login('qpCouncil', await user(ds, `qp-council-${s}`, Role.CAMP_COUNCIL_MEMBER, facility.id));
    await login('qpWarden', await user(ds, `qp-warden-${s}`, Role.WARDEN, facility.id));
    await login('qpDept', await user(ds, `qp-dept-${s}`, Role.DEPARTMENT_OFFICER, department.id));
    await login('qpMinistry', await user(ds, `qp-ministry-${s}`, Role.MINISTRY_OFFICER, ministry.id));
    await login('court', await user(ds, `tand-${s}`, Role.APPRAISER, org.appraisalTeam.id, Agency.TAND_TOI_CAO));
  });
  afterAll(() => t.close());

  it('files dossiers and opens them for the team meeting within the application window', async () => {
    const files = async (who: string, names: string[], facilityCode: string, teamCode: string) => {
      for (const name of names) {
        const doc = buildDossier({
          roundCode: org.roundCode,
          facilityCode,
          teamCode,
          ...(INELIGIBLE.includes(name) ? INELIGIBLE_FACTS : ELIGIBLE_FACTS),
          person: { fullName: `Phạm nhân ${name.toUpperCase()}`, ...(FOREIGNERS[name] ?? {}) },
          ...(FOREIGNERS[name] ? { identityPaper: PASSPORT_COPY } : {}),
        });
        const res = await as[who].post('/api/dossiers', doc);
        expect(res.status).toBe(201);
        ids[name] = res.body.id;
        versions[res.body.id] = res.body.version;
        const submitted = await event(who, name, { event: 'submit_for_ballot' });
        expect(submitted.status).toBe(200);
        expect(submitted.body.to).toBe('team_ballot');
      }
    };
    await files(Role.TEAM_OFFICER, ['a1', 'a2', 'a3', 'a4', 'a5'], org.facility.code, org.team.code);
    await files('qpTeam', ['b1', 'b2'], mod.facility.code, mod.team.code);
  });

  it('records the secret ballot, enforcing its arithmetic, and puts forward only those above half the valid ballots', async () => {
    const candidate = (name: string, f: number, a: number, b: number) => ({
      dossierId: ids[name],
      version: versions[ids[name]],
      votesFor: f,
      votesAgainst: a,
      votesBlank: b,
      officerOpinion: 'Chấp hành tốt nội quy, đề nghị xét.',
    });
    const meeting = {
      roundId: org.roundId,
      teamId: org.team.id,
      meetingDate: '2025-07-12',
      membersPresent: 30,
      membersAbsent: 2,
      absentees: [{ name: 'Trần Văn Bình', reason: 'Đang điều trị tại bệnh xá' }],
      ballotsIssued: 30,
      ballotsReturned: 29,
      ballotsValid: 28,
      ballotsInvalid: 1,
      candidates: [
        candidate('a1', 20, 5, 3),
        candidate('a2', 18, 8, 2),
        candidate('a3', 25, 2, 1),
        candidate('a4', 10, 15, 3),
        candidate('a5', 22, 6, 0),
      ],
    };
    const wrong = await as[Role.TEAM_OFFICER].post('/api/team-meetings', {
      ...meeting,
      candidates: [{ ...meeting.candidates[0], votesBlank: 2 }, ...meeting.candidates.slice(1)],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { path: string }) => e.path)).toEqual(['candidates[0].votesFor']);
    expect(wrong.body.errors[0].message).toContain('phải bằng số phiếu hợp lệ (28)');

    const ok = await as[Role.TEAM_OFFICER].post('/api/team-meetings', meeting);
    expect(ok.status).toBe(201);
    expect(ok.body.threshold).toBe('quá bán số phiếu hợp lệ');
    // The round's own threshold, with its source and confidence: not the service's default.
    expect(ok.body.thresholdBasis).toMatchObject({ confidence: 'K', serviceDefault: false });
    expect(ok.body.thresholdBasis.source).toContain('Nghị định 52/2019');
    const passed = Object.fromEntries(
      ok.body.outcomes.map((o: { dossierId: string; passed: boolean }) => [o.dossierId, o.passed]),
    );
    expect(passed).toEqual({ [ids.a1]: true, [ids.a2]: true, [ids.a3]: true, [ids.a4]: false, [ids.a5]: true });
    track(ok.body.outcomes);
    const [stored] = await t.dataSource.query(`SELECT stage FROM dossiers WHERE id = $1`, [ids.a4]);
    expect(stored.stage).toBe('not_put_forward');
    const columns: { column_name: string }[] = await t.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name IN ('team_meetings', 'ballot_results')`,
    );
    expect(columns.map((c) => c.column_name).filter((c) => /voter|inmate|ballot_no|serial/.test(c))).toEqual([]);

    const qp = await as.qpTeam.post('/api/team-meetings', {
      roundId: org.roundId,
      teamId: mod.team.id,
      meetingDate: '2025-07-12',
      membersPresent: 18,
      membersAbsent: 0,
      ballotsIssued: 18,
      ballotsReturned: 18,
      ballotsValid: 18,
      ballotsInvalid: 0,
      candidates: [candidate('b1', 15, 3, 0), candidate('b2', 12, 5, 1)],
    });
    expect(qp.status).toBe(201);
    track(qp.body.outcomes);
  });

  it('has the camp councils decide beside the engine, a departure only with a written reason', async () => {
    // The verdicts the engine stored when each dossier was filed, on the facts filed.
    for (const [name, outcome] of [
      ['a1', 'ELIGIBLE'],
      ['a2', 'ELIGIBLE'],
      ['a3', 'ELIGIBLE'],
      ['a5', 'INELIGIBLE'],
      ['b1', 'ELIGIBLE'],
      ['b2', 'INELIGIBLE'],
    ]) {
      const who = name.startsWith('a') ? Role.CAMP_COUNCIL_MEMBER : 'qpCouncil';
      const verdict = await as[who].get(`/api/dossiers/${ids[name]}/eligibility`);
      expect(verdict.status).toBe(200);
      expect(verdict.body).toMatchObject({ outcome, explanationMatches: true });
    }
    const decide = (name: string, eligible: boolean, extra: Record<string, string> = {}) => ({
      dossierId: ids[name],
      version: versions[ids[name]],
      eligible,
      ...extra,
    });
    const a = await as[Role.CAMP_COUNCIL_MEMBER].post('/api/camp-council/decisions', {
      decisions: [
        decide('a1', true),
        decide('a2', true),
        decide('a3', true),
        decide('a5', false, { reasonCode: 'excluded_case' }),
      ],
    });
    expect(a.status).toBe(200);
    track(a.body);
    const unexplained = await as.qpCouncil.post('/api/camp-council/decisions', {
      decisions: [decide('b1', true), decide('b2', true)],
    });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.errors[0].path).toBe('decisions[1].reason');
    const b = await as.qpCouncil.post('/api/camp-council/decisions', {
      decisions: [
        decide('b1', true),
        decide('b2', true, { reason: 'Đã nộp đủ án phí ngày 10/7, kết quả xét tự động chưa cập nhật biên lai' }),
      ],
    });
    expect(b.status).toBe(200);
    track(b.body);
  });

  let campListA: string;
  let campListB: string;

  it('posts and freezes each camp’s lists and routes them by facility kind', async () => {
    const post = async (who: string, names: string[]) => {
      const res = await as[who].post('/api/camp-lists', {
        roundId: org.roundId,
        postedOn: '2025-07-15',
        dossiers: names.map((n) => ({ dossierId: ids[n], version: versions[ids[n]] })),
      });
      expect(res.status).toBe(201);
      return res.body;
    };
    const a = await post(Role.WARDEN, ['a1', 'a2', 'a3']);
    expect(a.eligible.entryCount).toBe(3);
    expect(a.ineligible.entryCount).toBe(1);
    campListA = a.eligible.id;
    campListB = (await post('qpWarden', ['b1', 'b2'])).eligible.id;
    await expect(
      t.dataSource.query(`UPDATE list_entries SET full_name = 'x' WHERE list_id = $1`, [campListA]),
    ).rejects.toThrow(/permission denied for table list_entries/);

    const sentA = await as[Role.WARDEN].post(`/api/lists/${campListA}/submit`);
    expect(sentA.status).toBe(200);
    expect(sentA.body.recipientUnitId).toBe(org.department.id);
    const sentB = await as.qpWarden.post(`/api/lists/${campListB}/submit`);
    expect(sentB.body.recipientUnitId).toBe(mod.department.id);
    expect((await as[Role.DEPARTMENT_OFFICER].get(`/api/lists/${campListB}`)).status).toBe(404);
  });

  let deptListA: string;

  it('applies a retried consolidation once and refuses the concurrent stale one', async () => {
    const key = randomUUID();
    const first = await forward(Role.DEPARTMENT_OFFICER, key);
    expect(first.res.status).toBe(200);
    expect(first.pending.count).toBe(3);
    const retry = await as[Role.DEPARTMENT_OFFICER].post(
      '/api/lists/forward',
      { token: first.pending.token, roundId: org.roundId },
      { 'idempotency-key': key },
    );
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.res.body);
    deptListA = first.res.body.listId;
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM list_snapshots WHERE owner_unit_id = $1`, [
      org.department.id,
    ]);
    expect(n).toBe(1);

    const pending = await as.qpDept.get(`/api/lists/pending?roundId=${org.roundId}`);
    const body = { token: pending.body.token, roundId: org.roundId };
    const racing = await Promise.all([
      as.qpDept.post('/api/lists/forward', body),
      as.qpDept.post('/api/lists/forward', body),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(racing.find((r) => r.status === 409)!.body.code).toBe('STALE_VERSION');

    const reconciliation = await as[Role.DEPARTMENT_OFFICER].get(`/api/lists/${deptListA}/reconciliation`);
    expect(reconciliation.body).toMatchObject({ namesIn: 3, forwarded: 3, removed: 0, sentBack: 0, balanced: true });
    const index = await as[Role.DEPARTMENT_OFFICER].get(`/api/lists?roundId=${org.roundId}`);
    expect(index.body.map((l: { id: string }) => l.id)).toEqual(expect.arrayContaining([campListA, deptListA]));
    expect(index.body.some((l: { id: string }) => l.id === campListB)).toBe(false);
  });

  it('puts a name the team left off back on the list when the Minister accepts its second complaint', async () => {
    const complaint = (version: number, receivedOn: string) =>
      as[Role.TEAM_OFFICER].post('/api/complaints', {
        dossierId: ids.a4,
        version,
        receivedOn,
        complainant: 'SELF',
        complainantName: 'Phạm nhân A4',
        content: 'Tôi đủ điều kiện đặc xá nhưng không được đội giới thiệu.',
      });
    const decide = async (who: string, id: string, accept: boolean, decidedOn: string) => {
      await refreshVersions();
      const current = await as[who].get(`/api/complaints/${id}`);
      return as[who].post(`/api/complaints/${id}/decision`, {
        accept,
        reason: accept
          ? 'Đủ điều kiện theo Điều 11 Luật Đặc xá; kết quả bỏ phiếu không phản ánh đúng.'
          : 'Không có căn cứ.',
        decidedOn,
        version: current.body.version,
        dossierVersion: versions[ids.a4],
      });
    };
    await refreshVersions();
    const first = await complaint(versions[ids.a4], '2025-07-17');
    expect(first.status).toBe(201);
    expect((await decide(Role.WARDEN, first.body.id, false, '2025-07-19')).status).toBe(200);
    await refreshVersions();
    const second = await complaint(versions[ids.a4], '2025-07-21');
    expect(second.status).toBe(201);
    expect(second.body.decidingUnitId).toBe(org.ministry.id);
    const accepted = await decide(Role.MINISTRY_OFFICER, second.body.id, true, '2025-07-23');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ outcome: 'ACCEPTED', targetStage: 'ministry', dossierStage: 'ministry' });
    ids.complaintA4 = second.body.id;
  });

  it('reaches the appraisal team from both ministries once each camp has notified the procuracy', async () => {
    const early = await forward(Role.MINISTRY_OFFICER);
    expect(early.res.status).toBe(422);
    expect(early.res.body.errors[0].path).toBe('procuracyNotice');
    for (const [who, listId] of [
      [Role.WARDEN, campListA],
      ['qpWarden', campListB],
    ]) {
      const notice = await as[who].post('/api/procuracy-notices', {
        listId,
        number: '05/TB-KS',
        notifiedOn: '2025-07-16',
      });
      expect(notice.status).toBe(201);
      expect(notice.body.procuracyName).toBe('Viện kiểm sát nhân dân tối cao');
    }
    expect((await forward(Role.MINISTRY_OFFICER)).res.status).toBe(200);
    expect((await forward('qpMinistry')).res.status).toBe(200);
    await refreshVersions();
  });

  it('appraises: flags a field, removes one name with a coded reason, sends one back and takes it back corrected', async () => {
    const opened = await as[Role.APPRAISER].get(`/api/appraisal/dossiers/${ids.a1}`);
    expect(opened.status).toBe(200);
    expect(opened.body.pinned.document.person.fullName).toBe('Phạm nhân A1');
    // The camp council found A5 ineligible: the camp's ineligible list reached the team with its proposed names.
    expect((await as[Role.APPRAISER].get(`/api/appraisal/dossiers/${ids.a5}`)).status).toBe(200);

    const flagA1 = await as[Role.APPRAISER].post(`/api/appraisal/dossiers/${ids.a1}/flags`, {
      field: 'person.birthDate',
      kind: 'content',
      message: 'Ngày sinh không khớp với bản án',
    });
    const flagA3 = await as[Role.APPRAISER].post(`/api/appraisal/dossiers/${ids.a3}/flags`, {
      field: 'judgments[0].number',
      kind: 'form',
      message: 'Số bản án ghi thiếu ký hiệu',
    });
    expect([flagA1.status, flagA3.status]).toEqual([201, 201]);
    ids.flagA3 = flagA3.body.id;
    for (const name of ['a1', 'a3', 'b1', 'b2']) {
      expect(
        (await as[Role.APPRAISER].put(`/api/appraisal/dossiers/${ids[name]}/opinion`, { opinion: 'agree' })).status,
      ).toBe(200);
    }
    expect(
      (
        await as.court.put(`/api/appraisal/dossiers/${ids.a3}/opinion`, {
          opinion: 'disagree',
          note: 'Cần đối chiếu bản án gốc',
        })
      ).status,
    ).toBe(200);

    const noCode = await event(Role.APPRAISER, 'a2', { event: 'remove' });
    expect(noCode.status).toBe(422);
    expect(noCode.body.errors[0].path).toBe('reasonCode');
    expect(
      (
        await event(Role.APPRAISER, 'a2', {
          event: 'remove',
          reasonCode: 'other_proceedings',
          reason: 'Đang bị khởi tố về tội khác',
        })
      ).status,
    ).toBe(200);

    const accepted = await as[Role.COUNCIL_STANDING_OFFICER].post(`/api/appraisal/flags/${flagA1.body.id}/resolve`, {
      accept: true,
      version: 1,
      dossierVersion: versions[ids.a1],
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.dossier.to).toBe('correction');
    versions[ids.a1] = accepted.body.dossier.version;
    const queue = await as[Role.COUNCIL_STANDING_OFFICER].get('/api/work-queue');
    expect(queue.body.counts.sentBack).toBe(1);
    expect(queue.body.sentBack[0].reason).toContain('Ngày sinh không khớp');

    const filed = await as[Role.WARDEN].get(`/api/dossiers/${ids.a1}/eligibility`);
    const current = await as[Role.TEAM_OFFICER].get(`/api/dossiers/${ids.a1}`);
    const corrected = {
      ...current.body.document,
      person: { ...current.body.document.person, birthDate: '1985-03-15' },
    };
    const edit = await as[Role.TEAM_OFFICER].put(`/api/dossiers/${ids.a1}`, {
      expectedVersion: current.body.version,
      dossier: corrected,
    });
    expect(edit.status).toBe(200);
    versions[ids.a1] = edit.body.version;
    // The correction was evaluated with it: the corrected version carries the engine's verdict before it comes back.
    const reevaluated = await as[Role.WARDEN].get(`/api/dossiers/${ids.a1}/eligibility`);
    expect(filed.body.dossierVersion).toBeLessThan(edit.body.version);
    expect(reevaluated.body).toMatchObject({ dossierVersion: edit.body.version, outcome: 'ELIGIBLE' });
    const back = await event(Role.WARDEN, 'a1', { event: 'resubmit' });
    expect(back.status).toBe(200);
    expect(back.body.to).toBe('appraisal');

    const overdue = await as[Role.APPRAISER].get('/api/work-queue');
    expect(overdue.body.counts.overdue).toBe(5);
    expect(overdue.body.overdue[0].message).toContain('10/08/2025');

    // The Supreme Court's member has spoken on one name only: no name leaves the team, and no record is drawn.
    const unheard = await forward(Role.APPRAISER);
    expect(unheard.res.status).toBe(422);
    expect(unheard.res.body.message).toContain('Tòa án nhân dân tối cao');
    const tooSoon = await as[Role.APPRAISER].post('/api/appraisal/records', { roundId: org.roundId });
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body.errors[0].path).toBe('opinions');
    expect(tooSoon.body.message).toContain('Phạm nhân A4');
    const give = (who: string, name: string, opinion: string) =>
      as[who].put(`/api/appraisal/dossiers/${ids[name]}/opinion`, { opinion });
    for (const [who, name, opinion] of [
      [Role.APPRAISER, 'a4', 'agree'],
      [Role.APPRAISER, 'a5', 'disagree'],
      ['court', 'a1', 'agree'],
      ['court', 'a4', 'agree'],
      ['court', 'a5', 'disagree'],
      ['court', 'b1', 'agree'],
      ['court', 'b2', 'agree'],
    ])
      expect((await give(who, name, opinion)).status).toBe(200);
    const record = await as[Role.APPRAISER].post('/api/appraisal/records', { roundId: org.roundId });
    expect(record.status).toBe(201);
    const row = (r: { fullName: string; ratio: string }) => [r.fullName, r.ratio];
    expect(record.body.content.eligible.map(row).sort()).toEqual([
      ['Phạm nhân A1', '2/2 đồng ý'],
      ['Phạm nhân A4', '2/2 đồng ý'],
      ['Phạm nhân B1', '2/2 đồng ý'],
      ['Phạm nhân B2', '2/2 đồng ý'],
    ]);
    // A3 split the team (one for, one against): the record carries it on the ineligible list with both positions.
    expect(record.body.content.ineligible.map(row)).toEqual([
      ['Phạm nhân A3', '1/2 đồng ý'],
      ['Phạm nhân A5', '0/2 đồng ý'],
    ]);
    expect(record.body.content.ineligible[1]).toMatchObject({ side: 'CAMP_INELIGIBLE' });
    // The round states no conclusion rule: the record says which one the team applied and that it is the service's.
    expect(record.body.content.conclusion).toMatch(
      /^Người được kết luận đủ điều kiện khi số cơ quan đồng ý nhiều hơn số cơ quan không đồng ý .*cách đọc của hệ thống/,
    );
    expect(record.body.content.ineligible[0].positions.map((p: { agencyName: string }) => p.agencyName)).toEqual([
      'Viện kiểm sát nhân dân tối cao',
      'Tòa án nhân dân tối cao',
    ]);
    const read = await as[Role.COUNCIL_STANDING_OFFICER].get(`/api/appraisal/records/${record.body.id}`);
    expect(read.body.contentHash).toBe(record.body.contentHash);
    expect((await as[Role.WARDEN].get(`/api/appraisal/records/${record.body.id}`)).status).toBe(403);

    const sent = await forward(Role.APPRAISER);
    expect(sent.res.status).toBe(200);
    expect(sent.res.body.entryCount).toBe(5);
    expect(sent.res.body.reconciliation).toEqual({
      namesIn: 7,
      forwarded: 5,
      forwardedHere: 5,
      removed: 1,
      sentBack: 1,
      pending: 0,
    });
    const reconciliation = await as[Role.APPRAISER].get(`/api/lists/${sent.res.body.listId}/reconciliation`);
    expect(reconciliation.body).toMatchObject({
      namesIn: 7,
      forwarded: 5,
      removed: 1,
      sentBack: 1,
      pending: 0,
      balanced: true,
    });
  });

  let councilList: string;

  it('rejects a finding with a reason and explains the disagreement to the Council', async () => {
    await refreshVersions();
    const resolved = await as[Role.COUNCIL_STANDING_OFFICER].post(`/api/appraisal/flags/${ids.flagA3}/resolve`, {
      accept: false,
      reason: 'Đã đối chiếu bản án gốc: số bản án ghi đúng',
      version: 1,
    });
    expect(resolved.status).toBe(200);
    const blocked = await forward(Role.COUNCIL_STANDING_OFFICER);
    expect(blocked.res.status).toBe(422);
    expect(blocked.res.body.errors[0].path).toBe('explanatoryReport');
    const report = await as[Role.COUNCIL_STANDING_OFFICER].post('/api/appraisal/explanatory-reports', {
      roundId: org.roundId,
    });
    expect(report.status).toBe(201);
    expect(report.body.items).toHaveLength(1);
    expect(report.body.items[0]).toMatchObject({ dossierId: ids.a3, fullName: 'Phạm nhân A3' });
    expect(report.body.items[0].findings[0]).toMatchObject({
      outcome: 'Không chấp nhận',
      resolution: 'Đã đối chiếu bản án gốc: số bản án ghi đúng',
    });
    expect(report.body.items[0].opinions.map((o: { opinion: string }) => o.opinion).sort()).toEqual([
      'Không đồng ý',
      'Đồng ý',
    ]);
    const sent = await forward(Role.COUNCIL_STANDING_OFFICER);
    expect(sent.res.status).toBe(200);

    const pending = await as[Role.COUNCIL_MEMBER].get(`/api/council/pending?roundId=${org.roundId}`);
    expect(pending.body.count).toBe(5);
    const lists = await as[Role.COUNCIL_MEMBER].post('/api/council/lists', {
      roundId: org.roundId,
      token: pending.body.token,
      ineligible: [{ dossierId: ids.b2, reasonCode: 'conditions_not_met', reason: 'Chưa nộp đủ án phí' }],
    });
    expect(lists.status).toBe(201);
    expect([lists.body.eligible.entryCount, lists.body.ineligible.entryCount]).toEqual([4, 1]);
    councilList = lists.body.eligible.id;
  });

  it('records the President’s decision, issues certificates and traces every name back to its ballot', async () => {
    const decision = await as[Role.COUNCIL_STANDING_OFFICER].post('/api/president-decisions', {
      councilListId: councilList,
      number: '1244/QĐ-CTN',
      decisionDate: '2025-08-29',
    });
    expect(decision.status).toBe(201);
    expect(decision.body).toMatchObject({ granted: 4, notGranted: 0, certificates: 4 });

    const certificates = await as[Role.WARDEN].get('/api/certificates');
    expect(certificates.body.map((c: { fullName: string }) => c.fullName).sort()).toEqual([
      'Phạm nhân A1',
      'Phạm nhân A3',
      'Phạm nhân A4',
    ]);
    const cert = certificates.body.find((c: { dossierId: string }) => c.dossierId === ids.a1);
    const released = await as[Role.WARDEN].post(`/api/certificates/${cert.id}/release`, {
      releasedOn: '2025-09-01',
      version: cert.version,
      dossierVersion: cert.dossierVersion,
    });
    expect(released.status).toBe(200);

    const lineage = await as[Role.COUNCIL_STANDING_OFFICER].get(`/api/lists/${decision.body.listId}/lineage`);
    expect(lineage.status).toBe(200);
    expect(lineage.body).toMatchObject({ names: 4, complete: 4 });
    const a4 = lineage.body.entries.find((e: { dossierId: string }) => e.dossierId === ids.a4);
    expect(a4.complaint).toMatchObject({ complaintId: ids.complaintA4, level: 'SECOND', decidedOn: '2025-07-23' });
    expect(a4.listCodes.at(-1)).toMatch(/^COMPLAINT-BCA-/);
    const a1 = lineage.body.entries.find((e: { dossierId: string }) => e.dossierId === ids.a1);
    expect(a1.listCodes.some((c: string) => c.startsWith('RESUBMISSION-'))).toBe(true);
    const b1 = lineage.body.entries.find((e: { dossierId: string }) => e.dossierId === ids.b1);
    expect(b1.listCodes.at(-1)).toMatch(/^CAMP_ELIGIBLE-TG-QP-/);
    expect(b1.ballot).toMatchObject({ teamId: mod.team.id, votesFor: 15, base: 18, passed: true });

    const history = await as[Role.WARDEN].get(`/api/dossiers/${ids.a1}/history`);
    expect(history.body.map((h: { event: string }) => h.event)).toEqual([
      'submit_for_ballot',
      'put_forward',
      'council_eligible',
      'warden_approve',
      'forward',
      'forward',
      'forward',
      'send_back',
      'resubmit',
      'forward',
      'forward',
      'council_recommend',
      'grant',
      'release',
    ]);

    const audit = await as[Role.COUNCIL_STANDING_OFFICER].get('/api/audit/verify');
    expect(audit.status).toBe(200);
    expect(audit.body.ok).toBe(true);
    // One audit row per transition, whichever path moved the dossier (a single event or a whole list's hop).
    const audited: { action: string; before: { stage: string }; after: { stage: string } }[] = await t.dataSource.query(
      `SELECT action, before, after FROM audit_log WHERE action LIKE 'workflow.%' AND entity_id = $1 ORDER BY seq`,
      [ids.a1],
    );
    expect(audited.map((a) => a.action)).toEqual(history.body.map((h: { event: string }) => `workflow.${h.event}`));
    expect(audited.map((a) => [a.before.stage, a.after.stage])).toEqual(
      history.body.map((h: { fromStage: string; toStage: string }) => [h.fromStage, h.toStage]),
    );

    await expect(t.dataSource.query(`DELETE FROM dossier_versions WHERE dossier_id = $1`, [ids.a1])).rejects.toThrow(
      /permission denied for table dossier_versions/,
    );
    await expect(
      t.dataSource.query(`DELETE FROM users WHERE username = $1`, [org.users[Role.DEPARTMENT_OFFICER]]),
    ).rejects.toThrow(/referenced by the workflow|foreign key/);
  });

  it('posts the decision at each camp, sends the certificate’s copies and follows who has presented it', async () => {
    const postings = await as[Role.COUNCIL_STANDING_OFFICER].get(`/api/decision-postings?roundId=${org.roundId}`);
    expect(postings.status).toBe(200);
    // One line per camp with granted persons, none posted yet.
    expect(postings.body.map((p: { facilityName: string; postedOn: null }) => [p.facilityName, p.postedOn])).toEqual([
      ['Trại giam Quyết Tiến', null],
      ['Trại giam Thanh Xuân', null],
    ]);
    const decisionId = postings.body[0].decisionId;
    const tooEarly = await as[Role.WARDEN].post('/api/decision-postings', { decisionId, postedOn: '2025-08-28' });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.errors[0].path).toBe('postedOn');
    expect((await as[Role.WARDEN].post('/api/decision-postings', { decisionId, postedOn: '2025-08-30' })).status).toBe(
      201,
    );
    expect((await as.qpWarden.post('/api/decision-postings', { decisionId, postedOn: '2025-08-31' })).status).toBe(201);
    const again = await as[Role.WARDEN].post('/api/decision-postings', { decisionId, postedOn: '2025-08-31' });
    expect(again.status).toBe(409);
    const camps = await as[Role.WARDEN].get(`/api/decision-postings?roundId=${org.roundId}`);
    expect(camps.body.map((p: { postedOn: string }) => p.postedOn)).toEqual(['2025-08-30']);

    const [released] = (await as[Role.WARDEN].get('/api/certificates')).body.filter(
      (c: { releasedOn: string | null }) => c.releasedOn,
    );
    const detail = await as[Role.WARDEN].get(`/api/certificates/${released.id}`);
    expect(detail.body.issuer).toMatchObject({
      kind: 'CAMP_HEAD',
      citation: 'Luật Đặc xá 2018, Điều 18, khoản 3, đoạn 1',
    });
    expect(detail.body.copiesDue.map((c: { recipient: string }) => c.recipient)).toEqual([
      'CRIMINAL_RECORD_CENTRE',
      'SENTENCING_COURT',
      'COMMUNE_OR_UNIT',
    ]);
    expect(detail.body.presentation).toEqual({
      dueDate: '2025-09-11',
      overdue: expect.any(Boolean),
      daysOverdue: expect.any(Number),
    });
    for (const [recipient, addressee] of [
      ['CRIMINAL_RECORD_CENTRE', 'Trung tâm Lý lịch tư pháp quốc gia'],
      ['SENTENCING_COURT', 'Tòa án nhân dân thành phố Hà Nội'],
      ['COMMUNE_OR_UNIT', 'Ủy ban nhân dân xã Tân Lập'],
    ])
      expect(
        (
          await as[Role.WARDEN].post(`/api/certificates/${released.id}/copies`, {
            recipient,
            addressee,
            sentOn: '2025-09-02',
          })
        ).status,
      ).toBe(201);
    const before = await as[Role.WARDEN].post(`/api/certificates/${released.id}/copies`, {
      recipient: 'SENTENCING_COURT',
      addressee: 'Tòa án nhân dân tỉnh Hà Nam',
      sentOn: '2025-08-31',
    });
    expect(before.status).toBe(400);
    expect((await as.qpWarden.get(`/api/certificates/${released.id}`)).status).toBe(404);

    // The foreigner is released too: no presentation is due from him (Luật Đặc xá 2018, Điều 20, khoản 3).
    const foreigner = (await as[Role.WARDEN].get('/api/certificates')).body.find(
      (c: { dossierId: string }) => c.dossierId === ids.a3,
    );
    const releasedForeigner = await as[Role.WARDEN].post(`/api/certificates/${foreigner.id}/release`, {
      releasedOn: '2025-09-01',
      version: foreigner.version,
      dossierVersion: foreigner.dossierVersion,
    });
    expect(releasedForeigner.status).toBe(200);
    expect((await as[Role.WARDEN].get(`/api/certificates/${foreigner.id}`)).body.presentation).toEqual({
      dueDate: null,
      overdue: false,
      daysOverdue: 0,
    });

    const summary = await as[Role.COUNCIL_STANDING_OFFICER].get(`/api/rounds/${org.roundId}/certificate-presentations`);
    expect(summary.body).toMatchObject({
      presentationDays: 10,
      released: 2,
      presented: 0,
      notPresented: 1,
      notRequired: 1,
    });
    expect(summary.body.notRequiredNote).toContain('Điều 20, khoản 3');
    expect(summary.body.people.map((p: { fullName: string; presentationRequired: boolean }) => p)).toEqual([
      expect.objectContaining({ fullName: 'Phạm nhân A1', dueDate: '2025-09-11', presentationRequired: true }),
      expect.objectContaining({ fullName: 'Phạm nhân A3', dueDate: null, presentationRequired: false }),
    ]);

    // Past the round's ten days, the person who owes a presentation shows on the home page of the roles that follow it;
    // the foreigner, who owes none, does not, and the appraisal team, which does not follow it, sees nothing.
    for (const who of [Role.WARDEN, Role.COUNCIL_STANDING_OFFICER]) {
      const queue = await as[who].get('/api/work-queue');
      expect(queue.body.counts.overduePresentations).toBe(1);
      expect(queue.body.overduePresentations).toEqual([
        expect.objectContaining({ certificateId: released.id, fullName: 'Phạm nhân A1', dueDate: '2025-09-11' }),
      ]);
    }
    expect((await as[Role.APPRAISER].get('/api/work-queue')).body.overduePresentations).toEqual([]);

    const now = await as[Role.WARDEN].get(`/api/certificates/${released.id}`);
    const early = await as[Role.WARDEN].post(`/api/certificates/${released.id}/presentation`, {
      presentedOn: '2025-08-31',
      presentedTo: 'Ủy ban nhân dân xã Tân Lập',
      version: now.body.version,
      dossierVersion: now.body.dossierVersion,
    });
    expect(early.status).toBe(422);
    expect(early.body.errors[0].path).toBe('presentedOn');
    const presented = await as[Role.WARDEN].post(`/api/certificates/${released.id}/presentation`, {
      presentedOn: '2025-09-05',
      presentedTo: 'Ủy ban nhân dân xã Tân Lập',
      version: now.body.version,
      dossierVersion: now.body.dossierVersion,
    });
    expect(presented.status).toBe(200);
    expect((await as[Role.WARDEN].get(`/api/dossiers/${released.dossierId}`)).body.stage).toBe('presented');
    const after = await as[Role.WARDEN].get(`/api/rounds/${org.roundId}/certificate-presentations`);
    expect(after.body).toMatchObject({ released: 2, presented: 1, notPresented: 0, overdue: 0, notRequired: 1 });
    expect((await as[Role.WARDEN].get('/api/work-queue')).body.counts.overduePresentations).toBe(0);
  });

  it('records the notice to the Ministry of Foreign Affairs of the foreigner on the decision once the round asks for it', async () => {
    const [{ list_id: listId, code }] = await t.dataSource.query(
      'SELECT p.list_id, r.code FROM president_decisions p JOIN rounds r ON r.id = p.round_id WHERE p.round_id = $1',
      [org.roundId],
    );
    const notice = { listId, number: '215/HĐTVĐX-TT', notifiedOn: '2025-09-02', dossierIds: [ids.a3] };
    const standing = as[Role.COUNCIL_STANDING_OFFICER];
    // No source read requires the step: the presets leave it off, and the refusal names the round's parameter.
    const off = await standing.post('/api/foreign-ministry-notices', notice);
    expect(off.status).toBe(400);
    expect(off.body.errors[0].path).toBe('foreigners.notifyForeignMinistry');

    await login(Role.ADMIN, org.users[Role.ADMIN]);
    const round = await as[Role.ADMIN].get(`/api/rounds/${code}`);
    const choice = { notifyForeignMinistry: seen(true, 'Hướng dẫn của đợt thử nghiệm') };
    const wrong = await as[Role.ADMIN].put(`/api/rounds/${code}`, {
      expectedVersion: round.body.version,
      parameters: { ...round.body.parameters, foreigners: { notifyForeignMinistry: seen('có', 'Hướng dẫn') } },
    });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('foreigners.notifyForeignMinistry');
    const on = await as[Role.ADMIN].put(`/api/rounds/${code}`, {
      expectedVersion: round.body.version,
      parameters: { ...round.body.parameters, foreigners: choice },
    });
    expect(on.status).toBe(200);

    // Bad input is refused with the field named; a warden cannot record it at all.
    for (const [body, field] of [
      [{ ...notice, dossierIds: [ids.a1] }, 'dossierIds'],
      [{ ...notice, dossierIds: [] }, 'dossierIds'],
      [{ ...notice, notifiedOn: '2025-08-28' }, 'notifiedOn'],
      [{ ...notice, notifiedOn: '2025-02-30' }, 'notifiedOn'],
    ] as const) {
      const refused = await standing.post('/api/foreign-ministry-notices', body);
      expect([refused.status, refused.body.errors?.[0]?.path]).toEqual([400, field]);
    }
    expect((await as[Role.WARDEN].post('/api/foreign-ministry-notices', notice)).status).toBe(403);

    const recorded = await standing.post('/api/foreign-ministry-notices', notice);
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      listId,
      number: '215/HĐTVĐX-TT',
      notifiedOn: '2025-09-02',
      persons: [{ dossierId: ids.a3, fullName: 'Phạm nhân A3' }],
    });
    const again = await standing.post('/api/foreign-ministry-notices', notice);
    expect([again.status, again.body.errors[0].path]).toEqual([400, 'dossierIds']);
    const audited = await t.dataSource.query('SELECT action, after FROM audit_log WHERE entity_id = $1', [
      recorded.body.id,
    ]);
    expect(audited).toEqual([
      { action: 'foreign-ministry.notice', after: expect.objectContaining({ dossierIds: [ids.a3] }) },
    ]);
    const listed = await as[Role.COUNCIL_MEMBER].get(`/api/foreign-ministry-notices?roundId=${org.roundId}`);
    expect(listed.body.map((n: { id: string }) => n.id)).toEqual([recorded.body.id]);
  });
});
