import { extractPages, flatText } from '../documents/support/pdf-text.js';
import type { Browser } from 'puppeteer-core';
import { Role } from '../../src/auth/user.entity.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { horizontalOverflow, login, newPage, openBrowser, snapshot, submit, text } from './support/browser.js';
import { addPresidentOffice, dossiersAtAppraisal, presetRound } from './support/pipeline.js';

// The national bodies' path: an appraiser pins a finding to one field of a dossier and gives the agency's opinion;
// the standing body settles the finding, writes the explanatory report, sends the list on and downloads its PDF.

describe('appraiser and standing body in the browser', () => {
  let app: TestApp;
  let org: TestOrg;
  let browser: Browser;
  let ids: string[];
  let round: { id: string; code: string };

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app.dataSource);
    round = await presetRound(app, org);
    ids = await dossiersAtAppraisal(app, org, round, ['Lê Văn Cường', 'Phạm Thị Dung']);
    await addPresidentOffice(app, org);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets an appraiser flag a field in place, give the opinion and send the list on', async () => {
    const page = await newPage(browser);
    await login(page, app.baseUrl, org.users[Role.APPRAISER]);
    expect(await text(page, '#waiting + .table-wrap')).toContain('Tổ thẩm định liên ngành');
    await page.goto(`${app.baseUrl}/appraisal`);
    const queue = await text(page, 'tbody');
    expect(queue).toContain('Lê Văn Cường');
    expect(queue).toContain('Phạm Thị Dung');
    await Promise.all([page.waitForNavigation(), page.click(`a[href="/dossiers/${ids[0]}"]`)]);
    expect(await text(page, '#engine-title')).toBe('Kết quả đánh giá điều kiện');
    expect(await page.$$eval('.rule', (rules) => rules.length)).toBeGreaterThan(5);
    expect(await text(page, 'main')).toContain('Quá trình xử lý');
    expect(await text(page, 'main')).toContain('Đội giới thiệu (đạt tỷ lệ phiếu)');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    const field = 'dd[data-field="judgments[0].number"]';
    await page.click(`${field} [data-flag-toggle]`);
    await page.click(`${field} input[value="form"]`);
    await page.type(`${field} textarea`, 'Sai');
    await submit(page, `${field} .flag-form button[type=submit]`);
    expect(await text(page, `${field} .flag-form .error`)).toContain('từ 5 đến 2.000 ký tự');

    expect(await page.$eval(`${field} input[value="form"]`, (el) => (el as HTMLInputElement).checked)).toBe(true);
    await page.type(
      `${field} textarea`,
      ' số bản án: bản sao ghi 123/2019/HS-ST nhưng phiếu đề nghị ghi 132/2019/HS-ST.',
    );
    await submit(page, `${field} .flag-form button[type=submit]`);
    expect(await text(page, '.flash')).toBe('Đã ghi ý kiến thẩm định vào trường đã chọn.');
    expect(await text(page, `${field} .flag-mark`)).toContain('Sai sót về hình thức');
    await snapshot(page, 'appraiser-flag');

    await page.click('input[name="opinion"][value="disagree"]');
    await page.type('#opinion-note', 'Đề nghị làm rõ số bản án trước khi trình Hội đồng.');
    await submit(page, 'form[action$="/opinion"] button[type=submit]');
    expect(await text(page, '.flash')).toBe('Đã ghi ý kiến của cơ quan.');

    await page.goto(`${app.baseUrl}/appraisal/flags`);
    expect(await text(page, 'tbody')).toContain('Bản án 1 › Số bản án');
    expect(await text(page, 'tbody')).toContain('Chưa giải quyết');

    // Every agency the round names gives its opinion on every person before the list leaves the team.
    await page.goto(`${app.baseUrl}/dossiers/${ids[1]}`);
    await page.click('input[name="opinion"][value="agree"]');
    await submit(page, 'form[action$="/opinion"] button[type=submit]');
    expect(await text(page, '.flash')).toBe('Đã ghi ý kiến của cơ quan.');

    // The appraisal team forwards from its own menu.
    await Promise.all([page.waitForNavigation(), page.click('nav a[href="/lists"]')]);
    await page.goto(`${app.baseUrl}/lists?roundId=${round.id}`);
    expect(await text(page, '#pending-title')).toContain('Tổ thẩm định liên ngành');
    await submit(page, 'form[action="/lists/forward"] button');
    expect(await text(page, '.flash')).toBe('Đã chuyển danh sách lên cấp trên.');
    await page.close();
  });

  it('lets the standing body settle the finding, write the report, send the list and download its PDF', async () => {
    const page = await newPage(browser);
    await login(page, app.baseUrl, org.users[Role.COUNCIL_STANDING_OFFICER]);
    await page.goto(`${app.baseUrl}/standing/flags`);
    const panel = `section[data-dossier="${ids[0]}"]`;
    expect(await text(page, panel)).toContain('Lê Văn Cường – Bản án 1 › Số bản án');
    await page.click(`${panel} input[name="accept"][value="false"]`);
    await submit(page, `${panel} button[type=submit]`);
    expect(await text(page, '.alert')).toContain('phải ghi rõ lý do');

    await page.click(`${panel} input[name="accept"][value="false"]`);
    await page.type(`${panel} textarea`, 'Bản sao bản án trong hồ sơ ghi đúng số 123/2019/HS-ST; sai sót không có.');
    await submit(page, `${panel} button[type=submit]`);
    expect(await text(page, '.flash')).toBe('Đã giải quyết ý kiến thẩm định.');
    expect(await text(page, panel)).toContain('Không chấp nhận');

    await page.goto(`${app.baseUrl}/lists?roundId=${round.id}`);
    await submit(page, 'form[action="/lists/forward"] button');
    expect(await text(page, '.alert')).toContain('báo cáo giải trình');

    await page.goto(`${app.baseUrl}/standing/report?roundId=${round.id}`);
    await submit(page, 'form[method="post"][action="/standing/report"] button');
    expect(await text(page, '.flash')).toBe('Đã lập báo cáo giải trình.');
    expect(await text(page, 'section.panel')).toContain('Lê Văn Cường');

    await page.goto(`${app.baseUrl}/lists?roundId=${round.id}`);
    await submit(page, 'form[action="/lists/forward"] button');
    expect(await text(page, '.flash')).toBe('Đã chuyển danh sách lên cấp trên.');
    expect(await text(page, 'tbody')).toContain('Phạm Thị Dung');

    await page.type('#doc-number', '05/DS-TT');
    await page.type('#doc-date', '20/08/2025');
    await page.type('#signer-title', 'Chánh Văn phòng Thường trực');
    // "Nơi nhận" comes pre-filled with the next level the list goes to and the archive line; the clerk replaces the
    // addressee and types a second archive line.
    expect(await page.$eval('#doc-recipients', (el) => (el as HTMLTextAreaElement).value)).toBe(
      'Hội đồng tư vấn đặc xá\nLưu: VT.',
    );
    await page.$eval('#doc-recipients', (el) => {
      (el as HTMLTextAreaElement).value = 'Văn phòng Chủ tịch nước\nLưu: VT, ĐXA.\nLưu: VT.';
    });
    await submit(page, 'form[action$="/documents"] button');
    expect(new URL(page.url()).pathname).toMatch(/^\/documents\/jobs\//);
    await snapshot(page, 'standing-job');
    await page.waitForSelector('#job-download:not([hidden]), #job-error:not([hidden])', { timeout: 60_000 });
    expect(await page.$eval('#job-error', (el) => (el.hasAttribute('hidden') ? '' : el.textContent))).toBe('');
    expect(await page.$eval('#job-progress', (el) => (el as HTMLProgressElement).value)).toBe(100);
    await snapshot(page, 'standing-pdf');
    const href = await page.$eval('#job-download a', (a) => a.getAttribute('href'));
    const pdf = await page.evaluate(async (url) => {
      const res = await fetch(url as string);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return {
        type: res.headers.get('content-type'),
        head: String.fromCharCode(...bytes.slice(0, 5)),
        size: bytes.length,
        bytes: Array.from(bytes),
      };
    }, href);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.head).toBe('%PDF-');
    expect(pdf.size).toBeGreaterThan(1000);
    // Date, number and Nơi nhận as typed in the form; "Lưu" printed once.
    const printed = flatText(await extractPages(new Uint8Array(pdf.bytes)));
    expect(printed).toContain('ngày 20 tháng 8 năm 2025');
    expect(printed).toContain('Số: 05/DS-TT');
    expect(printed).toContain('- Văn phòng Chủ tịch nước;');
    expect(printed.match(/Lưu:/g)).toHaveLength(1);
    expect(printed).toContain('- Lưu: VT, ĐXA.');
    await page.close();
  }, 120_000);

  it('lets the Council fix its lists and the standing body record the President’s decision', async () => {
    const council = await newPage(browser);
    await login(council, app.baseUrl, org.users[Role.COUNCIL_MEMBER]);
    await council.goto(`${app.baseUrl}/council?roundId=${round.id}`);
    const row = await council.$$eval('tbody tr', (rows) =>
      rows.findIndex((r) => r.textContent?.includes('Phạm Thị Dung')),
    );
    await council.click(`input[name="rows[${row}][ineligible]"]`);
    await council.type(`input[name="rows[${row}][reason]"]`, 'Bị kỷ luật tháng 8/2025.');
    // Without its coded reason the table comes back as ticked and typed, the refusal on the person's row.
    await submit(council, 'form[action="/council"][method="post"] button');
    expect(await text(council, `#council-row-${row}-error`)).toContain('Chọn lý do theo quy định');
    expect(
      await council.$eval(`input[name="rows[${row}][ineligible]"]`, (el) => (el as HTMLInputElement).checked),
    ).toBe(true);
    expect(await council.$eval(`input[name="rows[${row}][reason]"]`, (el) => (el as HTMLInputElement).value)).toBe(
      'Bị kỷ luật tháng 8/2025.',
    );
    await council.select(`select[name="rows[${row}][reasonCode]"]`, 'new_violation');
    await submit(council, 'form[action="/council"][method="post"] button');
    expect(await text(council, '.flash')).toBe('Đã ghi quyết định.');
    expect(await text(council, 'tbody')).toContain('Lê Văn Cường');
    expect(await text(council, 'tbody')).not.toContain('Phạm Thị Dung');
    await council.close();

    const page = await newPage(browser);
    await login(page, app.baseUrl, org.users[Role.COUNCIL_STANDING_OFFICER]);
    await page.goto(`${app.baseUrl}/standing/president`);
    await page.type('#decision-number', `${org.suffix.slice(0, 4)}/QĐ-CTN`);
    await page.type('#decision-date', '30/08/2025');
    await submit(page, 'form[action="/standing/president"] button');
    expect(await text(page, '.flash')).toBe('Đã ghi quyết định.');
    const heading = await text(page, 'h1');
    expect(heading).toContain('Danh sách kèm theo Quyết định đặc xá của Chủ tịch nước');
    expect(heading).not.toMatch(/[A-Z]+_[A-Z_]+/);
    expect(await text(page, 'tbody')).toContain('Lê Văn Cường');
    const stage = await app.dataSource.query('SELECT stage FROM dossiers WHERE id = $1', [ids[0]]);
    expect(stage[0].stage).toBe('granted');
    await page.close();
  });

  it('lets the warden release a granted person from the menu and print the certificate', async () => {
    const page = await newPage(browser);
    await login(page, app.baseUrl, org.users[Role.WARDEN]);
    await page.goto(`${app.baseUrl}/dossiers/${ids[0]}`);
    // The granted dossier's one action is the table's release, done on the certificates page.
    await Promise.all([page.waitForNavigation(), page.click('.actions a[href="/releases"]')]);
    expect(await text(page, 'nav')).toContain('Tha tù, giấy chứng nhận');
    const certificate = await page.$eval('tbody tr', (tr) => tr.id.slice(2));
    const input = `#released-${certificate}`;
    await page.type(input, '31/02/2025');
    await submit(page, 'tbody button[type=submit]');
    expect(await text(page, `${input}-error`)).toContain('dd/mm/yyyy');
    expect(await page.$eval(input, (el) => (el as HTMLInputElement).value)).toBe('31/02/2025');
    await page.$eval(input, (el) => ((el as HTMLInputElement).value = ''));
    await page.type(input, '05/09/2025');
    await submit(page, 'tbody button[type=submit]');
    expect(await text(page, '.flash')).toBe('Đã ghi nhận việc tha tù và cấp Giấy chứng nhận đặc xá.');
    expect(await text(page, 'section.panel h3')).toContain('tha tù ngày 05/09/2025');
    expect((await app.dataSource.query('SELECT stage FROM dossiers WHERE id = $1', [ids[0]]))[0].stage).toBe(
      'released',
    );
    // Each released person's certificate has its own form, its fields named after the certificate.
    await page.type(`#c-${certificate}-doc-number`, '07/GCN-TG');
    await page.type(`#c-${certificate}-signer-title`, 'Giám thị');
    await submit(page, 'section.panel form[action="/documents"] button');
    await page.waitForSelector('#job-download:not([hidden]), #job-error:not([hidden])', { timeout: 60_000 });
    expect(await page.$eval('#job-error', (el) => (el.hasAttribute('hidden') ? '' : el.textContent))).toBe('');
    await snapshot(page, 'warden-certificate');
    await page.close();
  }, 120_000);

  it('lets a ministry officer start a screening from the menu and follow it to the end', async () => {
    const page = await newPage(browser);
    await login(page, app.baseUrl, org.users[Role.MINISTRY_OFFICER]);
    await Promise.all([page.waitForNavigation(), page.click('nav a[href="/screenings"]')]);
    await page.select('#roundId', round.id);
    await submit(page, 'form[action="/screenings"] button');
    expect(new URL(page.url()).pathname).toMatch(/^\/screenings\/[0-9a-f-]{36}$/);
    expect(await text(page, '.flash')).toContain('Đã bắt đầu rà soát');
    await page.waitForSelector('#screening-done:not([hidden]), #screening-error:not([hidden])', { timeout: 60_000 });
    expect(await text(page, '#screening-status')).toMatch(/^Hoàn thành – \d+ \/ \d+ hồ sơ \(100%\)$/);
    await page.goto(`${app.baseUrl}/screenings`);
    expect(await text(page, 'tbody')).toContain('Hoàn thành');
    await page.close();
  }, 90_000);
});
