import { Role } from '../../src/auth/user.entity.js';
import { planDocument } from '../../src/documents/kinds/plan-document.js';
import { DocumentTemplates } from '../../src/documents/render/document-templates.js';
import type { DocumentSnapshot } from '../../src/documents/view-models/view-model-map.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { campOf, client, forwardUp, presetRound, walkCamp } from '../browser/support/pipeline.js';
import type { HttpClient } from '../support/http-client.js';
import { startIsolatedTestApp, type TestApp } from '../support/test-app.js';

// Complaints of persons the team left off the eligible list (Luật Đặc xá 2018, Điều 36, khoản 3; Điều 37), over the
// API on a round made from the QĐ 1244/2025 preset, whose complaint periods are the law's five days.
describe('complaints of persons left off the eligible list', () => {
  let t: TestApp;
  let org: TestOrg;
  let round: { id: string; code: string };
  const as: Record<string, HttpClient> = {};
  const ids: Record<string, string> = {};
  const complaints: Record<string, string> = {};

  const stageOf = async (name: string): Promise<{ stage: string; version: number }> =>
    (await t.dataSource.query('SELECT stage, version FROM dossiers WHERE id = $1', [ids[name]]))[0];
  const file = async (who: string, name: string, receivedOn: string, extra: Record<string, unknown> = {}) =>
    as[who].post('/api/complaints', {
      dossierId: ids[name],
      version: (await stageOf(name)).version,
      receivedOn,
      complainant: 'RELATIVE',
      complainantName: 'Nguyễn Thị Mẹ',
      content: 'Con tôi chấp hành tốt, đủ điều kiện nhưng không có tên trong danh sách niêm yết.',
      ...extra,
    });
  const decide = async (who: string, name: string, accept: boolean, decidedOn: string, extra = {}) => {
    const current = await as[who].get(`/api/complaints/${complaints[name]}`);
    return as[who].post(`/api/complaints/${complaints[name]}/decision`, {
      accept,
      reason: accept
        ? 'Đã đối chiếu hồ sơ gốc: đủ điều kiện theo Điều 11 Luật Đặc xá.'
        : 'Kết quả bỏ phiếu của đội đúng quy định, không có căn cứ chấp nhận.',
      decidedOn,
      version: current.body.version,
      dossierVersion: (await stageOf(name)).version,
      ...extra,
    });
  };

  beforeAll(async () => {
    // Its own database and audit area: the last test verifies the whole chain, which other suites' deliberate
    // tampering with the shared database would break.
    t = await startIsolatedTestApp();
    org = await createTestOrg(t.dataSource);
    round = await presetRound(t, org);
    const walked = await walkCamp(
      t,
      campOf(org),
      round,
      ['Hoàng Văn Đủ', 'Trần Văn Khiếu', 'Lê Văn Nại', 'Phạm Văn Bác'],
      { leftOff: ['Trần Văn Khiếu', 'Lê Văn Nại', 'Phạm Văn Bác'] },
    );
    [ids.du, ids.khieu, ids.nai, ids.bac] = walked.dossierIds;
    for (const role of [Role.TEAM_OFFICER, Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.MINISTRY_OFFICER, Role.APPRAISER])
      as[role] = await client(t, org.users[role]);
    as.otherTeam = await client(t, org.users.otherTeamOfficer);
    as.otherWarden = await client(t, org.users.otherWarden);
  }, 180_000);
  afterAll(() => t.close());

  it('records a complaint received within five days of the posting, and refuses a late or malformed one', async () => {
    expect((await stageOf('khieu')).stage).toBe('not_put_forward');
    const late = await file(Role.TEAM_OFFICER, 'khieu', '2025-07-21');
    expect(late.status).toBe(422);
    expect(late.body.errors[0].path).toBe('receivedOn');
    expect(late.body.message).toContain('hạn cuối 20/07/2025; Luật Đặc xá 2018, Điều 36, khoản 3');

    const malformed = await as[Role.TEAM_OFFICER].post('/api/complaints', {
      dossierId: ids.khieu,
      version: 1,
      receivedOn: '17/07/2025',
      complainant: 'NEIGHBOUR',
    });
    expect(malformed.status).toBe(400);
    expect([...new Set(malformed.body.errors.map((e: { path: string }) => e.path))].sort()).toEqual([
      'complainant',
      'complainantName',
      'content',
      'receivedOn',
    ]);
    expect(malformed.body.errors.find((e: { path: string }) => e.path === 'receivedOn').message).toContain(
      'phải là ngày hợp lệ theo dạng YYYY-MM-DD',
    );
    expect((await file(Role.TEAM_OFFICER, 'khieu', '2030-01-01')).status).toBe(400);
    expect((await file('otherTeam', 'khieu', '2025-07-17')).status).toBe(404);
    expect((await file(Role.WARDEN, 'khieu', '2025-07-17')).status).toBe(403);
    expect((await file(Role.TEAM_OFFICER, 'du', '2025-07-17')).status).toBe(409);

    const filed = await file(Role.TEAM_OFFICER, 'khieu', '2025-07-17');
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      level: 'FIRST',
      levelLabel: 'Khiếu nại lần đầu',
      receivedOn: '2025-07-17',
      dueOn: '2025-07-22',
      decidingUnitId: org.facility.id,
      complainantLabel: 'Thân nhân',
      outcome: null,
      dossierStage: 'complaint_first',
    });
    complaints.khieu = filed.body.id;
    const [audit] = await t.dataSource.query(
      `SELECT action, after FROM audit_log WHERE entity_type = 'complaint' AND entity_id = $1::text`,
      [filed.body.id],
    );
    expect(audit).toMatchObject({ action: 'complaint.filed', after: { level: 'FIRST', receivedOn: '2025-07-17' } });
    for (const name of ['nai', 'bac']) {
      const res = await file(Role.TEAM_OFFICER, name, '2025-07-18', { complainant: 'SELF', complainantName: name });
      expect(res.status).toBe(201);
      complaints[name] = res.body.id;
    }
  });

  it('puts the complaints in the warden’s work queue with their deadline, overdue once it has passed', async () => {
    const queue = await as[Role.WARDEN].get('/api/work-queue');
    expect(queue.status).toBe(200);
    expect(queue.body.counts).toMatchObject({ complaints: 3, overdueComplaints: 3 });
    const khieu = queue.body.complaints.find((c: { id: string }) => c.id === complaints.khieu);
    expect(khieu).toMatchObject({ dueOn: '2025-07-22', overdue: true, fullName: 'Trần Văn Khiếu' });
    expect(khieu.daysOverdue).toBeGreaterThan(400);
    expect((await as[Role.TEAM_OFFICER].get('/api/work-queue')).body.counts.complaints).toBe(0);
    expect((await as[Role.MINISTRY_OFFICER].get('/api/work-queue')).body.counts.complaints).toBe(0);
    expect((await as.otherWarden.get(`/api/complaints/${complaints.khieu}`)).status).toBe(404);
    expect((await as[Role.APPRAISER].get('/api/complaints')).status).toBe(403);
    const seen = await as[Role.DEPARTMENT_OFFICER].get(`/api/complaints?roundId=${round.id}&open=true`);
    expect(seen.body.map((c: { id: string }) => c.id).sort()).toEqual(Object.values(complaints).sort());
  });

  it('has the head of the facility decide with reasons, dated no earlier than receipt', async () => {
    const early = await decide(Role.WARDEN, 'khieu', false, '2025-07-16');
    expect(early.status).toBe(400);
    expect(early.body.errors[0]).toMatchObject({ path: 'decidedOn' });
    const stale = await decide(Role.WARDEN, 'khieu', false, '2025-07-19', { version: 7 });
    expect(stale.status).toBe(409);
    const unexplained = await decide(Role.WARDEN, 'khieu', false, '2025-07-19', { reason: '' });
    expect(unexplained.status).toBe(400);
    expect((await decide(Role.MINISTRY_OFFICER, 'khieu', false, '2025-07-19')).status).toBe(403);

    const rejected = await decide(Role.WARDEN, 'khieu', false, '2025-07-19');
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ outcome: 'REJECTED', dossierStage: 'complaint_rejected', listId: null });
    expect((await decide(Role.WARDEN, 'khieu', true, '2025-07-19')).status).toBe(409);
    expect((await decide(Role.WARDEN, 'bac', false, '2025-07-19')).status).toBe(200);
  });

  it('accepts a first complaint: the name joins the eligible list where it now is, the department', async () => {
    const accepted = await decide(Role.WARDEN, 'nai', true, '2025-07-20');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ outcome: 'ACCEPTED', targetStage: 'department', dossierStage: 'department' });
    expect(accepted.body.listCode).toMatch(/^COMPLAINT-TG-A-/);
    const pending = await as[Role.DEPARTMENT_OFFICER].get(`/api/lists/pending?roundId=${round.id}`);
    expect(pending.body.items.map((i: { fullName: string }) => i.fullName).sort()).toEqual([
      'Hoàng Văn Đủ',
      'Lê Văn Nại',
    ]);
    await forwardUp(t, [org.users[Role.DEPARTMENT_OFFICER]], round.id);
  });

  it('takes a second complaint to the facility’s ministry, which accepts it at the ministry’s level', async () => {
    const tooLate = await file(Role.TEAM_OFFICER, 'khieu', '2025-07-25');
    expect(tooLate.status).toBe(422);
    expect(tooLate.body.message).toContain(
      'kể từ ngày nhận quyết định giải quyết khiếu nại lần đầu (hạn cuối 24/07/2025',
    );
    const second = await file(Role.TEAM_OFFICER, 'khieu', '2025-07-22');
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({
      level: 'SECOND',
      decidingUnitId: org.ministry.id,
      decidingUnitName: 'Bộ Công an',
      firstComplaintId: complaints.khieu,
      dueOn: '2025-07-27',
    });
    complaints.khieu2 = second.body.id;
    const queue = await as[Role.MINISTRY_OFFICER].get('/api/work-queue');
    expect(queue.body.complaints.map((c: { id: string }) => c.id)).toEqual([second.body.id]);
    expect((await as[Role.WARDEN].get('/api/work-queue')).body.counts.complaints).toBe(0);

    complaints.khieu = second.body.id;
    expect((await decide(Role.WARDEN, 'khieu', true, '2025-07-24')).status).toBe(403);
    const accepted = await decide(Role.MINISTRY_OFFICER, 'khieu', true, '2025-07-24');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ targetStage: 'ministry', dossierStage: 'ministry' });

    const bacSecond = await file(Role.MINISTRY_OFFICER, 'bac', '2025-07-21');
    expect(bacSecond.status).toBe(201);
    complaints.bac = bacSecond.body.id;
    const dismissed = await decide(Role.MINISTRY_OFFICER, 'bac', false, '2025-07-23');
    expect(dismissed.body).toMatchObject({ outcome: 'REJECTED', dossierStage: 'complaint_dismissed' });
    const third = await file(Role.TEAM_OFFICER, 'bac', '2025-07-23');
    expect(third.status).toBe(409);
  });

  it('carries the accepted names on to the appraisal team, each traced to its complaint', async () => {
    const [ministryList] = await forwardUp(t, [org.users[Role.MINISTRY_OFFICER]], round.id);
    const lineage = await as[Role.MINISTRY_OFFICER].get(`/api/lists/${ministryList}/lineage`);
    expect(lineage.body).toMatchObject({ names: 3, complete: 3 });
    const byId = new Map(lineage.body.entries.map((e: { dossierId: string }) => [e.dossierId, e]));
    expect(byId.get(ids.nai)).toMatchObject({ complaint: { level: 'FIRST' }, ballot: { passed: false } });
    expect(byId.get(ids.khieu)).toMatchObject({ complaint: { level: 'SECOND', decidedOn: '2025-07-24' } });
    expect((byId.get(ids.du) as { complaint?: unknown }).complaint).toBeUndefined();

    const history = await as[Role.WARDEN].get(`/api/dossiers/${ids.khieu}/history`);
    expect(history.body.map((h: { event: string }) => h.event)).toEqual([
      'submit_for_ballot',
      'not_put_forward',
      'file_complaint',
      'reject_complaint',
      'escalate_complaint',
      'accept_complaint',
      'forward',
    ]);
    const audited = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_type = 'complaint' AND entity_id = ANY($1::text[]) ORDER BY seq`,
      [[complaints.khieu2]],
    );
    expect(audited.map((a: { action: string }) => a.action)).toEqual(['complaint.filed', 'complaint.decided']);
    // On failure the diff shows each break with its row.
    const verified = (await (await client(t, org.users[Role.ADMIN])).get('/api/audit/verify')).body;
    expect({ ok: verified.ok, breaks: verified.breaks }).toEqual({ ok: true, breaks: [] });
  });

  it('prints each decision as a Decree 30/2020 decision sent to the complainant and the procuracy', async () => {
    const request = (who: string, id: string, number: string) =>
      as[who].post('/api/documents', {
        kind: 'complaint-decision',
        sourceType: 'complaint',
        sourceId: id,
        number,
        signer: { authority: null, title: 'Giám thị', name: 'Nguyễn Đức Giám' },
        recipients: ['Cục C10'],
      });
    const snapshotOf = async (documentId: string): Promise<DocumentSnapshot> => {
      const [row] = await t.dataSource.query('SELECT kind, snapshot FROM documents WHERE id = $1', [documentId]);
      return { kind: row.kind, data: row.snapshot } as DocumentSnapshot;
    };
    const [first] = (await as[Role.WARDEN].get(`/api/complaints?level=FIRST&open=false`)).body.filter(
      (c: { dossierId: string }) => c.dossierId === ids.nai,
    );
    expect((await request(Role.MINISTRY_OFFICER, first.id, '07/QĐ-BCA')).status).toBe(403);
    expect((await request('otherWarden', first.id, '07/QĐ-TG')).status).toBe(404);
    const made = await request(Role.WARDEN, first.id, '07/QĐ-TG');
    expect(made.status).toBe(202);
    const snapshot = await snapshotOf(made.body.documentId);
    expect(snapshot.kind).toBe('complaint-decision');
    if (snapshot.kind !== 'complaint-decision') throw new Error('wrong kind');
    expect(snapshot.data.heading).toMatchObject({
      documentType: 'QUYẾT ĐỊNH',
      summary: 'Về việc giải quyết khiếu nại lần đầu của nai',
      placeDate: expect.stringContaining('ngày 20 tháng 7 năm 2025'),
    });
    expect(snapshot.data.recipients.entries).toEqual([
      'nai (người khiếu nại)',
      'Viện kiểm sát nhân dân tối cao',
      'Cục C10',
    ]);
    expect(snapshot.data.articles[0].text).toMatch(/^Chấp nhận nội dung khiếu nại của nai\. Lý do: Đã đối chiếu/);
    const html = new DocumentTemplates()
      .renderBody('complaint-decision', planDocument(snapshot).sections[0].context)
      .replace(/<[^>]+>/g, ' ');
    expect(html).toContain('Nơi nhận:');
    expect(html).toContain('Viện kiểm sát nhân dân tối cao;');
    expect(html).toContain('Điều 2.');

    const dismissed = await as[Role.MINISTRY_OFFICER].get(`/api/complaints/${complaints.bac}`);
    const ministryDoc = await request(Role.MINISTRY_OFFICER, dismissed.body.id, '11/QĐ-BCA');
    expect(ministryDoc.status).toBe(202);
    const second = await snapshotOf(ministryDoc.body.documentId);
    if (second.kind !== 'complaint-decision') throw new Error('wrong kind');
    expect(second.data.heading.issuer.name).toBe('BỘ CÔNG AN');
    expect(second.data.articles[1].text).toContain('thuộc danh sách người không đủ điều kiện đề nghị đặc xá');

    const open = await file(Role.TEAM_OFFICER, 'du', '2025-07-17');
    expect(open.status).toBe(409);
  });

  it('prints the camp’s notice to the procuracy, once per posted list', async () => {
    const [notice] = (await as[Role.WARDEN].get(`/api/procuracy-notices?roundId=${round.id}`)).body;
    expect(notice).toMatchObject({ procuracyName: 'Viện kiểm sát nhân dân tối cao', notifiedOn: '2025-07-16' });
    const again = await as[Role.WARDEN].post('/api/procuracy-notices', {
      listId: notice.listId,
      number: '02/TB-KS',
      notifiedOn: '2025-07-16',
    });
    expect(again.status).toBe(409);
    expect((await as.otherWarden.get(`/api/procuracy-notices?roundId=${round.id}`)).body).toEqual([]);
    const made = await as[Role.WARDEN].post('/api/documents', {
      kind: 'procuracy-notice',
      sourceType: 'procuracy-notice',
      sourceId: notice.id,
      number: '01/TB-KS',
      signer: { authority: null, title: 'Giám thị', name: 'Nguyễn Đức Giám' },
    });
    expect(made.status).toBe(202);
    const [row] = await t.dataSource.query('SELECT snapshot FROM documents WHERE id = $1', [made.body.documentId]);
    expect(row.snapshot.addressee).toBe('Viện kiểm sát nhân dân tối cao');
    expect(row.snapshot.figures.map((f: { value: string }) => f.value)).toEqual(['1', '0']);
    expect(row.snapshot.recipients.entries).toEqual(['Viện kiểm sát nhân dân tối cao']);
  });
});
