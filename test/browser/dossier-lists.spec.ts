import type { Browser, Page } from 'puppeteer-core';
import { DEMO_PASSWORD } from '../../seeds/demo/accounts.js';
import { useDemoApp } from '../seeds/support/demo-app.js';
import { horizontalOverflow, login, newPage, openBrowser, snapshot, text } from './support/browser.js';

// A ministry officer narrows the national list in the browser: a facility, then its teams (each named once), a
// verdict, a sort by a column header, the next page; every step is in the address, so a reload or a shared link
// shows the same list.
describe('dossier list filters in the browser', () => {
  const { state } = useDemoApp('dossier_lists_browser');
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await openBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const params = () => new URL(page.url()).searchParams;
  const optionLabels = (select: string) =>
    page.$$eval(`${select} option`, (os) => os.map((o) => (o as HTMLOptionElement).textContent ?? '').slice(1));
  // The dossiers on the page, by their links (names can repeat).
  const rowIds = () =>
    page.$$eval('tbody tr td:nth-child(2) a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
  const go = (selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);

  it('offers teams only once a facility is chosen, each with a label of its own', async () => {
    await login(page, state.baseUrl, 'bocongan.canbo', DEMO_PASSWORD);
    await page.goto(`${state.baseUrl}/dossiers`);
    expect(await text(page, 'h1')).toBe('Danh sách phạm nhân được xét');
    expect(await page.$('#teamId')).toBeNull();
    expect(await text(page, 'form.filters')).toContain('Chọn trại để lọc theo phân trại, đội.');
    const total = await text(page, '#list-total');
    expect(total).toMatch(/^Tìm thấy [\d.]+ hồ sơ: /);

    const facilities = await optionLabels('#facilityId');
    expect(facilities.length).toBe(6);
    const tx = await page.$$eval('#facilityId option', (os) =>
      os.find((o) => o.textContent === 'Trại giam Thanh Xuân')?.getAttribute('value'),
    );
    await page.select('#facilityId', tx!);
    await go('form.filters button[type=submit]');
    expect(params().get('facilityId')).toBe(tx);
    const teams = await optionLabels('#teamId');
    expect(teams.length).toBe(4);
    expect(new Set(teams).size).toBe(teams.length);
    expect(teams.every((t) => t.includes(' — Phân trại'))).toBe(true);
    expect((await optionLabels('#subCampId')).length).toBe(2);
  });

  it('sorts by a header, pages on and back, then filters by verdict and team, keeping it all in the address', async () => {
    await go('thead th a[href*="sort=birth"]');
    expect(params().get('sort')).toBe('birth');
    expect(params().get('dir')).toBe('asc');
    expect(params().get('facilityId')).toBeTruthy();
    expect(await text(page, 'th[aria-sort="ascending"]')).toContain('Năm sinh');
    await go('thead th a[href*="sort=birth"]');
    expect(params().get('dir')).toBe('desc');
    expect(await text(page, 'th[aria-sort="descending"]')).toContain('Năm sinh');

    const firstRows = await rowIds();
    expect(firstRows.length).toBe(50);
    await go('a[rel="next"]');
    expect(params().get('after')).toBeTruthy();
    expect(params().get('sort')).toBe('birth');
    expect(await text(page, '.pager')).toContain('Trang 2/');
    const second = await rowIds();
    expect(second.length).toBeGreaterThan(0);
    expect(second.some((id) => firstRows.includes(id))).toBe(false);
    await go('a[rel="prev"]');
    expect(await rowIds()).toEqual(firstRows);

    await page.select('#verdict', 'NEEDS_REVIEW');
    await go('form.filters button[type=submit]');
    expect(params().get('verdict')).toBe('NEEDS_REVIEW');
    expect(params().get('sort')).toBe('birth');
    const verdicts = await page.$$eval('tbody tr td:nth-child(9) .badge', (bs) => bs.map((b) => b.textContent));
    expect(verdicts.length).toBeGreaterThan(0);
    expect(new Set(verdicts)).toEqual(new Set(['Cần xem xét']));
    await snapshot(page, 'dossier-list-filtered');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    const team = await page.$$eval('#teamId option', (os) => os[1].getAttribute('value'));
    await page.select('#teamId', team!);
    await go('form.filters button[type=submit]');
    expect(params().get('teamId')).toBe(team);
    expect(params().get('verdict')).toBe('NEEDS_REVIEW');
    const address = page.url();
    const shown = await text(page, '#list-total');
    await page.reload();
    expect(page.url()).toBe(address);
    expect(await text(page, '#list-total')).toBe(shown);
    expect(await page.$eval('#teamId', (s) => (s as HTMLSelectElement).value)).toBe(team);
  });
});
