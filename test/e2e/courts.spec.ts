import { Role } from '../../src/auth/user.entity.js';
import { courtProposal, suspendedDossier } from '../factories/court.factory.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, insertUnit, type TestOrg } from '../factories/org.factory.js';
import { client, presetRound } from '../browser/support/pipeline.js';
import { waitForJob } from '../documents/support/api-session.js';
import type { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The courts' route for persons on suspension (Luật Đặc xá 2018, Điều 15, khoản 3–5; Điều 14, khoản 5) and the
// foreigner's passport copy (Nghị định 52/2019/NĐ-CP, Điều 5, khoản 6), over the API with the real migrations.
describe("the courts' route and foreigners", () => {
  let t: TestApp;
  let org: TestOrg;
  let round: { id: string; code: string };
  const as: Record<string, HttpClient> = {};
  const ids: Record<string, string> = {};

  const head = async (name: string): Promise<{ stage: string; version: number }> =>
    (await t.dataSource.query('SELECT stage, version FROM dossiers WHERE id = $1', [ids[name]]))[0];
  const suspended = (fullName: string, facilityCode: string, status = 'SUSPENDED') =>
    suspendedDossier({ roundCode: round.code, facilityCode, fullName, status });
  const proposal = async (name: string, extra: Record<string, unknown> = {}) =>
    as[Role.COURT_OFFICER].post('/api/court/proposals', courtProposal(ids[name], (await head(name)).version, extra));

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrg(t.dataSource);
    // The Council's lists go to the Office of the President (Luật Đặc xá 2018, Điều 17, khoản 4).
    await insertUnit(t.dataSource, null, {
      code: `VPCTN-${org.suffix}`,
      name: 'Văn phòng Chủ tịch nước',
      kind: 'NATIONAL_BODY',
      bodyKind: 'PRESIDENT_OFFICE',
    });
    round = await presetRound(t, org);
    for (const role of [
      Role.TEAM_OFFICER,
      Role.WARDEN,
      Role.COURT_OFFICER,
      Role.COURT_PRESIDENT,
      Role.APPRAISER,
      Role.MINISTRY_OFFICER,
      Role.SUPREME_COURT_OFFICER,
      Role.COUNCIL_STANDING_OFFICER,
      Role.COUNCIL_MEMBER,
    ])
      as[role] = await client(t, org.users[role]);
  }, 180_000);
  afterAll(() => t.close());

  it('lets a court enter only persons on suspension or postponement, and keeps its dossiers from the camps', async () => {
    const serving = await as[Role.COURT_OFFICER].post('/api/dossiers', {
      ...suspended('Nguyễn Văn Chấp', org.court.code),
      status: 'SERVING',
    });
    expect(serving.status).toBe(400);
    expect(serving.body.errors[0]).toMatchObject({ path: 'status', code: 'courtStatus' });
    expect(serving.body.errors[0].message).toContain('Tòa án chỉ lập hồ sơ người đang được tạm đình chỉ');

    for (const [name, fullName] of [
      ['tam', 'Lê Văn Tạm'],
      ['dinh', 'Phạm Văn Đình'],
    ]) {
      const created = await as[Role.COURT_OFFICER].post('/api/dossiers', suspended(fullName, org.court.code));
      expect(created.status).toBe(201);
      ids[name] = created.body.id;
    }
    // The court officer enters nothing into a camp, and a warden does not read the court's dossiers.
    const intoCamp = await as[Role.COURT_OFFICER].post('/api/dossiers', suspended('Trần Văn Trại', org.facility.code));
    expect(intoCamp.status).toBe(400);
    expect(intoCamp.body.errors[0]).toMatchObject({ path: 'facilityCode', code: 'unknownFacility' });
    expect((await as[Role.WARDEN].get(`/api/dossiers/${ids.tam}`)).status).toBe(404);
    expect((await as[Role.COURT_OFFICER].get(`/api/dossiers/${ids.tam}`)).status).toBe(200);
  });

  it('refuses a camp team ballot for a person on suspension held by a camp', async () => {
    const created = await as[Role.TEAM_OFFICER].post('/api/dossiers', {
      ...suspended('Hoàng Văn Hoãn', org.facility.code),
      teamCode: org.team.code,
    });
    expect(created.status).toBe(201);
    const fired = await as[Role.TEAM_OFFICER].post(`/api/dossiers/${created.body.id}/events`, {
      event: 'submit_for_ballot',
      version: created.body.version,
    });
    expect(fired.status).toBe(422);
    expect(fired.body.message).toContain('Tòa án đã ra quyết định lập danh sách');
  });

  it("records the court's proposal with the commune's comment, refusing an incomplete one", async () => {
    const incomplete = await proposal('tam', { conductComment: { issuer: 'UBND xã Tân Phú' } });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['conductComment.issuerKind', 'conductComment.text', 'conductComment.date']),
    );
    // The generic event path cannot take the step without the court's record.
    const bypass = await as[Role.COURT_OFFICER].post(`/api/dossiers/${ids.tam}/events`, {
      event: 'court_propose',
      version: (await head('tam')).version,
    });
    expect(bypass.status).toBe(409);
    expect((await proposal('tam', {})).status).toBe(201);
    expect(await head('tam')).toMatchObject({ stage: 'court_review' });
    const again = await proposal('tam');
    expect([409, 422]).toContain(again.status);
    expect((await proposal('dinh')).status).toBe(201);

    const listed = await as[Role.COURT_PRESIDENT].get(`/api/court/proposals?roundId=${round.id}`);
    expect(listed.status).toBe(200);
    expect(listed.body.map((p: { fullName: string }) => p.fullName).sort()).toEqual(['Lê Văn Tạm', 'Phạm Văn Đình']);
    expect(listed.body[0]).toMatchObject({ commentIssuerKind: 'COMMUNE', lawfulConduct: true, stage: 'court_review' });
    expect((await as[Role.WARDEN].get('/api/court/proposals')).status).toBe(403);
    const [audit] = await t.dataSource.query(
      `SELECT a.action, a.after FROM audit_log a JOIN court_proposals p ON a.entity_id = p.id::text
        WHERE p.dossier_id = $1`,
      [ids.tam],
    );
    expect(audit).toMatchObject({ action: 'court.proposal', after: { commentIssuer: 'UBND xã Tân Phú' } });
  });

  it('has the president leave one person off and post the list; the officer cannot approve it', async () => {
    const rejected = await as[Role.COURT_PRESIDENT].post(`/api/court/dossiers/${ids.dinh}/rejection`, {
      version: (await head('dinh')).version,
      reasonCode: 'conditions_not_met',
      reason: 'Chưa chấp hành đủ thời gian theo Điều 11 khoản 1 điểm b.',
    });
    expect(rejected.status).toBe(200);
    expect(await head('dinh')).toMatchObject({ stage: 'court_ineligible' });

    const body = {
      roundId: round.id,
      postedOn: '2025-07-15',
      dossiers: [{ dossierId: ids.tam, version: (await head('tam')).version }],
    };
    expect((await as[Role.COURT_OFFICER].post('/api/court/lists', body)).status).toBe(403);
    const posted = await as[Role.COURT_PRESIDENT].post('/api/court/lists', body);
    expect(posted.status).toBe(201);
    expect(posted.body.entryCount).toBe(1);
    ids.list = posted.body.id;
    expect(await head('tam')).toMatchObject({ stage: 'court_posted' });
    const [list] = await t.dataSource.query(
      `SELECT l.kind, r.kind AS recipient FROM list_snapshots l JOIN org_units r ON r.id = l.recipient_unit_id
        WHERE l.id = $1`,
      [ids.list],
    );
    expect(list).toEqual({ kind: 'COURT', recipient: 'NATIONAL_BODY' });
    // The name left off is posted beside it on the court's ineligible list, with the president's coded reason.
    expect(posted.body.ineligible).toMatchObject({ entryCount: 1 });
    const [leftOff] = await t.dataSource.query(
      `SELECT l.kind, l.recipient_unit_id AS recipient, e.dossier_id, e.reason_code
         FROM list_snapshots l JOIN list_entries e ON e.list_id = l.id WHERE l.id = $1`,
      [posted.body.ineligible.id],
    );
    expect(leftOff).toEqual({
      kind: 'COURT_INELIGIBLE',
      recipient: null,
      dossier_id: ids.dinh,
      reason_code: 'conditions_not_met',
    });
    expect((await as[Role.WARDEN].get(`/api/lists/${posted.body.ineligible.id}`)).status).toBe(404);
    expect((await as[Role.SUPREME_COURT_OFFICER].get(`/api/lists/${posted.body.ineligible.id}`)).status).toBe(200);
  });

  it('sends the list to the appraisal team only after the notice to the provincial procuracy', async () => {
    // Until the court's lists reach the appraisal team, neither its proposed nor its ineligible names exist for it.
    for (const id of [ids.tam, ids.dinh])
      expect((await as[Role.APPRAISER].get(`/api/appraisal/dossiers/${id}`)).status).toBe(404);
    const early = await as[Role.COURT_PRESIDENT].post(`/api/court/lists/${ids.list}/submit`, {});
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('Điều 15, khoản 5');

    const notice = await as[Role.COURT_PRESIDENT].post('/api/procuracy-notices', {
      listId: ids.list,
      number: '03/TB-TA',
      notifiedOn: '2025-07-16',
    });
    expect(notice.status).toBe(201);
    expect(notice.body.procuracyName).toBe('Viện kiểm sát nhân dân tỉnh Đồng Nai');

    const sent = await as[Role.COURT_PRESIDENT].post(`/api/court/lists/${ids.list}/submit`, {});
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ submitted: 1, recipientUnitId: org.appraisalTeam.id });
    expect(await head('tam')).toMatchObject({ stage: 'appraisal' });
    // Straight to the appraisal team: no department or ministry saw the name on the way.
    const history = await t.dataSource.query(
      'SELECT from_stage, to_stage, event FROM workflow_history WHERE dossier_id = $1 ORDER BY version_written',
      [ids.tam],
    );
    expect(history.map((h: { to_stage: string }) => h.to_stage)).toEqual(['court_review', 'court_posted', 'appraisal']);
    const pending = await as[Role.APPRAISER].get(`/api/lists/pending?roundId=${round.id}`);
    expect(pending.status).toBe(200);
    expect(pending.body.items.map((i: { dossierId: string }) => i.dossierId)).toContain(ids.tam);
    expect((await as[Role.MINISTRY_OFFICER].get(`/api/dossiers/${ids.tam}`)).status).toBe(404);
    // The court's ineligible list reached the team with it (Luật Đặc xá 2018, Điều 16, khoản 1–2): the team reads the
    // name left off on its desk and on the dossier's page.
    const desk = await as[Role.APPRAISER].get(`/api/appraisal/dossiers/${ids.dinh}`);
    expect([desk.status, desk.body.stage]).toEqual([200, 'court_ineligible']);
    expect((await as[Role.APPRAISER].get(`/api/dossiers/${ids.dinh}`)).status).toBe(200);
    expect((await as[Role.MINISTRY_OFFICER].get(`/api/dossiers/${ids.dinh}`)).status).toBe(404);
  });

  it("takes a complaint about the court's list to the court president, then to the Chief Justice, who puts the name back", async () => {
    const file = async (who: string, receivedOn: string) =>
      as[who].post('/api/complaints', {
        dossierId: ids.dinh,
        version: (await head('dinh')).version,
        receivedOn,
        complainant: 'SELF',
        complainantName: 'Phạm Văn Đình',
        content: 'Tôi đã chấp hành đủ thời gian và chấp hành nghiêm pháp luật trong thời gian tạm đình chỉ.',
      });
    const decide = async (who: string, id: string, accept: boolean, decidedOn: string) =>
      as[who].post(`/api/complaints/${id}/decision`, {
        accept,
        reason: accept
          ? 'Đã đối chiếu hồ sơ gốc: đủ thời gian chấp hành án theo Điều 11, khoản 2, điểm b.'
          : 'Chưa đủ thời gian chấp hành án phạt tù theo Điều 11, khoản 1, điểm b.',
        decidedOn,
        version: 1,
        dossierVersion: (await head('dinh')).version,
      });

    // Within 5 days of the court's posting on 15/07/2025 (Điều 36, khoản 3), recorded by the court, not by a camp.
    expect((await file(Role.TEAM_OFFICER, '2025-07-18')).status).toBe(404);
    const late = await file(Role.COURT_OFFICER, '2025-07-21');
    expect(late.status).toBe(422);
    expect(late.body.message).toContain('hạn cuối 20/07/2025');
    const first = await file(Role.COURT_OFFICER, '2025-07-18');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      level: 'FIRST',
      decidingUnitId: org.court.id,
      heldAtCourt: true,
      dossierStage: 'complaint_first',
      dueOn: '2025-07-23',
    });
    const queue = await as[Role.COURT_PRESIDENT].get('/api/work-queue');
    expect(queue.body.complaints.map((c: { id: string }) => c.id)).toEqual([first.body.id]);
    expect((await as[Role.WARDEN].get(`/api/complaints/${first.body.id}`)).status).toBe(404);
    expect((await decide(Role.WARDEN, first.body.id, false, '2025-07-19')).status).toBe(404);
    const rejected = await decide(Role.COURT_PRESIDENT, first.body.id, false, '2025-07-19');
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ outcome: 'REJECTED', dossierStage: 'complaint_rejected' });

    // The second complaint goes to the Chief Justice of the Supreme People's Court (Điều 37, khoản 2), not a Minister.
    const second = await file(Role.COURT_OFFICER, '2025-07-21');
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({
      level: 'SECOND',
      decidingUnitName: 'Tòa án nhân dân tối cao',
      firstComplaintId: first.body.id,
    });
    expect((await as[Role.MINISTRY_OFFICER].get(`/api/complaints/${second.body.id}`)).status).toBe(404);
    expect((await decide(Role.COURT_PRESIDENT, second.body.id, true, '2025-07-23')).status).toBe(403);
    const supremeQueue = await as[Role.SUPREME_COURT_OFFICER].get('/api/work-queue');
    expect(supremeQueue.body.complaints.map((c: { id: string }) => c.id)).toEqual([second.body.id]);
    const accepted = await decide(Role.SUPREME_COURT_OFFICER, second.body.id, true, '2025-07-23');
    expect(accepted.status).toBe(200);
    // The court's list is at the appraisal team: the name joins it there, on a one-name list addressed to the team.
    expect(accepted.body).toMatchObject({ outcome: 'ACCEPTED', targetStage: 'appraisal', dossierStage: 'appraisal' });
    const [carried] = await t.dataSource.query(
      `SELECT l.kind, l.recipient_unit_id AS recipient FROM list_snapshots l WHERE l.id = $1`,
      [accepted.body.listId],
    );
    expect(carried).toEqual({ kind: 'COMPLAINT', recipient: org.appraisalTeam.id });
    const pending = await as[Role.APPRAISER].get(`/api/lists/pending?roundId=${round.id}`);
    expect(pending.body.items.map((i: { dossierId: string }) => i.dossierId)).toEqual(
      expect.arrayContaining([ids.tam, ids.dinh]),
    );

    // Each decision is a Decree 30/2020 QUYẾT ĐỊNH of its decider, sent to the complainant and the court's procuracy.
    const decision = (who: string, id: string, number: string, name: string) =>
      as[who].post('/api/documents', {
        kind: 'complaint-decision',
        sourceType: 'complaint',
        sourceId: id,
        number,
        signer: { authority: null, title: 'Chánh án', name },
      });
    const made = await decision(Role.SUPREME_COURT_OFFICER, second.body.id, '05/QĐ-TANDTC', 'Phan Văn Tối');
    expect(made.status).toBe(202);
    const firstDoc = await decision(Role.COURT_PRESIDENT, first.body.id, '04/QĐ-TA', 'Mai Thị Chánh');
    expect(firstDoc.status).toBe(202);
    const snapshots = await t.dataSource.query(
      'SELECT number, snapshot FROM documents WHERE id = ANY($1::uuid[]) ORDER BY number',
      [[made.body.documentId, firstDoc.body.documentId]],
    );
    const [byCourt, bySupreme] = snapshots.map((r: { snapshot: unknown }) => r.snapshot);
    expect(byCourt.heading.issuer.name).toBe('TÒA ÁN NHÂN DÂN TỈNH ĐỒNG NAI');
    expect(byCourt.bases.join(' ')).toContain('đang được tạm đình chỉ chấp hành án phạt tù');
    expect(byCourt.articles[1].text).toContain('khiếu nại đến Chánh án Tòa án nhân dân tối cao');
    expect(byCourt.recipients.entries).toEqual([
      'Phạm Văn Đình (người khiếu nại)',
      'Viện kiểm sát nhân dân tỉnh Đồng Nai',
    ]);
    expect(bySupreme.heading.issuer.name).toBe('TÒA ÁN NHÂN DÂN TỐI CAO');
    expect(bySupreme.articles[1].text).toContain('Bổ sung Phạm Văn Đình vào danh sách người đủ điều kiện');
    const history = await t.dataSource.query(
      'SELECT event FROM workflow_history WHERE dossier_id = $1 ORDER BY version_written',
      [ids.dinh],
    );
    expect(history.map((h: { event: string }) => h.event)).toEqual([
      'court_propose',
      'court_reject',
      'file_complaint',
      'reject_complaint',
      'escalate_complaint',
      'accept_complaint',
    ]);
  });

  it('carries the court’s persons through the Council and the President’s decision to the court president’s certificate', async () => {
    for (const name of ['tam', 'dinh'])
      expect(
        (await as[Role.APPRAISER].put(`/api/appraisal/dossiers/${ids[name]}/opinion`, { opinion: 'agree' })).status,
      ).toBe(200);
    const forward = async (who: string) => {
      const pending = await as[who].get(`/api/lists/pending?roundId=${round.id}`);
      return as[who].post('/api/lists/forward', { token: pending.body.token, roundId: round.id });
    };
    const toStanding = await forward(Role.APPRAISER);
    expect(toStanding.status).toBe(200);
    expect(toStanding.body.entryCount).toBe(2);
    expect((await forward(Role.COUNCIL_STANDING_OFFICER)).status).toBe(200);
    const pending = await as[Role.COUNCIL_MEMBER].get(`/api/council/pending?roundId=${round.id}`);
    expect(pending.body.count).toBe(2);
    const lists = await as[Role.COUNCIL_MEMBER].post('/api/council/lists', {
      roundId: round.id,
      token: pending.body.token,
      ineligible: [],
    });
    expect(lists.status).toBe(201);
    const decision = await as[Role.COUNCIL_STANDING_OFFICER].post('/api/president-decisions', {
      councilListId: lists.body.eligible.id,
      number: '1244/QĐ-CTN',
      decisionDate: '2025-08-29',
    });
    expect(decision).toMatchObject({ status: 201 });
    expect(decision.body).toMatchObject({ granted: 2, certificates: 2 });

    // The court president issues the certificates of the court's persons (Điều 18, khoản 3, đoạn 4); no warden sees them.
    expect((await as[Role.WARDEN].get('/api/certificates')).body).toEqual([]);
    const certificates = (await as[Role.COURT_PRESIDENT].get('/api/certificates')).body;
    expect(certificates.map((c: { fullName: string }) => c.fullName).sort()).toEqual(['Lê Văn Tạm', 'Phạm Văn Đình']);
    const tam = certificates.find((c: { dossierId: string }) => c.dossierId === ids.tam);
    const released = await as[Role.COURT_PRESIDENT].post(`/api/certificates/${tam.id}/release`, {
      releasedOn: '2025-09-01',
      version: tam.version,
      dossierVersion: tam.dossierVersion,
    });
    expect(released.status).toBe(200);
    expect(await head('tam')).toMatchObject({ stage: 'released' });
    const detail = await as[Role.COURT_PRESIDENT].get(`/api/certificates/${tam.id}`);
    expect(detail.body.issuer).toMatchObject({
      kind: 'COURT_PRESIDENT',
      letterhead: 'COURT',
      citation: 'Luật Đặc xá 2018, Điều 18, khoản 3, đoạn 4',
    });
    // Its printed statement is the courts' route's: the rest of the prison term is not served; nobody is let out of
    // prison (Luật Đặc xá 2018, Điều 11, khoản 2; Điều 18, khoản 3, đoạn 4).
    const printed = await as[Role.COURT_PRESIDENT].post('/api/documents', {
      kind: 'certificate',
      sourceType: 'certificate',
      sourceId: tam.id,
      number: '0012/GCN-TA',
      date: '2025-09-01',
      signer: { title: 'Chánh án', name: 'Nguyễn Văn Chánh' },
    });
    expect(printed.status).toBe(202);
    expect((await waitForJob(as[Role.COURT_PRESIDENT], printed.body.jobId)).state).toBe('completed');
    const [{ snapshot }] = await t.dataSource.query('SELECT snapshot FROM documents WHERE id = $1', [
      printed.body.documentId,
    ]);
    expect(snapshot.statement).toBe(
      'Đã được đặc xá khi đang được tạm đình chỉ chấp hành án phạt tù; không phải chấp hành phần hình phạt tù còn lại kể từ ngày 01/09/2025.',
    );
    expect(snapshot.statement).not.toMatch(/tha tù|trả tự do/);
    expect(detail.body.copiesDue.map((c: { recipient: string }) => c.recipient)).toEqual([
      'CRIMINAL_RECORD_CENTRE',
      'SENTENCING_COURT',
      'COMMUNE_OR_UNIT',
    ]);
    const copy = await as[Role.COURT_PRESIDENT].post(`/api/certificates/${tam.id}/copies`, {
      recipient: 'COMMUNE_OR_UNIT',
      addressee: 'Ủy ban nhân dân xã Tân Phú',
      sentOn: '2025-09-02',
    });
    expect(copy.status).toBe(201);
    // The court records that its person presented the certificate to the commune (Điều 20, khoản 2, điểm a).
    const before = await as[Role.COURT_PRESIDENT].get(`/api/certificates/${tam.id}`);
    const presentation = {
      presentedOn: '2025-09-05',
      presentedTo: 'Ủy ban nhân dân xã Tân Phú',
      version: before.body.version,
      dossierVersion: before.body.dossierVersion,
    };
    expect((await as[Role.WARDEN].post(`/api/certificates/${tam.id}/presentation`, presentation)).status).toBe(404);
    const presented = await as[Role.COURT_PRESIDENT].post(`/api/certificates/${tam.id}/presentation`, presentation);
    expect(presented.status).toBe(200);
    expect(await head('tam')).toMatchObject({ stage: 'presented' });
    const summary = await as[Role.COURT_PRESIDENT].get(`/api/rounds/${round.id}/certificate-presentations`);
    expect(summary.body).toMatchObject({ released: 1, presented: 1, notPresented: 0 });
    const history = await t.dataSource.query(
      'SELECT event FROM workflow_history WHERE dossier_id = $1 ORDER BY version_written',
      [ids.tam],
    );
    expect(history.map((h: { event: string }) => h.event)).toEqual([
      'court_propose',
      'court_approve',
      'forward',
      'forward',
      'forward',
      'council_recommend',
      'grant',
      'release',
      'record_presentation',
    ]);
  });

  it("asks for a foreigner's passport copy and accepts the dossier once it is there", async () => {
    const base = buildDossier({
      roundCode: round.code,
      facilityCode: org.facility.code,
      teamCode: org.team.code,
      person: { fullName: 'Somchai Vongsa', nationality: 'Lào' },
    });
    const rule = async (dossier: unknown) => {
      const res = await as[Role.TEAM_OFFICER].post('/api/eligibility/evaluate', { roundCode: round.code, dossier });
      expect(res.status).toBe(200);
      return { res, foreign: res.body.results.find((r: { ruleId: string }) => r.ruleId === 'R-DOSSIER-FOREIGN') };
    };
    const without = await rule(base);
    expect(without.foreign).toMatchObject({ outcome: 'NEEDS_EVIDENCE' });
    expect(without.foreign.reason).toContain('hộ chiếu');
    expect(without.res.body.missingEvidence.join(' ')).toContain('Bản sao hộ chiếu');

    const passport = {
      kind: 'Bản sao hộ chiếu',
      code: 'IDENTITY_PAPER_COPY',
      number: 'P1234567',
      date: '2019-05-14',
      issuer: 'Bộ Ngoại giao Lào',
      issuerLevel: 'CENTRAL',
      readable: true,
    };
    expect((await rule({ ...base, identityPaper: passport })).foreign).toMatchObject({ outcome: 'PASS' });
    expect((await rule({ ...base, person: { ...base.person, nationality: 'Việt Nam' } })).foreign).toMatchObject({
      outcome: 'NOT_APPLICABLE',
    });

    const stored = await as[Role.TEAM_OFFICER].post('/api/dossiers', { ...base, identityPaper: passport });
    expect(stored.status).toBe(201);
    const exported = await as[Role.TEAM_OFFICER].get(`/api/dossiers/${stored.body.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body.identityPaper).toMatchObject({ code: 'IDENTITY_PAPER_COPY', number: 'P1234567' });
  });
});
