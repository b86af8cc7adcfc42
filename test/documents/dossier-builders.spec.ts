import { RULE_PACKS } from '../../src/eligibility/core/index.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../../src/auth/user.entity.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { downloadPdf, signIn, waitForJob } from './support/api-session.js';
import { extractPages, flatText } from './support/pdf-text.js';

// Per-person documents built from stored records: the proposal sheet with the engine's stored result, and the
// appraisal note with the flags and the members' opinions.
describe('documents built from a dossier', () => {
  let t: TestApp;
  let org: TestOrg;
  let dossierId: string;
  let roundId: string;
  let evaluation: { packId: string; packVersion: string; findings: { ruleId: string }[] };

  beforeAll(async () => {
    t = await startTestApp({ STORAGE_DIR: mkdtempSync(join(tmpdir(), 'amnesty-documents-')) });
    org = await createTestOrg(t.dataSource);
    // A round from a preset, so the engine has real parameters to evaluate against.
    const admin = await signIn(t.baseUrl, org.users[Role.ADMIN]);
    const roundCode = `QD-1244-2025-${org.suffix}`.toUpperCase();
    const round = await admin.http.post('/api/rounds', { code: roundCode, presetCode: 'QD-1244-2025' });
    expect(round.status).toBe(201);
    roundId = round.body.id;
    const officer = await signIn(t.baseUrl, org.users[Role.TEAM_OFFICER]);
    const doc = buildDossier({
      roundCode,
      facilityCode: org.facility.code,
      teamCode: org.team.code,
      person: { fullName: 'Đỗ Thị Hường' },
    });
    const created = await officer.http.post('/api/dossiers', doc);
    expect(created.status).toBe(201);
    dossierId = created.body.id;
    // The engine's own result, stored when the dossier was filed in the evaluable round: what the sheet prints.
    const stored = await officer.http.get(`/api/dossiers/${dossierId}/eligibility`);
    expect(stored.status).toBe(200);
    expect(stored.body.roundId).toBe(roundId);
    evaluation = {
      packId: stored.body.packId,
      packVersion: stored.body.packVersion,
      findings: stored.body.result.results,
    };
  });
  afterAll(() => t.close());

  it('prints the proposal sheet with the stored engine result, rule by rule with citations', async () => {
    const warden = await signIn(t.baseUrl, org.users[Role.WARDEN]);
    const requested = await warden.http.post('/api/documents', {
      kind: 'proposal-sheet',
      sourceType: 'dossier',
      sourceId: dossierId,
      number: '101/PĐN-TGTX',
      signer: { authority: 'TM. Hội đồng', title: 'Chủ tịch', name: 'Nguyễn Đức Thắng' },
    });
    expect(requested.status).toBe(202);
    expect((await waitForJob(warden.http, requested.body.jobId)).state).toBe('completed');
    const text = flatText(
      await extractPages((await downloadPdf(t.baseUrl, warden.token, requested.body.documentId)).bytes),
    );
    expect(text).toContain('PHIẾU ĐỀ NGHỊ XÉT ĐẶC XÁ');
    expect(text).toContain('Họ và tên: Đỗ Thị Hường');
    expect(text).toContain('Số 12 ngõ 34 phố Khương Trung');
    expect(text).toContain('123/2019/HS-ST');
    expect(text).toContain('Trộm cắp tài sản');
    expect(text).toContain(`${RULE_PACKS[evaluation.packId].title} (bộ quy tắc phiên bản ${evaluation.packVersion})`);
    expect(text).toContain('Thời gian đã chấp hành');
    expect(evaluation.findings.length).toBeGreaterThan(0);
    expect(text).toContain('Điều 11');
    const firstRule = RULE_PACKS[evaluation.packId].rules.find((rule) => rule.id === evaluation.findings[0].ruleId);
    expect(text).toContain(firstRule!.title.split(' ').slice(0, 2).join(' '));
    expect(text).toContain('Chưa bỏ phiếu');
  });

  it('prints the appraisal note with the standing flags and the vote when members disagree', async () => {
    const [{ id: appraiserId }] = await t.dataSource.query('SELECT id FROM users WHERE username = $1', [
      org.users[Role.APPRAISER],
    ]);
    await t.dataSource.query(
      `INSERT INTO appraisal_flags (round_id, dossier_id, dossier_version, agency, field, kind, message, raised_by)
       VALUES ($1, $2, 1, 'VKSND_TOI_CAO', 'judgments[0].date', 'form', 'Sai ngày bản án', $3)`,
      [roundId, dossierId, appraiserId],
    );
    for (const [agency, opinion, note] of [
      ['VKSND_TOI_CAO', 'disagree', 'Cần đối chiếu bản án'],
      ['BO_TU_PHAP', 'agree', null],
      ['TAND_TOI_CAO', 'agree', null],
    ]) {
      await t.dataSource.query(
        `INSERT INTO appraisal_opinions (dossier_id, agency, round_id, opinion, note, given_by) VALUES ($1, $2, $3, $4, $5, $6)`,
        [dossierId, agency, roundId, opinion, note, appraiserId],
      );
    }
    const appraiser = await signIn(t.baseUrl, org.users[Role.APPRAISER]);
    const note = {
      kind: 'appraisal-note',
      sourceType: 'dossier',
      sourceId: dossierId,
      number: '07/PTĐ-TTĐLN',
      signer: { title: 'Tổ trưởng', name: 'Lê Quốc Hùng' },
    };
    // The appraisal team may write about a dossier only once it has reached them.
    expect((await appraiser.http.post('/api/documents', note)).status).toBe(404);
    await t.dataSource.query(`UPDATE dossiers SET stage = 'appraisal' WHERE id = $1`, [dossierId]);
    const requested = await appraiser.http.post('/api/documents', {
      kind: 'appraisal-note',
      sourceType: 'dossier',
      sourceId: dossierId,
      number: '07/PTĐ-TTĐLN',
      signer: { title: 'Tổ trưởng', name: 'Lê Quốc Hùng' },
    });
    expect(requested.status).toBe(202);
    expect((await waitForJob(appraiser.http, requested.body.jobId)).state).toBe('completed');
    const text = flatText(
      await extractPages((await downloadPdf(t.baseUrl, appraiser.token, requested.body.documentId)).bytes),
    );
    expect(text).toContain('TỔ THẨM ĐỊNH LIÊN NGÀNH');
    expect(text).toContain('PHIẾU THẨM ĐỊNH');
    expect(text).toContain('Đỗ Thị Hường');
    expect(text).toContain('Trại giam Thanh Xuân');
    expect(text).toContain('Sai ngày bản án');
    expect(text).toContain('Sai thể thức');
    expect(text).toContain('Ý kiến của Tổ thẩm định liên ngành: Đồng ý đề nghị đặc xá.');
    expect(text).toContain('tán thành 2/3 (66,67%); không tán thành 1/3 (33,33%)');
    expect(text).toContain('Viện kiểm sát nhân dân tối cao: Cần đối chiếu bản án');
    expect(text).toContain('Bản án thứ 1');
  });

  it('refuses a kind that cannot be made from the given source', async () => {
    const warden = await signIn(t.baseUrl, org.users[Role.WARDEN]);
    const wrong = await warden.http.post('/api/documents', {
      kind: 'submission',
      sourceType: 'dossier',
      sourceId: dossierId,
      number: '01/TTr-X',
      signer: { title: 'Giám thị', name: 'Nguyễn Đức Thắng' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('DOCUMENT_KIND_NOT_SUPPORTED');
  });
});
