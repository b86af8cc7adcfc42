import type { Browser, Page } from 'puppeteer-core';
import { Role } from '../../src/auth/user.entity.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { horizontalOverflow, login, newPage, openBrowser, snapshot, submit, text } from './support/browser.js';
import { client, presetRound } from './support/pipeline.js';

// A person on suspension through the court's page (Luật Đặc xá 2018, Điều 14, khoản 5; Điều 15, khoản 3–5): the
// court officer records the proposal with the commune's comment, the president posts the list, records the notice to
// the procuracy and sends the list to the appraisal team.
describe("the court's page in the browser", () => {
  let app: TestApp;
  let org: TestOrg;
  let browser: Browser;
  let dossierId: string;

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
    const officer = await client(app, org.users[Role.COURT_OFFICER]);
    const created = await officer.post(
      '/api/dossiers',
      buildDossier({
        roundCode: round.code,
        facilityCode: org.court.code,
        status: 'SUSPENDED' as never,
        person: { fullName: 'Lê Văn Tạm' },
        intervals: [
          { kind: 'CAMP' as never, from: '2019-07-06', to: '2024-02-29' },
          { kind: 'SUSPENSION' as never, from: '2024-03-01' },
        ],
      }),
    );
    if (created.status !== 201) throw new Error(`court dossier: ${JSON.stringify(created.body)}`);
    dossierId = created.body.id;
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
});
