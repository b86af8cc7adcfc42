import type { Browser } from 'puppeteer-core';
import { Role } from '../../src/auth/user.entity.js';
import { seen } from '../../src/eligibility/core/presets/param.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { horizontalOverflow, login, newPage, openBrowser, snapshot, submit, text } from './support/browser.js';
import { grantFromAppraisal } from './support/court-decision.js';
import { client, dossiersAtAppraisal, presetRound } from './support/pipeline.js';

// The Council's standing officer records, on the President's decision list, the notice to the Ministry of Foreign
// Affairs of the foreigners granted: a round's choice (foreigners.notifyForeignMinistry), off in the presets.
describe('the notice to the Ministry of Foreign Affairs in the browser', () => {
  let app: TestApp;
  let org: TestOrg;
  let browser: Browser;
  let round: { id: string; code: string };

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app.dataSource);
    round = await presetRound(app, org);
    await dossiersAtAppraisal(app, org, round, ['Somchai Vongsa', 'Trần Văn Hòa'], {
      foreigners: { 'Somchai Vongsa': 'Lào' },
    });
    await grantFromAppraisal(app, org, round.id);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the form only once the round asks for it, and records the foreigner named', async () => {
    const [{ list_id: listId }] = await app.dataSource.query(
      'SELECT list_id FROM president_decisions WHERE round_id = $1',
      [round.id],
    );
    const page = await newPage(browser);
    await login(page, app.baseUrl, org.users[Role.COUNCIL_STANDING_OFFICER]);
    await page.goto(`${app.baseUrl}/lists/${listId}`);
    expect(await page.$('#foreign-ministry')).toBeNull();

    const admin = await client(app, org.users[Role.ADMIN]);
    const current = await admin.get(`/api/rounds/${round.code}`);
    const on = await admin.put(`/api/rounds/${round.code}`, {
      expectedVersion: current.body.version,
      parameters: {
        ...current.body.parameters,
        foreigners: { notifyForeignMinistry: seen(true, 'Hướng dẫn của đợt thử nghiệm') },
      },
    });
    expect(on.status).toBe(200);

    await page.goto(`${app.baseUrl}/lists/${listId}`);
    // The page speaks of the round's choice and its basis in words, never of the parameter's internal name.
    expect(await text(page, 'main')).toContain('Luật Đặc xá 2018, Điều 10, khoản 1, điểm g và khoản 2');
    expect(await text(page, 'main')).not.toContain('notifyForeignMinistry');
    const form = '#foreign-ministry-form';
    expect(await text(page, `${form} fieldset`)).toContain('Somchai Vongsa (Lào)');
    expect(await text(page, `${form} fieldset`)).not.toContain('Trần Văn Hòa');
    await page.type('#fm-number', '215/HĐTVĐX-TT');
    await page.type('#fm-notified-on', '28/08/2025');
    await submit(page, `${form} button[type=submit]`);
    expect(await text(page, '.alert')).toContain('không được trước ngày Quyết định đặc xá (29/08/2025)');

    await page.type('#fm-number', '215/HĐTVĐX-TT');
    await page.type('#fm-notified-on', '02/09/2025');
    await submit(page, `${form} button[type=submit]`);
    expect(await text(page, 'main')).toContain('Đã ghi nhận việc thông báo cho Bộ Ngoại giao.');
    expect(await text(page, '.foreign-ministry-notice')).toBe(
      'Đã thông báo cho Bộ Ngoại giao: văn bản số 215/HĐTVĐX-TT ngày 02/09/2025 về Somchai Vongsa (Lào).',
    );
    expect(await page.$(form)).toBeNull();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await snapshot(page, 'foreign-ministry-notice');
  }, 240_000);
});
