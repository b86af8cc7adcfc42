import type { Browser, Page } from 'puppeteer-core';
import type { TestApp } from '../../support/test-app.js';
import { fill, login, newPage, submit } from './browser.js';

// The steps every walk through the pages shares: people signing in, the menu, the round filter, the confirmation a
// page shows, and the nomination form as a team officer fills it in.
export class Walk {
  constructor(
    private readonly app: TestApp,
    private readonly browser: Browser,
    readonly round: { id: string; code: string },
  ) {}

  // Each person signs in on the login page, in a browser of their own (which saves downloads into `downloadPath`).
  async signIn(username: string, downloadPath?: string): Promise<Page> {
    const page = await newPage(this.browser, downloadPath);
    await page.goto(`${this.app.baseUrl}/`);
    await login(page, this.app.baseUrl, username);
    expect(new URL(page.url()).pathname).toBe('/');
    return page;
  }

  // From the menu, as a person finds the page.
  async open(page: Page, href: string): Promise<void> {
    await Promise.all([page.waitForNavigation(), page.click(`nav a[href="${href}"]`)]);
  }

  // The round chosen in the page's own filter.
  async chooseRound(page: Page): Promise<void> {
    await page.select('#roundId', this.round.id);
    await submit(page, 'form.filters button[type=submit]');
  }

  // The confirmation a page shows after a step; when the step was refused, the refusal instead, so the failure says why.
  async flash(page: Page): Promise<string> {
    return page.$eval('.flash, .alert, #error-summary', (el) => (el as HTMLElement).innerText);
  }

  async stage(name: string): Promise<string> {
    const rows = await this.app.dataSource.query('SELECT stage FROM dossiers WHERE round_id = $1 AND full_name = $2', [
      this.round.id,
      name,
    ]);
    return rows[0]?.stage;
  }

  // The nomination form as the team officer fills it in.
  async nominate(
    page: Page,
    input: { name: string; i: number; facilityCode: string; teamCode: string; suffix: string },
  ) {
    const { name, i } = input;
    // Inmate numbers and birth dates stay valid for up to eight people per walk.
    await this.open(page, '/dossiers/new');
    await fill(page, 'roundCode', this.round.code);
    await fill(page, 'facilityCode', input.facilityCode);
    await fill(page, 'teamCode', input.teamCode);
    await fill(page, 'inmateNumber', `PN-W${i}-${input.suffix}`);
    await fill(page, 'person.fullName', name);
    await fill(page, 'person.birthDate', `0${i + 2}/09/1980`);
    await fill(page, 'person.sex', i % 2 ? 'FEMALE' : 'MALE');
    await fill(page, 'person.ethnicity', 'Kinh');
    for (const where of ['registeredResidence', 'residenceAfterRelease']) {
      await fill(page, `person.${where}.commune`, 'Xã Tân Lập');
      await fill(page, `person.${where}.province`, 'Phú Thọ');
    }
    await fill(page, 'aggregateSentence.years', '5');
    await fill(page, 'judgments[0].number', `4${i}/2020/HS-ST`);
    await fill(page, 'judgments[0].date', '15/05/2020');
    await fill(page, 'judgments[0].court', 'Tòa án nhân dân huyện Tân Sơn');
    await fill(page, 'judgments[0].sentence.years', '5');
    await fill(page, 'judgments[0].offences[0].name', 'Trộm cắp tài sản');
    await fill(page, 'judgments[0].offences[0].article', '173');
    await fill(page, 'judgments[0].offences[0].chapter', '16');
    await fill(page, 'judgments[0].offences[0].sentence.years', '5');
    await fill(page, 'intervals[0].from', '10/01/2020');
    await fill(page, 'application.date', '01/07/2025');
    await page.click('[data-path="application.signed"]');
    await submit(page);
    expect(await this.flash(page)).toBe('Đã lập hồ sơ đề nghị đặc xá.');
  }
  // The team officer puts every waiting candidate to the team meeting and records the secret ballot, each of the
  // `rows` candidates carried by 18 of 20 votes.
  async teamBallot(page: Page, rows: number): Promise<void> {
    await this.open(page, '/ballots');
    await this.chooseRound(page);
    await page.click('#to-meeting thead input[data-check-all]');
    await submit(page, '#to-meeting button[type="submit"]');
    expect(await this.flash(page)).toBe('Đã đưa hồ sơ ra họp đội bình xét.');
    await page.type('#meetingDate', '12/07/2025');
    for (const [id, value] of [
      ['membersPresent', '20'],
      ['membersAbsent', '0'],
      ['ballotsIssued', '20'],
      ['ballotsReturned', '20'],
      ['ballotsValid', '20'],
      ['ballotsInvalid', '0'],
    ])
      await page.type(`#${id}`, value);
    for (let row = 0; row < rows; row += 1) {
      await page.type(`#for-${row}`, '18');
      await page.type(`[name="candidates[${row}][votesAgainst]"]`, '1');
      await page.type(`[name="candidates[${row}][votesBlank]"]`, '1');
      await page.type(`[name="candidates[${row}][officerOpinion]"]`, 'Chấp hành tốt nội quy trại giam.');
    }
    await submit(page);
    expect(await this.flash(page)).toBe('Đã ghi biên bản họp đội và kết quả bỏ phiếu.');
  }

