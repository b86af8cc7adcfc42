import type { Browser, Page } from 'puppeteer-core';
import { Role } from '../../src/auth/user.entity.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { horizontalOverflow, login, newPage, openBrowser, snapshot, submit, text } from './support/browser.js';
import { releasedPersons, type ReleasedPerson } from './support/release.js';

// The warden names the commune on the certificate when releasing; the commune's officer finds the person on its page
// and records the day they presented the certificate (Luật Đặc xá 2018, Điều 20, khoản 2, điểm a); the ministry
// follows it on the per-round summary.
describe('the commune records the presentation in the browser', () => {
  let app: TestApp;
  let org: TestOrg;
  let browser: Browser;
  let round: { id: string; code: string };
  let person: ReleasedPerson;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app.dataSource);
    const walked = await releasedPersons(app, org, [
      { fullName: 'Trần Văn Hòa', presentationUnitId: null, released: false },
    ]);
    round = walked.round;
    [person] = walked.released;
    browser = await openBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const retype = async (page: Page, selector: string, value: string) => {
    await page.$eval(selector, (el) => {
      (el as HTMLInputElement).value = '';
    });
    await page.type(selector, value);
  };

  it('lets the warden name the commune, and the commune record the presentation with errors beside the field', async () => {
    const warden = await newPage(browser);
    await login(warden, app.baseUrl, org.users[Role.WARDEN]);
    await warden.goto(`${app.baseUrl}/releases`);
    await warden.type(`#released-${person.certificateId}`, '01/09/2025');
    await warden.select(`#unit-${person.certificateId}`, org.localUnit.id);
    await submit(warden, `#c-${person.certificateId} button[type=submit]`);
    expect(await text(warden, 'main')).toContain('Đã tha tù');
    await warden.goto(`${app.baseUrl}/certificates`);
    expect(await text(warden, `#certificate-${person.certificateId}`)).toContain(
      'Ủy ban nhân dân cấp xã, tổ chức, đơn vị quân đội nơi người được đặc xá về cư trú, làm việc (Ủy ban nhân dân xã Tân Lập)',
    );

    const page = await newPage(browser);
    await login(page, app.baseUrl, org.users[Role.LOCAL_UNIT_OFFICER]);
    await Promise.all([page.waitForNavigation(), page.click('nav a[href="/presentations"]')]);
    const row = `#c-${person.certificateId}`;
    const field = `#presented-${person.certificateId}`;
    expect(await text(page, '#waiting + .table-wrap')).toContain('Trần Văn Hòa');
    expect(await text(page, row)).toContain('Trại giam Thanh Xuân');
    expect(await text(page, row)).toContain('01/09/2025');

    await page.type(field, '31/02/2025');
    await submit(page, `${row} button[type=submit]`);
    expect(await text(page, `${field}-error`)).toBe('Ngày trình diện phải là một ngày có thật, dạng dd/mm/yyyy.');
    expect(await page.$eval(field, (el) => (el as HTMLInputElement).value)).toBe('31/02/2025');
    expect(await page.$eval(field, (el) => el.getAttribute('aria-invalid'))).toBe('true');

    await retype(page, field, '30/08/2025');
    await submit(page, `${row} button[type=submit]`);
    expect(await text(page, `${field}-error`)).toContain('không được trước ngày tha tù (01/09/2025)');
    expect(await page.$eval(field, (el) => (el as HTMLInputElement).value)).toBe('30/08/2025');
    await snapshot(page, 'local-presentations-error');

    await retype(page, field, '05/09/2025');
    await submit(page, `${row} button[type=submit]`);
    expect(await text(page, 'main')).toContain('Đã ghi nhận việc xuất trình giấy chứng nhận.');
    expect(await text(page, '#presented + .table-wrap')).toMatch(/Trần Văn Hòa[\s\S]*05\/09\/2025/);
    expect(await text(page, 'main')).toContain('Không có người nào chờ trình diện.');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await snapshot(page, 'local-presentations');

    // Another commune's officer does not see the person at all.
    const other = await newPage(browser);
    await login(other, app.baseUrl, org.users.otherLocalOfficer);
    await other.goto(`${app.baseUrl}/presentations`);
    expect(await text(other, 'main')).not.toContain('Trần Văn Hòa');

    const ministry = await newPage(browser);
    await login(ministry, app.baseUrl, org.users[Role.MINISTRY_OFFICER]);
    await ministry.goto(`${app.baseUrl}/certificates/presentations?roundId=${round.id}`);
    expect(await text(ministry, '#presentation-counts')).toBe(
      'Đã tha: 1 · Đã xuất trình: 1 · Chưa xuất trình: 0 · Quá hạn: 0',
    );
    expect(await text(ministry, 'tbody')).toContain('Ủy ban nhân dân xã Tân Lập');
  }, 240_000);
});
