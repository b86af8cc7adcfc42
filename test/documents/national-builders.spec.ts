import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../../src/auth/user.entity.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { TEST_USER_NAMES, createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { downloadPdf, signIn, waitForJob } from './support/api-session.js';
import { extractPages, flatText } from './support/pdf-text.js';
import { insertList, userId } from './support/record-fixtures.js';

const NAMES = ['Bùi Xuân Hưởng', 'Dương Thị Ẵm', 'Ngô Văn Ơn'];

// Camp council minutes, the explanatory report, the submission with its annexes and the certificate, each built from
// the records the workflow keeps.
describe('documents built from council, appraisal and decision records', () => {
  let t: TestApp;
  let org: TestOrg;
  const ids: string[] = [];

  const render = async (role: Role | 'otherWarden', body: Record<string, unknown>): Promise<string> => {
    const session = await signIn(t.baseUrl, org.users[role]);
    const requested = await session.http.post('/api/documents', {
      signer: { authority: 'TM. Hội đồng', title: 'Chủ tịch', name: 'Nguyễn Hòa Bình' },
      ...body,
    });
    expect(requested.status).toBe(202);
    const job = await waitForJob(session.http, requested.body.jobId);
    expect(job).toMatchObject({ state: 'completed', error: null });
    return flatText(await extractPages((await downloadPdf(t.baseUrl, session.token, requested.body.documentId)).bytes));
  };

  beforeAll(async () => {
    t = await startTestApp({ STORAGE_DIR: mkdtempSync(join(tmpdir(), 'amnesty-documents-')) });
    org = await createTestOrg(t.dataSource);
    const officer = await signIn(t.baseUrl, org.users[Role.TEAM_OFFICER]);
    for (const fullName of NAMES) {
      const created = await officer.http.post(
        '/api/dossiers',
        buildDossier({
          roundCode: org.roundCode,
          facilityCode: org.facility.code,
          teamCode: org.team.code,
          person: { fullName },
        }),
      );
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
  });
  afterAll(() => t.close());

  it('prints the camp council minutes with the decision per candidate', async () => {
    const warden = await userId(t.dataSource, org.users[Role.WARDEN]);
    for (const [index, id] of ids.entries()) {
      await t.dataSource.query(
        `INSERT INTO camp_council_decisions (dossier_id, round_id, eligible, reason_code, reason, departs, decided_by) VALUES ($1, $2, $3, $4, $5, false, $6)`,
        [id, org.roundId, index > 0, index > 0 ? null : 'excluded_case', index > 0 ? null : 'Tái phạm', warden],
      );
    }
    const listId = await insertList(t.dataSource, {
      roundId: org.roundId,
      code: `DS-DDK-${org.suffix}`,
      kind: 'CAMP_ELIGIBLE',
      ownerUnitId: org.facility.id,
      createdBy: warden,
      dossierIds: ids.slice(1),
    });
    const text = await render(Role.WARDEN, {
      kind: 'council-minutes',
      sourceType: 'list-snapshot',
      sourceId: listId,
      number: '12/BB-HĐXĐX',
    });
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('Họp Hội đồng xét đề nghị');
    expect(text).toContain('Tổng số trường hợp đã xét: 3; đủ điều kiện đề nghị đặc xá: 2; không đủ điều kiện: 1.');
    for (const name of NAMES) expect(text).toContain(name);
    expect(text).toContain(TEST_USER_NAMES[Role.WARDEN]);
  });

  it('prints the explanatory report from the stored report items', async () => {
    const standing = await userId(t.dataSource, org.users[Role.COUNCIL_STANDING_OFFICER]);
    const items = [
      {
        dossierId: ids[1],
        opinions: [
          { agency: 'VKSND_TOI_CAO', opinion: 'disagree', note: 'Thiếu biên lai' },
          { agency: 'BO_TU_PHAP', opinion: 'agree', note: null },
          { agency: 'MTTQ', opinion: 'agree', note: null },
        ],
        findings: [
          {
            agency: 'VKSND_TOI_CAO',
            field: 'obligations[0]',
            kind: 'content',
            message: 'Thiếu biên lai án phí',
            outcome: 'Chấp nhận, trại đã sửa chữa',
            resolution: 'Đã bổ sung',
          },
        ],
      },
    ];
    const [{ id: reportId }] = await t.dataSource.query(
      `INSERT INTO explanatory_reports (round_id, items, dossier_ids, content_hash, created_by) VALUES ($1, $2, $3, 'kiem-thu', $4) RETURNING id`,
      [org.roundId, JSON.stringify(items), [ids[1]], standing],
    );
    const text = await render(Role.COUNCIL_STANDING_OFFICER, {
      kind: 'explanatory-report',
      sourceType: 'explanatory-report',
      sourceId: reportId,
      number: '31/BC-TTHĐTVĐX',
    });
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Giải trình các trường hợp có ý kiến khác nhau');
    expect(text).toContain('Dương Thị Ẵm');
    expect(text).toContain('Trại giam Thanh Xuân');
    expect(text).toContain('Thiếu biên lai');
  });

  it('prints the submission with the eligible and ineligible lists as annexes, and a certificate for a granted person', async () => {
    const member = await userId(t.dataSource, org.users[Role.COUNCIL_MEMBER]);
    const eligible = await insertList(t.dataSource, {
      roundId: org.roundId,
      code: `HD-DDK-${org.suffix}`,
      kind: 'COUNCIL_ELIGIBLE',
      ownerUnitId: org.council.id,
      createdBy: member,
      dossierIds: ids.slice(1),
    });
    await insertList(t.dataSource, {
      roundId: org.roundId,
      code: `HD-KDDK-${org.suffix}`,
      kind: 'COUNCIL_INELIGIBLE',
      ownerUnitId: org.council.id,
      createdBy: member,
      dossierIds: ids.slice(0, 1),
      reasonCode: 'excluded_case',
      reason: 'Tái phạm',
    });
    const text = await render(Role.COUNCIL_MEMBER, {
      kind: 'submission',
      sourceType: 'list-snapshot',
      sourceId: eligible,
      number: '09/TTr-HĐTVĐX',
      recipients: ['Như trên'],
    });
    expect(text).toContain('TỜ TRÌNH');
    expect(text).toContain('Kính gửi: Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam.');
    expect(text).toContain('Phụ lục I');
    expect(text).toContain('Phụ lục II');
    expect(text).toContain('Trại giam Thanh Xuân (2 người)');
    expect(text).toContain('Trại giam Thanh Xuân (1 người)');
    for (const name of NAMES) expect(text).toContain(name);

    const [{ id: decisionId }] = await t.dataSource.query(
      `INSERT INTO president_decisions (round_id, number, decision_date, council_list_id, list_id, recorded_by) VALUES ($1, '1693/QĐ-CTN', '2025-08-29', $2, $2, $3) RETURNING id`,
      [org.roundId, eligible, member],
    );
    const [{ id: certificateId }] = await t.dataSource.query(
      `INSERT INTO amnesty_certificates (dossier_id, decision_id, number, facility_id) VALUES ($1, $2, '0456/GCN', $3) RETURNING id`,
      [ids[2], decisionId, org.facility.id],
    );
    const certificateRequest = {
      kind: 'certificate',
      sourceType: 'certificate',
      sourceId: certificateId,
      number: '0456/GCN-TGTX',
      date: '2025-09-03',
      signer: { title: 'Giám thị', name: 'Nguyễn Đức Thắng' },
    };
    // Before the release is recorded there is no day of release to certify.
    const warden = await signIn(t.baseUrl, org.users[Role.WARDEN]);
    const early = await warden.http.post('/api/documents', certificateRequest);
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('Chưa ghi ngày tha tù');
    await t.dataSource.query(
      `UPDATE amnesty_certificates SET released_on = '2025-09-01', issued_by = $2 WHERE id = $1`,
      [certificateId, await userId(t.dataSource, org.users[Role.WARDEN])],
    );
    const certificate = await render(Role.WARDEN, certificateRequest);
    expect(certificate).toContain('GIẤY CHỨNG NHẬN ĐẶC XÁ');
    expect(certificate).toContain('Căn cứ Quyết định số 1693/QĐ-CTN ngày 29/08/2025 của Chủ tịch nước về đặc xá;');
    expect(certificate).toContain('Ngô Văn Ơn');
    // The recorded day of release, not the certificate's own date.
    expect(certificate).toContain('được trả tự do kể từ ngày 01/09/2025');
    expect(certificate).not.toContain('được trả tự do kể từ ngày 03/09/2025');
    expect(certificate).toContain('Phường Khương Đình, Hà Nội');
  });
});
