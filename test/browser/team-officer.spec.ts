import type { Browser, Page } from 'puppeteer-core';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { fill, horizontalOverflow, login, newPage, openBrowser, snapshot, submit, text } from './support/browser.js';
import { presetRound } from './support/pipeline.js';

// A team officer's day: sign in, nominate a candidate (a wrong date is caught beside its field, then fixed), and
// record the team's ballot with its arithmetic checked.
describe('team officer in the browser', () => {
  let app: TestApp;
  let org: TestOrg;
  let browser: Browser;
  let page: Page;
  let round: { id: string; code: string };

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app.dataSource);
    round = await presetRound(app, org);
    browser = await openBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('signs in and lands on the work queue', async () => {
    await page.goto(`${app.baseUrl}/dossiers`);
    expect(page.url()).toContain('/login?next=%2Fdossiers');
    await login(page, app.baseUrl, org.users.TEAM_OFFICER);
    expect(page.url().replace(app.baseUrl, '')).toBe('/dossiers');
    await page.goto(`${app.baseUrl}/`);
    expect(await text(page, 'h1')).toBe('Việc cần làm');
    expect(await text(page, '.cards')).toContain('Hồ sơ chờ tôi xử lý');
    expect(await text(page, '.cards')).toContain('Hồ sơ quá hạn');
    expect(await text(page, '.cards')).toContain('Hồ sơ tôi đã trả về');
  });

  it('enters a nomination, sees the message beside the wrong field, fixes it and saves', async () => {
    await page.goto(`${app.baseUrl}/dossiers/new`);
    await snapshot(page, 'nomination-new');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await fill(page, 'roundCode', round.code);
    await fill(page, 'facilityCode', org.facility.code);
    await fill(page, 'teamCode', org.team.code);
    await fill(page, 'inmateNumber', `PN-${org.suffix}`);
    await fill(page, 'person.fullName', 'Trần Văn Bình');
    await fill(page, 'person.birthDate', '31/02/1985');
    await fill(page, 'person.sex', 'MALE');
    await fill(page, 'person.ethnicity', 'Kinh');
    for (const where of ['registeredResidence', 'residenceAfterRelease']) {
      await fill(page, `person.${where}.commune`, 'Phường Khương Đình');
      await fill(page, `person.${where}.province`, 'Hà Nội');
    }
    await fill(page, 'aggregateSentence.years', '6');
    await fill(page, 'judgments[0].number', '123/2019/HS-ST');
    await fill(page, 'judgments[0].date', '20/06/2019');
    await fill(page, 'judgments[0].court', 'Tòa án nhân dân quận Thanh Xuân');
    await fill(page, 'judgments[0].sentence.years', '6');
    await fill(page, 'judgments[0].offences[0].name', 'Trộm cắp tài sản');
    await fill(page, 'judgments[0].offences[0].article', '173');
    await fill(page, 'judgments[0].offences[0].chapter', '16');
    await fill(page, 'judgments[0].offences[0].sentence.years', '6');
    await fill(page, 'intervals[0].from', '05/11/2018');
    await page.click('fieldset[data-group="obligations"] > [data-add-row]');
    await fill(page, 'obligations[0].kind', 'COURT_FEE');
    await fill(page, 'obligations[0].creditor', 'STATE');
    await fill(page, 'obligations[0].amountDue', '1250000');
    await fill(page, 'obligations[0].amountPaid', '1.250.000');
    await fill(page, 'obligations[0].status', 'PAID');
    await fill(page, 'application.date', '08/07/2025');
    await page.click('[data-path="application.signed"]');
    await submit(page);

    const birth = await page.$eval('[data-path="person.birthDate"]', (el) => ({
      invalid: el.getAttribute('aria-invalid'),
      message: el.parentElement?.querySelector('.error')?.textContent ?? '',
    }));
    await snapshot(page, 'nomination-error');
    expect(birth.invalid).toBe('true');
    expect(birth.message).toContain('Ngày sinh không hợp lệ');
    expect(await text(page, '#error-summary')).toContain('Lý lịch');
    expect(await page.$eval('[data-path="obligations[0].amountDue"]', (el) => (el as HTMLInputElement).value)).toBe(
      '1.250.000',
    );

    await fill(page, 'person.birthDate', '14/03/1985');
    await submit(page);
    expect(new URL(page.url()).pathname).toMatch(/^\/dossiers\/[0-9a-f-]{36}$/);
    await snapshot(page, 'dossier-view');
    expect(await text(page, '.flash')).toBe('Đã lập hồ sơ đề nghị đặc xá.');
    const facts = await text(page, '.split');
    expect(facts).toContain('14/03/1985');
    expect(facts).toContain('1.250.000 ₫');
    expect(await text(page, '#engine-title')).toBe('Kết quả đánh giá điều kiện');
    expect(await page.$$eval('.rule', (rules) => rules.length)).toBeGreaterThan(5);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });

  it('records the team ballot, its arithmetic checked while typing and again on submit', async () => {
    await page.goto(`${app.baseUrl}/ballots?roundId=${round.id}&teamId=${org.team.id}`);
    // Every waiting candidate at once: the header box ticks each row, one button sends them all.
    await page.click('#to-meeting thead input[data-check-all]');
    await submit(page, '#to-meeting button[type="submit"]');
    expect(await text(page, '.flash')).toBe('Đã đưa hồ sơ ra họp đội bình xét.');

    await page.type('#meetingDate', '12/07/2025');
    // The meeting's own facts, printed in its minutes.
    await page.type('#startedAt', '08:00');
    await page.type('#place', 'Hội trường phân trại số 1');
    await page.type('#secretaryName', 'Trung úy Lý Thị Ký');
    await page.type('#secretaryTitle', 'cán bộ quản giáo');
    for (const [id, value] of [
      ['membersPresent', '20'],
      ['membersAbsent', '1'],
      ['ballotsIssued', '20'],
      ['ballotsReturned', '20'],
      ['ballotsValid', '19'],
      ['ballotsInvalid', '2'],
    ]) {
      await page.type(`#${id}`, value);
    }
    expect(await text(page, '[data-error-for="ballotsValid"]')).toContain('phải bằng số phiếu thu về (20)');
    await page.$eval('#ballotsInvalid', (el) => {
      (el as HTMLInputElement).value = '';
    });
    await page.type('#ballotsInvalid', '1');
    expect(await text(page, '[data-error-for="ballotsValid"]')).toBe('');

    await page.type('#for-0', '15');
    await page.type('[name="candidates[0][votesAgainst]"]', '3');
    await page.type('[name="candidates[0][votesBlank]"]', '0');
    expect(await text(page, 'tr[data-row="0"] [data-tally]')).toContain('Tổng 18 phiếu, phải bằng 19 phiếu hợp lệ');
    await page.type('[name="candidates[0][officerOpinion]"]', 'Chấp hành tốt nội quy, tích cực lao động.');
    await submit(page);
    expect(await text(page, '#error-summary')).toContain('phải bằng số phiếu hợp lệ (19)');
    // What was typed stays after the error.
    expect(await page.$eval('#secretaryName', (el) => (el as HTMLInputElement).value)).toBe('Trung úy Lý Thị Ký');
    expect(await page.$eval('#startedAt', (el) => (el as HTMLInputElement).value)).toBe('08:00');
    await snapshot(page, 'ballot-error');

    await page.$eval('[name="candidates[0][votesBlank]"]', (el) => {
      (el as HTMLInputElement).value = '';
    });
    await page.type('[name="candidates[0][votesBlank]"]', '1');
    expect(await text(page, 'tr[data-row="0"] [data-tally]')).toBe('Khớp');
    await submit(page);
    expect(await text(page, '.flash')).toBe('Đã ghi biên bản họp đội và kết quả bỏ phiếu.');
    expect(await text(page, 'tbody')).toContain('Được giới thiệu');

    await page.type('#doc-number', '01/BB-DOI1');
    await page.type('#signer-title', 'Cán bộ quản giáo');
    await submit(page, 'form[action="/documents"] button');
    await page.waitForSelector('#job-download:not([hidden]), #job-error:not([hidden])', { timeout: 60_000 });
    expect(await page.$eval('#job-error', (el) => (el.hasAttribute('hidden') ? '' : el.textContent))).toBe('');
    await Promise.all([page.waitForNavigation(), page.click('a[href^="/ballots/meetings/"]')]);
    expect(await text(page, 'main')).toContain('Tải về (PDF)');
  }, 120_000);
});
