import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { Role } from '../../src/auth/user.entity.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { cellAt, load, save, workbookOf } from '../spreadsheet/workbook.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { horizontalOverflow, login, newPage, openBrowser, snapshot, submit, text } from './support/browser.js';

// A warden's bulk nomination: the menu's "Nhập từ Excel", a file with a mistake (listed by sheet, row and column),
// the corrected file, the preview, the confirmation, and the list downloaded as CSV with the filter in use.
describe('Excel import and export in the browser', () => {
  let app: TestApp;
  let org: TestOrg;
  let browser: Browser;
  let page: Page;
  let dir: string;

  const codes = () => ({ roundCode: org.roundCode, facilityCode: org.facility.code, teamCode: org.team.code });

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app.dataSource);
    browser = await openBrowser();
    page = await newPage(browser);
    dir = mkdtempSync(join(tmpdir(), 'amnesty-excel-browser-'));
    await login(page, app.baseUrl, org.users[Role.WARDEN]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function choose(name: string, bytes: Buffer): Promise<void> {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const input = (await page.$('input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
  }

  it('shows the mistakes of an upload at their cells, then imports the corrected file after the preview', async () => {
    await page.goto(`${app.baseUrl}/dossiers`);
    await Promise.all([page.waitForNavigation(), page.click('nav.menu a[href="/dossiers/import"]')]);
    expect(await text(page, 'h1')).toBe('Nhập hồ sơ từ Excel');
    expect(await page.$eval('a[href="/api/dossiers/excel/template"]', (a) => a.textContent)).toBe('Tải mẫu Excel');

    const documents = [
      buildDossier({ ...codes(), person: { fullName: 'Lò Thị Mỷ' } }),
      buildDossier({ ...codes(), person: { fullName: 'Ma Văn Sửu' } }),
    ];
    const book = await load(await workbookOf(app.dataSource, documents));
    cellAt(book.getWorksheet('Tội danh')!, 'Điều', 3).value = 'một trăm bảy mươi ba';
    await choose('co-loi.xlsx', await save(book));
    await submit(page);
    expect(await text(page, '#import-errors strong')).toBe('Có 1 lỗi cần sửa trong tệp; chưa hồ sơ nào được nhập.');
    const cells = await page.$$eval('#import-errors tbody td', (tds) => tds.map((td) => td.textContent?.trim()));
    expect(cells).toEqual(['Tội danh', '3', expect.stringMatching(/^[A-Z]+ – Điều$/), 'Phải là số nguyên.']);
    await snapshot(page, 'excel-import-errors');

    await choose('dung.xlsx', await workbookOf(app.dataSource, documents));
    await submit(page);
    expect(page.url()).toMatch(/\/dossiers\/import\/[0-9a-f-]{36}$/);
    const rows = await page.$$eval('#import-rows tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(2, 4).map((td) => td.textContent)),
    );
    expect(rows).toEqual([
      ['Lò Thị Mỷ', documents[0].inmateNumber],
      ['Ma Văn Sửu', documents[1].inmateNumber],
    ]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await snapshot(page, 'excel-import-preview');
    await submit(page);
    expect(await text(page, '#import-done')).toContain('Đã nhập 2 hồ sơ từ tệp "dung.xlsx"');

    await Promise.all([page.waitForNavigation(), page.click('a[href="/dossiers"].button')]);
    const listed = await page.$$eval('table tbody td:nth-child(2)', (tds) => tds.map((td) => td.textContent));
    expect(listed).toEqual(expect.arrayContaining(['Lò Thị Mỷ', 'Ma Văn Sửu']));
  });

  it('downloads the filtered list as CSV with a byte-order mark', async () => {
    // A context that saves downloads into the test's directory, as the office browser saves them.
    const context = await browser.createBrowserContext({ downloadBehavior: { policy: 'allow', downloadPath: dir } });
    const downloads = await context.newPage();
    await downloads.setViewport({ width: 1366, height: 768 });
    await login(downloads, app.baseUrl, org.users[Role.WARDEN]);
    await downloads.goto(`${app.baseUrl}/dossiers?q=${encodeURIComponent('Mỷ')}`);
    await downloads.click('#export-csv');
    let file: string | undefined;
    for (let i = 0; i < 100 && !file; i += 1) {
      file = readdirSync(dir).find((f) => f.endsWith('.csv'));
      if (!file) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(file).toMatch(/^danh-sach-ho-so-\d{8}-\d{4}\.csv$/);
    const bytes = readFileSync(join(dir, file!));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1].split(',').slice(0, 2)).toEqual(['1', 'Lò Thị Mỷ']);
  });
});
