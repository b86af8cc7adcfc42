import type { Browser, Page } from 'puppeteer-core';
import { Role } from '../../src/auth/user.entity.js';
import { seen } from '../../src/eligibility/core/presets/param.js';
import { suspendedDossier } from '../factories/court.factory.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { horizontalOverflow, login, newPage, openBrowser, snapshot, submit, text } from './support/browser.js';
import { decideComplaint } from './support/complaints.js';
import { grantFromAppraisal } from './support/court-decision.js';
import { client, presetRound } from './support/pipeline.js';

// A person on suspension through the court's page (Luật Đặc xá 2018, Điều 14, khoản 5; Điều 15, khoản 3–5): the
// court officer records the proposal with the commune's comment, the president posts the list, records the notice to
// the procuracy and sends the list to the appraisal team.
describe("the court's page in the browser", () => {
  let app: TestApp;
  let org: TestOrg;
  let browser: Browser;
  let dossierId: string;
  let leftOffId: string;
  let roundId: string;

  const pageAs = async (role: Role): Promise<Page> => {
    const page = await newPage(browser);
    await login(page, app.baseUrl, org.users[role]);
    return page;
  };
  const stage = async (): Promise<string> =>
    (await app.dataSource.query('SELECT stage FROM dossiers WHERE id = $1', [dossierId]))[0].stage;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app.dataSource);
    const round = await presetRound(app, org);
    roundId = round.id;
    const suspended = (fullName: string) =>
      suspendedDossier({ roundCode: round.code, facilityCode: org.court.code, fullName });
    const officer = await client(app, org.users[Role.COURT_OFFICER]);
    const created = await officer.post('/api/dossiers', suspended('Lê Văn Tạm'));
    if (created.status !== 201) throw new Error(`court dossier: ${JSON.stringify(created.body)}`);
    dossierId = created.body.id;
    // A second person, whom the court president leaves off the list: the complaint's subject.
    const other = await officer.post('/api/dossiers', suspended('Phạm Văn Đình'));
    if (other.status !== 201) throw new Error(`court dossier: ${JSON.stringify(other.body)}`);
    leftOffId = other.body.id;
    const proposed = await officer.post('/api/court/proposals', {
      dossierId: leftOffId,
      version: other.body.version,
      proposalNumber: '13/VB-TA',
      proposedOn: '2025-07-12',
      proposal: 'Đề nghị xét đặc xá: đã chấp hành đủ thời gian trước khi tạm đình chỉ.',
      conductComment: {
        issuer: 'UBND xã Tân Phú',
        issuerKind: 'COMMUNE',
        date: '2025-07-10',
        text: 'Chấp hành pháp luật tại địa phương trong thời gian tạm đình chỉ.',
        lawfulConduct: true,
      },
    });
    if (proposed.status !== 201) throw new Error(`court proposal: ${JSON.stringify(proposed.body)}`);
    const president = await client(app, org.users[Role.COURT_PRESIDENT]);
    const [head] = await app.dataSource.query('SELECT version FROM dossiers WHERE id = $1', [leftOffId]);
    const rejected = await president.post(`/api/court/dossiers/${leftOffId}/rejection`, {
      version: head.version,
      reasonCode: 'conditions_not_met',
      reason: 'Chưa chấp hành đủ thời gian theo Điều 11, khoản 1, điểm b.',
    });
    if (rejected.status !== 200) throw new Error(`court rejection: ${JSON.stringify(rejected.body)}`);
    browser = await openBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("lets the court officer record the proposal with the commune's comment, naming what is missing", async () => {
    const page = await pageAs(Role.COURT_OFFICER);
    await page.goto(`${app.baseUrl}/court`);
    expect(await text(page, 'nav')).toContain('Danh sách người được tạm đình chỉ');
    expect(await text(page, '#dossier')).toContain('Lê Văn Tạm');
    await page.type('#proposalNumber', '12/VB-TA');
    await page.type('#proposedOn', '12/07/2025');
    await page.type('#proposal', 'Đề nghị xét đặc xá: đã chấp hành đủ thời gian, xếp loại khá trước khi tạm đình chỉ.');
    await submit(page);
    expect(await text(page, '.alert')).toContain('conductComment');
    await page.goto(`${app.baseUrl}/court`);
    await page.type('#proposalNumber', '12/VB-TA');
    await page.type('#proposedOn', '12/07/2025');
    await page.type('#proposal', 'Đề nghị xét đặc xá: đã chấp hành đủ thời gian, xếp loại khá trước khi tạm đình chỉ.');
    await page.type('#commentIssuer', 'UBND xã Tân Phú');
    await page.select('#commentIssuerKind', 'COMMUNE');
    await page.type('#commentDate', '10/07/2025');
    await page.type('#comment', 'Chấp hành nghiêm chỉnh pháp luật tại địa phương trong thời gian tạm đình chỉ.');
    await page.click('input[name=lawfulConduct]');
    await submit(page);
    await snapshot(page, 'court-proposed');
    expect(await text(page, '.flash')).toBe('Đã ghi nhận đề xuất của Tòa án.');
    expect(await text(page, 'main')).toContain('UBND xã Tân Phú');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await stage()).toBe('court_review');
  });

  it('has the president post the list, notify the procuracy and send it to the appraisal team', async () => {
    const page = await pageAs(Role.COURT_PRESIDENT);
    await page.goto(`${app.baseUrl}/court`);
    await page.type('#postedOn', '15/07/2025');
    await submit(page);
    expect(await text(page, '.flash')).toBe('Đã duyệt và niêm yết danh sách của Tòa án.');
    expect(await stage()).toBe('court_posted');
    // The person left off is posted beside it on the court's ineligible list, printed from the list's own page.
    const lists = await text(page, 'main');
    expect(lists).toContain('Danh sách không đủ điều kiện đề nghị đặc xá của Tòa án');
    expect(lists).not.toContain('COURT_INELIGIBLE');
    expect(lists).toContain('Gửi kèm danh sách người đủ điều kiện cùng ngày niêm yết');
    const href = await page.$$eval('main a[href^="/lists/"]', (links) =>
      links.find((a) => a.textContent?.startsWith('Danh sách không đủ điều kiện'))?.getAttribute('href'),
    );
    await page.goto(`${app.baseUrl}${href}`);
    expect(await text(page, 'main')).toContain('Phạm Văn Đình');
    expect(await page.$eval('main form input[name=kind]', (i) => (i as HTMLInputElement).value)).toBe(
      'ineligible-list',
    );
    await page.goto(`${app.baseUrl}/court`);

    await submit(page, 'form[action$="/submit"] button[type=submit]');
    expect(await text(page, '.alert')).toContain('Điều 15, khoản 5');

    await page.goto(`${app.baseUrl}/court`);
    await page.type('form[action$="/notice"] input[name=number]', '03/TB-TA');
    await page.type('form[action$="/notice"] input[name=notifiedOn]', '16/07/2025');
    await submit(page, 'form[action$="/notice"] button[type=submit]');
    expect(await text(page, '.flash')).toBe('Đã ghi nhận việc thông báo cho Viện kiểm sát.');
    await submit(page, 'form[action$="/submit"] button[type=submit]');
    await snapshot(page, 'court-list-sent');
    expect(await text(page, '.flash')).toBe('Đã gửi danh sách đến Tổ thẩm định liên ngành.');
    expect(await text(page, 'main')).toContain('Tổ thẩm định liên ngành');
    expect(await stage()).toBe('appraisal');
  });

  it("takes a complaint about the court's list to the court president, then to the Supreme People's Court", async () => {
    const fileComplaint = async (page: Page, receivedOn: string) => {
      await page.goto(`${app.baseUrl}/complaints`);
      const option = await page.$eval(
        '#dossier',
        (el, id) => [...(el as HTMLSelectElement).options].find((o) => o.value.startsWith(`${id}:`))?.value ?? '',
        leftOffId,
      );
      await page.select('#dossier', option);
      await page.type('#receivedOn', receivedOn);
      await page.select('#complainant', 'SELF');
      await page.type('#complainantName', 'Phạm Văn Đình');
      await page.type(
        '#content',
        'Tôi chấp hành nghiêm pháp luật khi tạm đình chỉ nhưng không có tên trong danh sách.',
      );
      await submit(page);
    };
    const decide = (page: Page, accept: boolean, reason: string, decidedOn: string) =>
      decideComplaint(page, app.baseUrl, { accept, reason, decidedOn });
    const stageOf = async () =>
      (await app.dataSource.query('SELECT stage FROM dossiers WHERE id = $1', [leftOffId]))[0].stage;

    const officer = await pageAs(Role.COURT_OFFICER);
    await officer.goto(`${app.baseUrl}/complaints`);
    expect(await text(officer, 'nav')).toContain('Khiếu nại');
    expect(await text(officer, '#dossier')).toContain('Phạm Văn Đình');
    expect(await text(officer, '#dossier')).not.toContain('Lê Văn Tạm');
    await fileComplaint(officer, '18/07/2025');
    expect(await text(officer, '.flash')).toBe('Đã ghi nhận đơn khiếu nại.');
    expect(await officer.$('form[action$="/decision"]')).toBeNull();

    const president = await pageAs(Role.COURT_PRESIDENT);
    await president.goto(`${app.baseUrl}/`);
    expect(await text(president, '#complaints + .table-wrap')).toContain('Phạm Văn Đình');
    await decide(president, false, 'Chưa chấp hành đủ thời gian theo Điều 11, khoản 1, điểm b.', '19/07/2025');
    expect(await text(president, '.flash')).toBe('Đã ghi quyết định giải quyết khiếu nại.');
    expect(await stageOf()).toBe('complaint_rejected');

    await fileComplaint(officer, '21/07/2025');
    expect(await text(officer, '.flash')).toBe('Đã ghi nhận đơn khiếu nại.');
    expect(await text(officer, 'main')).toContain('Tòa án nhân dân tối cao');

    const supreme = await pageAs(Role.SUPREME_COURT_OFFICER);
    await supreme.goto(`${app.baseUrl}/`);
    expect(await text(supreme, 'nav')).toContain('Khiếu nại');
    expect(await text(supreme, '#complaints + .table-wrap')).toContain('Khiếu nại lần hai');
    await decide(supreme, true, 'Đã đối chiếu hồ sơ gốc: đủ thời gian theo Điều 11, khoản 2, điểm b.', '23/07/2025');
    await snapshot(supreme, 'court-complaint-accepted');
    expect(await text(supreme, '.flash')).toBe('Đã ghi quyết định giải quyết khiếu nại.');
    expect(await text(supreme, 'main')).toContain('Tổ thẩm định liên ngành');
    expect(await horizontalOverflow(supreme)).toBeLessThanOrEqual(0);
    expect(await stageOf()).toBe('appraisal');
  });

  it('has the court president issue the certificate, send its copies and record the presentation', async () => {
    await grantFromAppraisal(app, org, roundId);
    const [certificate] = await app.dataSource.query('SELECT id FROM amnesty_certificates WHERE dossier_id = $1', [
      dossierId,
    ]);
    const page = await pageAs(Role.COURT_PRESIDENT);
    await page.goto(`${app.baseUrl}/`);
    expect(await text(page, 'nav')).toContain('Cấp giấy chứng nhận đặc xá');
    expect(await text(page, 'nav')).toContain('Thực hiện Quyết định đặc xá');
    await page.goto(`${app.baseUrl}/releases`);
    expect(await text(page, 'main')).toContain('Lê Văn Tạm');
    // A person on suspension is not in prison: the court's page speaks of issuing the certificate, never of release.
    expect(await text(page, `label[for="released-${certificate.id}"]`)).toBe('Ngày cấp Giấy chứng nhận đặc xá');
    expect(await text(page, 'main')).not.toMatch(/tha tù/i);
    await page.type(`#released-${certificate.id}`, '01/09/2025');
    await submit(page, `button[aria-label="Ghi nhận cấp giấy chứng nhận Lê Văn Tạm"]`);
    expect(await stage()).toBe('released');
    expect(await text(page, `#c-${certificate.id}`)).toContain('Giấy chứng nhận số');
    expect(await text(page, `#c-${certificate.id}`)).toContain('cấp ngày 01/09/2025');
    expect(await text(page, 'main')).toContain('Đã ghi nhận việc cấp Giấy chứng nhận đặc xá.');
    expect(await text(page, 'main')).not.toMatch(/tha tù/i);

    await page.goto(`${app.baseUrl}/certificates`);
    // A court posts no decision in a camp: its page has the certificates only, issued by the court president.
    expect(await page.$$eval('main h2', (hs) => hs.map((h) => h.textContent))).not.toContain(
      'Niêm yết Quyết định đặc xá',
    );
    expect(await page.$('form[action="/certificates/postings"]')).toBeNull();
    const panel = `#certificate-${certificate.id}`;
    expect(await text(page, panel)).toContain('Người cấp: CHÁNH ÁN');
    expect(await page.$(`${panel} input[name=kind][value=certificate]`)).not.toBeNull();
    await page.select(`#recipient-${certificate.id}`, 'COMMUNE_OR_UNIT');
    await page.type(`#addressee-${certificate.id}`, 'Ủy ban nhân dân xã Tân Phú');
    await page.type(`#sent-${certificate.id}`, '02/09/2025');
    await submit(page, `${panel} form[action$="/copies"] button[type=submit]`);
    expect(await text(page, panel)).toContain('Ủy ban nhân dân xã Tân Phú');
    // Past the round's period with no presentation recorded, the court president's home page lists the person.
    const admin = await client(app, org.users[Role.ADMIN]);
    const [{ code }] = await app.dataSource.query('SELECT code FROM rounds WHERE id = $1', [roundId]);
    const current = await admin.get(`/api/rounds/${code}`);
    const period = await admin.put(`/api/rounds/${code}`, {
      expectedVersion: current.body.version,
      parameters: {
        ...current.body.parameters,
        deadlines: {
          ...current.body.parameters.deadlines,
          certificatePresentationDays: seen(10, 'Hướng dẫn của đợt thử nghiệm'),
        },
      },
    });
    expect(period.status).toBe(200);
    await page.goto(`${app.baseUrl}/`);
    expect(await text(page, '.cards')).toContain('quá hạn xuất trình giấy chứng nhận');
    expect(await text(page, '#presentations + p + .table-wrap')).toContain('Lê Văn Tạm');
    expect(await text(page, '#presentations + p + .table-wrap')).toContain('11/09/2025');
    await page.goto(`${app.baseUrl}/certificates`);
    await page.type(`#presented-to-${certificate.id}`, 'Ủy ban nhân dân xã Tân Phú');
    await page.type(`#presented-on-${certificate.id}`, '05/09/2025');
    await submit(page, `${panel} form[action$="/presentation"] button[type=submit]`);
    await snapshot(page, 'court-certificate-presented');
    expect(await text(page, panel)).toContain('Đã xuất trình tại Ủy ban nhân dân xã Tân Phú ngày 05/09/2025');
    expect(await stage()).toBe('presented');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.goto(`${app.baseUrl}/`);
    expect(await page.$('#presentations')).toBeNull();
    // A court officer neither releases nor issues.
    const officer = await pageAs(Role.COURT_OFFICER);
    const refused = await officer.goto(`${app.baseUrl}/certificates`);
    expect(refused?.status()).toBe(403);
  });
});
