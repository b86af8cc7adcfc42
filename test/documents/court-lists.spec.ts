import { Role } from '../../src/auth/user.entity.js';
import { courtProposal, suspendedDossier } from '../factories/court.factory.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { client, presetRound } from '../browser/support/pipeline.js';
import type { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { downloadPdf, signIn, waitForJob } from './support/api-session.js';
import { extractPages, flatText } from './support/pdf-text.js';

// The court's lists of persons on suspension (Luật Đặc xá 2018, Điều 15, khoản 3–4) printed from the frozen snapshots
// the court president posted, in the Decree 30/2020 layout under the court's own heading: the eligible list and,
// beside it, the ineligible list with each reason and its citation.
describe("a court's eligible and ineligible lists as PDF", () => {
  let t: TestApp;
  let org: TestOrg;
  let round: { id: string; code: string };
  const as: Record<string, HttpClient> = {};
  const ids: Record<string, string> = {};
  const NAMES = { tam: 'Lê Văn Tạm', dinh: 'Phạm Văn Đình', hoa: 'Đỗ Thị Hoà' };

  const head = async (name: string): Promise<{ stage: string; version: number }> =>
    (await t.dataSource.query('SELECT stage, version FROM dossiers WHERE id = $1', [ids[name]]))[0];
  // A fresh session per request: waiting for a rendered PDF leaves an earlier client's kept-alive socket idle long
  // enough for the server to close it under a loaded machine.
  const print = async (who: Role, kind: string, listId: string, number: string) =>
    (await client(t, org.users[who])).post('/api/documents', {
      kind,
      sourceType: 'list-snapshot',
      sourceId: listId,
      number,
      place: 'Biên Hòa',
      date: '2025-07-15',
      signer: { authority: null, title: 'Chánh án', name: 'Mai Thị Chánh' },
    });
  const pdfText = async (requested: { body: { jobId: string; documentId: string } }) => {
    const president = await signIn(t.baseUrl, org.users[Role.COURT_PRESIDENT]);
    expect((await waitForJob(president.http, requested.body.jobId)).state).toBe('completed');
    const file = await downloadPdf(t.baseUrl, president.token, requested.body.documentId);
    expect(file.status).toBe(200);
    return flatText(await extractPages(file.bytes));
  };

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrg(t.dataSource);
    round = await presetRound(t, org);
    for (const role of [
      Role.COURT_OFFICER,
      Role.COURT_PRESIDENT,
      Role.WARDEN,
      Role.APPRAISER,
      Role.SUPREME_COURT_OFFICER,
    ])
      as[role] = await client(t, org.users[role]);
    for (const [name, fullName] of Object.entries(NAMES)) {
      const created = await as[Role.COURT_OFFICER].post(
        '/api/dossiers',
        suspendedDossier({ roundCode: round.code, facilityCode: org.court.code, fullName }),
      );
      expect(created.status).toBe(201);
      ids[name] = created.body.id;
      const proposed = await as[Role.COURT_OFFICER].post(
        '/api/court/proposals',
        courtProposal(ids[name], created.body.version),
      );
      expect(proposed.status).toBe(201);
    }
    for (const name of ['dinh', 'hoa']) {
      const rejected = await as[Role.COURT_PRESIDENT].post(`/api/court/dossiers/${ids[name]}/rejection`, {
        version: (await head(name)).version,
        reasonCode: 'conditions_not_met',
        reason: 'Chưa chấp hành đủ thời gian',
      });
      expect(rejected.status).toBe(200);
    }
  }, 180_000);
  afterAll(() => t.close());

  it("freezes the names the president left off beside the court's list, each with its reason", async () => {
    const posted = await as[Role.COURT_PRESIDENT].post('/api/court/lists', {
      roundId: round.id,
      postedOn: '2025-07-15',
      dossiers: [{ dossierId: ids.tam, version: (await head('tam')).version }],
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ entryCount: 1, ineligible: { entryCount: 2 } });
    ids.list = posted.body.id;
    ids.ineligible = posted.body.ineligible.id;
    const entries = await t.dataSource.query(
      `SELECT l.kind, l.to_stage, l.recipient_unit_id, to_char(l.posted_on, 'YYYY-MM-DD') AS posted_on,
              e.full_name, e.reason_code, e.reason
         FROM list_snapshots l JOIN list_entries e ON e.list_id = l.id WHERE l.id = $1 ORDER BY e.full_name`,
      [ids.ineligible],
    );
    expect(entries).toEqual(
      [NAMES.dinh, NAMES.hoa].sort().map((fullName) => ({
        kind: 'COURT_INELIGIBLE',
        to_stage: 'court_ineligible',
        recipient_unit_id: null,
        posted_on: '2025-07-15',
        full_name: fullName,
        reason_code: 'conditions_not_met',
        reason: 'Chưa chấp hành đủ thời gian',
      })),
    );
    const [audit] = await t.dataSource.query(
      `SELECT action, after FROM audit_log WHERE entity_type = 'list' AND entity_id = $1`,
      [ids.ineligible],
    );
    expect(audit).toMatchObject({ action: 'list.post', after: { entryCount: 2 } });
  });

  it('reads the lists only in the court and at the Supreme People’s Court, and prints them only under the court', async () => {
    for (const listId of [ids.list, ids.ineligible]) {
      expect((await as[Role.COURT_PRESIDENT].get(`/api/lists/${listId}`)).status).toBe(200);
      expect((await as[Role.SUPREME_COURT_OFFICER].get(`/api/lists/${listId}`)).status).toBe(200);
      expect((await as[Role.WARDEN].get(`/api/lists/${listId}`)).status).toBe(404);
    }
    // The appraisal team reads the court's list addressed to it, not the ineligible list addressed to no one.
    expect((await as[Role.APPRAISER].get(`/api/lists/${ids.list}`)).status).toBe(200);
    expect((await as[Role.APPRAISER].get(`/api/lists/${ids.ineligible}`)).status).toBe(404);
    expect((await print(Role.WARDEN, 'ineligible-list', ids.ineligible, '01/DS-TGTX')).status).toBe(404);
    expect((await print(Role.SUPREME_COURT_OFFICER, 'ineligible-list', ids.ineligible, '01/DS-TANDTC')).status).toBe(
      403,
    );
    expect((await print(Role.COURT_PRESIDENT, 'eligible-list', ids.ineligible, '01/DS-TA')).status).toBe(400);
  });

  it("prints the court's ineligible list under the court's heading with each reason and its citation", async () => {
    const requested = await print(Role.COURT_PRESIDENT, 'ineligible-list', ids.ineligible, '08/DS-TA');
    expect(requested.status).toBe(202);
    const text = await pdfText(requested);
    expect(text).toContain('TÒA ÁN NHÂN DÂN TỈNH ĐỒNG NAI');
    expect(text).toContain('Biên Hòa, ngày 15 tháng 7 năm 2025');
    expect(text).toContain('Người đang được tạm đình chỉ chấp hành án phạt tù không đủ điều kiện đề nghị');
    expect(text).toContain('Niêm yết công khai ngày 15/07/2025');
    expect(text).toContain('Tổng số: 2 người.');
    expect(text).not.toContain('cơ sở giam giữ');
    for (const name of [NAMES.dinh, NAMES.hoa]) expect(text).toContain(name);
    expect(text).not.toContain(NAMES.tam);
    // The coded reason's label, the president's words and the citation, wrapped inside their cells.
    expect(text.split('Không đủ điều kiện được đề').length - 1).toBe(2);
    expect(text.split('Chưa chấp hành đủ').length - 1).toBe(2);
    expect(text.split('Điều 11').length - 1).toBe(2);
    // "Nơi nhận" as the law addresses it: with the court's list to the appraisal team, and the court's procuracy.
    expect(text).toContain('- Tổ thẩm định liên ngành');
    expect(text).toContain('- Viện kiểm sát nhân dân tỉnh Đồng Nai;');
    expect(text).toContain('CHÁNH ÁN');
  });

  it("prints the court's eligible list under the court's heading", async () => {
    const requested = await print(Role.COURT_PRESIDENT, 'eligible-list', ids.list, '07/DS-TA');
    expect(requested.status).toBe(202);
    const text = await pdfText(requested);
    expect(text).toContain('TÒA ÁN NHÂN DÂN TỈNH ĐỒNG NAI');
    expect(text).toContain('Người đang được tạm đình chỉ chấp hành án phạt tù đủ điều kiện đề nghị');
    expect(text).toContain('Tổng số: 1 người.');
    expect(text).toContain(NAMES.tam);
    expect(text).not.toContain(NAMES.dinh);
    expect(text).not.toContain('Lý do không đủ điều kiện');
  });

  it('puts the court’s ineligible names before the appraisal team once the court’s list reached it', async () => {
    const early = await as[Role.APPRAISER].put(`/api/appraisal/dossiers/${ids.dinh}/opinion`, { opinion: 'agree' });
    expect(early.status).toBeGreaterThanOrEqual(400);
    expect(early.status).toBeLessThan(500);
    const notice = await as[Role.COURT_PRESIDENT].post('/api/procuracy-notices', {
      listId: ids.list,
      number: '03/TB-TA',
      notifiedOn: '2025-07-16',
    });
    expect(notice.status).toBe(201);
    expect((await as[Role.COURT_PRESIDENT].post(`/api/court/lists/${ids.list}/submit`, {})).status).toBe(200);
    for (const name of ['tam', 'dinh', 'hoa'])
      expect(
        (await as[Role.APPRAISER].put(`/api/appraisal/dossiers/${ids[name]}/opinion`, { opinion: 'agree' })).status,
      ).toBe(200);
    const record = await as[Role.APPRAISER].post('/api/appraisal/records', { roundId: round.id });
    expect(record.status).toBe(201);
    const rows = [...record.body.content.eligible, ...record.body.content.ineligible];
    expect(rows.map((r: { fullName: string }) => r.fullName).sort()).toEqual(Object.values(NAMES).sort());
    expect(rows.find((r: { fullName: string }) => r.fullName === NAMES.dinh)).toMatchObject({
      side: 'COURT_INELIGIBLE',
      campReason: 'Chưa chấp hành đủ thời gian',
    });
    // The procuracy notice counts the court's ineligible list beside its eligible one (Điều 15, khoản 5).
    const printed = await as[Role.COURT_PRESIDENT].post('/api/documents', {
      kind: 'procuracy-notice',
      sourceType: 'procuracy-notice',
      sourceId: notice.body.id,
      number: '03/TB-TA',
      signer: { authority: null, title: 'Chánh án', name: 'Mai Thị Chánh' },
    });
    expect(printed.status).toBe(202);
    const [snapshot] = await t.dataSource.query('SELECT snapshot FROM documents WHERE id = $1', [
      printed.body.documentId,
    ]);
    expect(snapshot.snapshot.figures).toEqual([
      { label: 'Người đủ điều kiện đề nghị đặc xá', value: '1' },
      { label: 'Người không đủ điều kiện đề nghị đặc xá', value: '2' },
    ]);
  });
});
