import type { Browser, Page } from 'puppeteer-core';
import { Role } from '../../src/auth/user.entity.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { horizontalOverflow, login, newPage, openBrowser, submit, text } from './support/browser.js';

// The administrator sets up a round from a preset, sees each parameter with its source, has a wrong value refused
// beside it, and adds an account whose form errors are named.
describe('administrator in the browser', () => {
  let app: TestApp;
  let org: TestOrg;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app.dataSource);
    browser = await openBrowser();
    page = await newPage(browser);
    await login(page, app.baseUrl, org.users[Role.ADMIN]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('creates a round from a preset and refuses an impossible cut-off date beside its field', async () => {
    const code = `QD-ADMIN-${org.suffix}`.toUpperCase();
    await page.goto(`${app.baseUrl}/admin/rounds`);
    await page.type('#round-code', code);
    await page.select('#preset', 'QD-1244-2025');
    await submit(page);
    expect(await text(page, '.flash')).toBe('Đã lưu đợt đặc xá.');
    const cutoff = await page.$eval('input[value="cutoffDate"]', (el) => {
      const row = el.closest('tr')!;
      return {
        value: (row.querySelector('input[name$="[value]"]') as HTMLInputElement).value,
        source: (row.querySelector('input[name$="[source]"]') as HTMLInputElement).value,
      };
    });
    expect(cutoff.value).toBe('31/08/2025');
    expect(cutoff.source.length).toBeGreaterThan(3);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    const input = await page.$eval(
      'input[value="cutoffDate"]',
      (el) => el.closest('tr')!.querySelector('input[name$="[value]"]')!.id,
    );
    await page.$eval(`#${input}`, (el) => {
      (el as HTMLInputElement).value = '30/02/2025';
    });
    await submit(page);
    const error = await page.$eval(`#${input}`, (el) => el.parentElement?.querySelector('.error')?.textContent ?? '');
    expect(error).toContain('dd/mm/yyyy và là ngày có thật');
    expect(await page.$eval(`#${input}`, (el) => el.getAttribute('aria-invalid'))).toBe('true');
  });

  it('adds an account, naming what is wrong in the form first', async () => {
    await page.goto(`${app.baseUrl}/admin/users`);
    await page.type('#u-username', 'X');
    await page.type('#u-fullname', 'Nguyễn Thị Hoa');
    await page.type('#u-password', 'mat-khau-moi-123');
    await page.select('#u-role', Role.TEAM_OFFICER);
    await page.select('#u-unit', org.team.code);
    await submit(page);
    expect(await text(page, '.alert')).toContain('Tên đăng nhập');
    await page.$eval('#u-username', (el) => {
      (el as HTMLInputElement).value = '';
    });
    await page.type('#u-username', `hoa.${org.suffix}`);
    await page.type('#u-password', 'mat-khau-moi-123');
    await submit(page);
    expect(await text(page, '.flash')).toBe('Đã lưu tài khoản.');
    expect(await text(page, 'tbody')).toContain(`hoa.${org.suffix}`);
  });
});