  // The camp council finds each of its `rows` candidates eligible, beside the engine's verdict.
  async councilEligible(page: Page, rows: number): Promise<void> {
    await this.open(page, '/camp/council');
    await this.chooseRound(page);
    await page.$eval('#meetingDate', (el) => ((el as HTMLInputElement).value = ''));
    await page.type('#meetingDate', '15/07/2025');
    for (let row = 0; row < rows; row += 1) {
      await page.click(`input[name="decisions[${row}][eligible]"][value="true"]`);
      await page.type(`#reason-${row}`, 'Hội đồng đã đối chiếu đủ giấy tờ, đủ điều kiện đề nghị.');
    }
    await submit(page, '#council-decisions button[type=submit]');
    expect(await this.flash(page)).toBe('Đã ghi quyết định.');
  }

  // The unit sends on everything it holds for the round from its lists page.
  async forwardAll(page: Page): Promise<void> {
    await this.open(page, '/lists');
    await this.chooseRound(page);
    await submit(page, 'form[action="/lists/forward"] button');
    expect(await this.flash(page)).toBe('Đã chuyển danh sách lên cấp trên.');
  }

  // The standing body records the President's decision on the Council's list.
  async recordDecision(page: Page, number: string, date: string): Promise<void> {
    await this.open(page, '/standing/president');
    await Promise.all([page.waitForNavigation(), page.click('a[href^="/standing/president?listId="]')]);
    await page.type('#decision-number', number);
    await page.type('#decision-date', date);
    await submit(page, 'form[action="/standing/president"] button');
    expect(await this.flash(page)).toBe('Đã ghi quyết định.');
  }

  // The warden records the release of the first person on the releases page; returns the certificate's id.
  async release(page: Page, date: string): Promise<string> {
    await this.open(page, '/releases');
    const certificate = await page.$eval('tbody tr', (tr) => tr.id.slice(2));
    await page.type(`#released-${certificate}`, date);
    await submit(page, 'tbody button[type=submit]');
    expect(await this.flash(page)).toBe('Đã ghi nhận việc tha tù và cấp Giấy chứng nhận đặc xá.');
    return certificate;
  }

  // Waits on a document job's page until the PDF is ready; a failed job fails the walk with its reason.
  async waitForDocument(page: Page): Promise<void> {
    await page.waitForSelector('#job-download:not([hidden]), #job-error:not([hidden])', { timeout: 60_000 });
    expect(await page.$eval('#job-error', (el) => (el.hasAttribute('hidden') ? '' : el.textContent))).toBe('');
  }
}
