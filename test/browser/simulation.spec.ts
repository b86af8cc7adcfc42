import type { Browser, Page } from 'puppeteer-core';
import { Role } from '../../src/auth/user.entity.js';
import type { TestOrg } from '../factories/org.factory.js';
import { expectedVerdict, POPULATION, seedSimulationRound } from '../simulation/simulation-population.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { horizontalOverflow, login, newPage, openBrowser, snapshot, text } from './support/browser.js';

// The standing body plans a round in the browser, through pages only: from its menu to the simulation form, a draft
// of the time-served fraction run with its progress shown, the figures as tables and charts (also when printed), a
// second draft, and the two compared side by side. The counts are checked against the population's verdicts worked
// out by hand (simulation-population.ts), not against the engine's own aggregation.
describe('the simulation page in the browser', () => {
  let t: TestApp;
  let org: TestOrg;
  let roundCode: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp();
    ({ org, roundCode } = await seedSimulationRound(t));
    browser = await openBrowser();
    page = await newPage(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const eligibleAt = (fraction: number) => POPULATION.filter((p) => expectedVerdict(p, fraction) === 'ELIGIBLE').length;
  const changedAt = (fraction: number) =>
    POPULATION.filter((p) => expectedVerdict(p, 1 / 3) !== expectedVerdict(p, fraction)).length;

  // Row `label` of a table as its cells' text.
  const rowOf = (table: string, label: string) =>
    page.$$eval(
      `${table} tbody tr`,
      (rows, wanted) =>
        rows
          .map((r) => [...r.querySelectorAll('td')].map((c) => (c.textContent ?? '').trim()))
          .find((cells) => cells[0] === wanted) ?? null,
      label,
    );

  // Types a draft into the round form: its name and a new value for the parameter at `path`.
  async function fillDraft(name: string, path: string, value: string): Promise<void> {
    await page.type('#sim-name', name);
    const input = await page.$$eval(
      'input[type=hidden][name$="[path]"]',
      (hidden, wanted) => hidden.find((h) => (h as HTMLInputElement).value === wanted)?.getAttribute('name') ?? null,
      path,
    );
    expect(input).not.toBeNull();
    const field = `[name="${input!.replace('[path]', '[value]')}"]`;
    await page.$eval(field, (el) => {
      (el as HTMLTextAreaElement).value = '';
    });
    await page.type(field, value);
  }

  // Submits the form, then follows the page while it refreshes itself: each intermediate page shows the progress
  // bar; returns once the figures are there.
  async function runDraft(): Promise<string> {
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit].primary')]);
    expect(new URL(page.url()).pathname).toMatch(/^\/simulation\/[0-9a-f-]{36}$/);
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      const state = await page
        .evaluate(() => ({
          done: !!document.querySelector('table.sim-headline'),
          running: !!document.querySelector('meta[http-equiv="refresh"]'),
          progress: document.querySelector('#sim-progress')?.closest('[role=status]')?.textContent ?? null,
          failed: document.querySelector('.alert[role=alert]')?.textContent ?? null,
        }))
        .catch(() => null);
      if (state?.done) return page.url();
      if (state?.failed) throw new Error(`simulation failed: ${state.failed}`);
      if (state?.running) expect(state.progress).toMatch(/Đang mô phỏng [\d.]+ \/ [\d.]+ hồ sơ/);
      await page.waitForNavigation({ timeout: 3_000 }).catch(() => undefined);
    }
    throw new Error('the simulation page never showed its figures');
  }

  it('runs a draft from the menu and shows the hand-checked figures as tables and printable charts', async () => {
    await login(page, t.baseUrl, org.users[Role.COUNCIL_STANDING_OFFICER]);
    await Promise.all([page.waitForNavigation(), page.click('a[href="/simulation"]')]);
    expect(await text(page, 'h1')).toBe('Mô phỏng điều kiện đặc xá');
    await page.select('#sim-round', roundCode);
    await Promise.all([page.waitForNavigation(), page.click('form[action="/simulation"][method="get"] button')]);
    expect(new URL(page.url()).searchParams.get('round')).toBe(roundCode);

    await fillDraft('Dự thảo tỷ lệ 1/2', 'time.general.fraction', '{"numerator":1,"denominator":2}');
    const location = await runDraft();
    expect(await text(page, 'h1')).toBe('Mô phỏng: Dự thảo tỷ lệ 1/2');
    expect(await page.$eval('body', (b) => b.textContent)).toContain(`Kết quả trên ${POPULATION.length} hồ sơ`);
    expect(await rowOf('table.sim-headline', 'Đủ điều kiện')).toEqual([
      'Đủ điều kiện',
      String(eligibleAt(1 / 3)),
      String(eligibleAt(1 / 2)),
      String(eligibleAt(1 / 2) - eligibleAt(1 / 3)),
    ]);
    expect(await rowOf('table.sim-headline', 'Số người thay đổi kết quả')).toEqual([
      'Số người thay đổi kết quả',
      '',
      String(changedAt(1 / 2)),
      '',
    ]);
    // The changed-verdict list names each person whose verdict moved, with the rule that moved it.
    const changed = await page.evaluate(() => {
      const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent?.startsWith('Người thay đổi'));
      let table = heading?.nextElementSibling;
      while (table && !table.classList.contains('table-wrap')) table = table.nextElementSibling;
      return [...(table?.querySelectorAll('tbody tr') ?? [])].map((r) =>
        [...r.querySelectorAll('td')].map((c) => (c.textContent ?? '').trim()),
      );
    });
    expect(changed).toHaveLength(changedAt(1 / 2));
    for (const row of changed) {
      expect(row[3]).toBe('Đủ điều kiện');
      expect(row[4]).toBe('Không đủ điều kiện');
      expect(row[5]).toMatch(/^R-/);
    }
    await snapshot(page, 'simulation-figures');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // Printed, the charts stay and the forms go.
    await page.emulateMediaType('print');
    const charts = await page.$$eval('figure.sim-chart svg', (svgs) =>
      svgs.map((s) => s.getBoundingClientRect()).map((r) => r.width * r.height),
    );
    expect(charts).toHaveLength(7);
    expect(charts.every((area) => area > 0)).toBe(true);
    expect(await page.$eval('form[action$="/adopt"]', (f) => getComputedStyle(f).display)).toBe('none');
    await page.emulateMediaType('screen');
    expect(new URL(page.url()).pathname).toBe(new URL(location).pathname);
  });

  it('runs a second draft and compares the two side by side', async () => {
    await page.goto(`${t.baseUrl}/simulation?round=${roundCode}`);
    await fillDraft('Dự thảo tỷ lệ 2/5', 'time.general.fraction', '{"numerator":2,"denominator":5}');
    await runDraft();
    expect(await rowOf('table.sim-headline', 'Đủ điều kiện')).toEqual([
      'Đủ điều kiện',
      String(eligibleAt(1 / 3)),
      String(eligibleAt(2 / 5)),
      String(eligibleAt(2 / 5) - eligibleAt(1 / 3)),
    ]);

    await page.goto(`${t.baseUrl}/simulation`);
    await page.click('input[aria-label="Bản thứ nhất: Dự thảo tỷ lệ 1/2"]');
    await page.click('input[aria-label="Bản thứ hai: Dự thảo tỷ lệ 2/5"]');
    await Promise.all([page.waitForNavigation(), page.click('.sim-compare button[type=submit]')]);
    expect(await text(page, 'h1')).toBe('So sánh hai dự thảo');
    const eligible = await page.$$eval('tbody tr', (rows) =>
      rows
        .map((r) => [...r.querySelectorAll('td')].map((c) => (c.textContent ?? '').trim()))
        .find((cells) => cells[0] === 'Đủ điều kiện'),
    );
    expect(eligible?.slice(0, 4)).toEqual([
      'Đủ điều kiện',
      String(eligibleAt(1 / 3)),
      String(eligibleAt(1 / 2)),
      String(eligibleAt(2 / 5)),
    ]);
    await snapshot(page, 'simulation-compare');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});
