import type { Browser } from 'puppeteer-core';
import { Role } from '../../src/auth/user.entity.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import type { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { horizontalOverflow, login, newPage, openBrowser, snapshot, submit, text } from './support/browser.js';
import { addPresidentOffice, client, dossiersAtAppraisal, presetRound } from './support/pipeline.js';
import { decideRound } from './support/release.js';

// The appraisal team draws its record once its agency has spoken on every name; after the President's decision the
// camp posts it, sends the certificate's copies and records the presentation; the ministry follows who is left.

function ok(step: string, res: { status: number; body: unknown }): void {
  if (res.status >= 300) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
}

describe('the appraisal record and the steps after the decision in the browser', () => {
  let app: TestApp;
  let org: TestOrg;
  let browser: Browser;
  let ids: string[];
  let round: { id: string; code: string };

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app.dataSource);
    round = await presetRound(app, org);
    ids = await dossiersAtAppraisal(app, org, round, ['Trần Văn Hòa', 'Lý Thị Hạnh']);
    await addPresidentOffice(app, org);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets the appraiser draw the biên bản thẩm định only once the team has spoken on every name', async () => {
    const page = await newPage(browser);
    await login(page, app.baseUrl, org.users[Role.APPRAISER]);
    await page.goto(`${app.baseUrl}/appraisal-records`);
    await page.select('#roundId', round.id);
    await submit(page, 'form[action="/appraisal-records"] button');
    expect(await text(page, '.alert')).toContain('Viện kiểm sát nhân dân tối cao');

    const appraiser = await client(app, org.users[Role.APPRAISER]);
    ok('opinion', await appraiser.put(`/api/appraisal/dossiers/${ids[0]}/opinion`, { opinion: 'agree' }));
    ok(
      'opinion',
      await appraiser.put(`/api/appraisal/dossiers/${ids[1]}/opinion`, {
        opinion: 'disagree',
        note: 'Chưa đủ thời gian chấp hành án',
      }),
    );
    await page.select('#roundId', round.id);
    await submit(page, 'form[action="/appraisal-records"] button');
    expect(await text(page, '.flash, [role=status]')).toContain('Đã lập biên bản thẩm định');
    const record = await text(page, '#record');
    expect(record).toMatch(
      /đủ điều kiện được đề nghị đặc xá[\s\S]*Trần Văn Hòa[\s\S]*không đủ điều kiện[\s\S]*Lý Thị Hạnh/,
    );
    expect(record).toContain('Viện kiểm sát nhân dân tối cao: Không đồng ý (Chưa đủ thời gian chấp hành án)');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await snapshot(page, 'appraisal-record');
  });

  it('lets the warden post the decision, send the copies and record the presentation; the ministry follows it', async () => {
    // The rest of the chain over the API, as the national bodies would: on to the standing body (with its report on
    // the disputed name), the Council's lists, the President's decision, the release.
    await decideRound(app, org, round.id, { report: true });
    const warden = await client(app, org.users[Role.WARDEN]);
    const [first] = (await warden.get('/api/certificates')).body;
    ok(
      'release',
      await warden.post(`/api/certificates/${first.id}/release`, {
        releasedOn: '2025-09-01',
        version: first.version,
        dossierVersion: first.dossierVersion,
      }),
    );

    const page = await newPage(browser);
    await login(page, app.baseUrl, org.users[Role.WARDEN]);
    await page.goto(`${app.baseUrl}/certificates`);
    await page.type('input[name="postedOn"]', '30/08/2025');
    await submit(page, 'form[action="/certificates/postings"] button');
    expect(await text(page, 'main')).toContain('Đã ghi ngày niêm yết Quyết định đặc xá.');
    expect(await text(page, 'main')).toContain('30/08/2025');

    const section = `#certificate-${first.id}`;
    expect(await text(page, section)).toContain('Người cấp: GIÁM THỊ');
    await page.select(`${section} select[name="recipient"]`, 'SENTENCING_COURT');
    await page.type(`${section} input[name="addressee"]`, 'Tòa án nhân dân thành phố Hà Nội');
    await page.type(`${section} input[name="sentOn"]`, '02/09/2025');
    await submit(page, `${section} form[action$="/copies"] button`);
    expect(await text(page, section)).toContain(
      'Tòa án nhân dân thành phố Hà Nội (Tòa án đã ra quyết định thi hành án), ngày 02/09/2025',
    );
    expect(await text(page, section)).toContain('Còn phải gửi: Trung tâm Lý lịch tư pháp quốc gia');

    await page.type(`${section} input[name="presentedTo"]`, 'Ủy ban nhân dân xã Tân Lập');
    await page.type(`${section} input[name="presentedOn"]`, '31/08/2025');
    await submit(page, `${section} form[action$="/presentation"] button`);
    expect(await text(page, '.alert')).toContain('không được trước ngày tha tù');
    await page.type(`${section} input[name="presentedTo"]`, 'Ủy ban nhân dân xã Tân Lập');
    await page.type(`${section} input[name="presentedOn"]`, '05/09/2025');
    await submit(page, `${section} form[action$="/presentation"] button`);
    expect(await text(page, section)).toContain('Đã xuất trình tại Ủy ban nhân dân xã Tân Lập ngày 05/09/2025.');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await snapshot(page, 'certificates');

    const ministry = await newPage(browser);
    await login(ministry, app.baseUrl, org.users[Role.MINISTRY_OFFICER]);
    await ministry.goto(`${app.baseUrl}/certificates/presentations?roundId=${round.id}`);
    expect(await text(ministry, '#presentation-counts')).toBe(
      'Đã tha: 1 · Đã xuất trình: 1 · Chưa xuất trình: 0 · Quá hạn: 0',
    );
    expect(await text(ministry, 'tbody')).toContain('Ủy ban nhân dân xã Tân Lập, 05/09/2025');
    // The ministry follows each camp's posting of the decision on the same page (Luật Đặc xá 2018, Điều 18, khoản 1).
    expect(await text(ministry, '#postings + .table-wrap')).toContain('30/08/2025');
    // The chain from the appraisal team to the release runs over the API first, with a login per role.
  }, 240_000);
});
