import type { Browser, Page } from 'puppeteer-core';
import { Role } from '../../src/auth/user.entity.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { horizontalOverflow, login, newPage, openBrowser, snapshot, submit, text } from './support/browser.js';
import { decideComplaint } from './support/complaints.js';
import { campOf, presetRound, walkCamp } from './support/pipeline.js';

// A complaint of a person the team left off the list, as each acting role sees it: the team officer records it (a
// late one is refused with the deadline), the warden finds it overdue on the home page and rejects it with reasons,
// the second complaint goes to the ministry, which accepts it.
describe('complaints in the browser', () => {
  let app: TestApp;
  let org: TestOrg;
  let browser: Browser;
  let dossierId: string;

  const pageAs = async (role: Role): Promise<Page> => {
    const page = await newPage(browser);
    await login(page, app.baseUrl, org.users[role]);
    return page;
  };
  const optionFor = (page: Page) =>
    page.$eval(
      '#dossier',
      (el, id) => [...(el as HTMLSelectElement).options].find((o) => o.value.startsWith(`${id}:`))?.value ?? '',
      dossierId,
    );
  const fileComplaint = async (page: Page, receivedOn: string) => {
    await page.goto(`${app.baseUrl}/complaints`);
    await page.select('#dossier', await optionFor(page));
    await page.type('#receivedOn', receivedOn);
    await page.select('#complainant', 'RELATIVE');
    await page.type('#complainantName', 'Trần Thị Mẹ');
    await page.type('#content', 'Con tôi chấp hành tốt nhưng không có tên trong danh sách đề nghị đặc xá.');
    await submit(page);
  };
  const decide = (page: Page, accept: boolean, reason: string, decidedOn: string) =>
    decideComplaint(page, app.baseUrl, { accept, reason, decidedOn });

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app.dataSource);
    const round = await presetRound(app, org);
    const walked = await walkCamp(app, campOf(org), round, ['Hoàng Văn Đủ', 'Trần Văn Khiếu'], {
      leftOff: ['Trần Văn Khiếu'],
    });
    dossierId = walked.leftOffIds[0];
    browser = await openBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets the team officer record a complaint, refusing one received after the period', async () => {
    const page = await pageAs(Role.TEAM_OFFICER);
    await page.goto(`${app.baseUrl}/complaints`);
    expect(await text(page, 'nav')).toContain('Khiếu nại');
    expect(await text(page, '#dossier')).toContain('Trần Văn Khiếu');
    expect(await text(page, '#dossier')).not.toContain('Hoàng Văn Đủ');
    await fileComplaint(page, '21/07/2025');
    expect(await text(page, '.alert')).toContain(
      'quá thời hạn 5 ngày kể từ ngày niêm yết danh sách (hạn cuối 20/07/2025',
    );
    await fileComplaint(page, '17/07/2025');
    await snapshot(page, 'complaint-filed');
    expect(await text(page, '.flash')).toBe('Đã ghi nhận đơn khiếu nại.');
    expect(await text(page, 'table')).toContain('Trần Văn Khiếu');
    expect(await text(page, 'table')).toContain('22/07/2025');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await page.$('form[action$="/decision"]')).toBeNull();
  });

  it('shows the warden the overdue complaint at home and takes a reasoned rejection', async () => {
    const page = await pageAs(Role.WARDEN);
    await page.goto(`${app.baseUrl}/`);
    expect(await text(page, '.cards')).toContain('Khiếu nại chờ giải quyết');
    expect(await text(page, '#complaints + .table-wrap')).toContain('Trần Văn Khiếu');
    expect(await text(page, 'main')).toMatch(
      /Khiếu nại lần đầu của Trần Văn Khiếu quá hạn giải quyết \d+ ngày \(hạn 22\/07\/2025\)/,
    );
    await decide(page, false, 'ab', '19/07/2025');
    expect(await text(page, '.alert')).toContain('phải có ít nhất 5 ký tự');
    await decide(page, false, 'Kết quả bỏ phiếu của đội đúng quy định, không có căn cứ chấp nhận.', '19/07/2025');
    await snapshot(page, 'complaint-rejected');
    expect(await text(page, '.flash')).toBe('Đã ghi quyết định giải quyết khiếu nại.');
    expect(await text(page, 'main')).toContain('Không chấp nhận');
    expect(await page.$('form[action="/documents"] input[name=kind][value="complaint-decision"]')).not.toBeNull();
    await page.goto(`${app.baseUrl}/`);
    expect(await page.$('#complaints')).toBeNull();
  });

  it('takes the second complaint to the ministry, which accepts it', async () => {
    const officer = await pageAs(Role.TEAM_OFFICER);
    await officer.goto(`${app.baseUrl}/complaints`);
    expect(await text(officer, '#dossier')).toContain('Khiếu nại lần đầu không được chấp nhận');
    await fileComplaint(officer, '21/07/2025');
    expect(await text(officer, '.flash')).toBe('Đã ghi nhận đơn khiếu nại.');

    const ministry = await pageAs(Role.MINISTRY_OFFICER);
    await ministry.goto(`${app.baseUrl}/`);
    expect(await text(ministry, '#complaints + .table-wrap')).toContain('Khiếu nại lần hai');
    await decide(ministry, true, 'Đã đối chiếu hồ sơ gốc: đủ điều kiện theo Điều 11 Luật Đặc xá.', '23/07/2025');
    await snapshot(ministry, 'complaint-accepted');
    expect(await text(ministry, '.flash')).toBe('Đã ghi quyết định giải quyết khiếu nại.');
    expect(await text(ministry, 'main')).toContain('Cơ quan quản lý tổng hợp');
    const [row] = await app.dataSource.query('SELECT stage FROM dossiers WHERE id = $1', [dossierId]);
    expect(row.stage).toBe('department');
  });
});
