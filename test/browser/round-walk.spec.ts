import type { Browser, Page } from 'puppeteer-core';
import { Role } from '../../src/auth/user.entity.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { fill, openBrowser, snapshot, submit, text } from './support/browser.js';
import { Walk } from './support/walk.js';
import { addPresidentOffice, presetRound } from './support/pipeline.js';

// One small round from nomination to the amnesty certificate, every step taken by the person who does it, on the
// pages of that person's menu: no step over the API. The organisation and the round are set up by the factories.
const NAME = 'Đỗ Văn Thành';
const OTHER = 'Hoàng Thị Mai';

describe('a whole round walked in the browser, role by role', () => {
  let app: TestApp;
  let org: TestOrg;
  let browser: Browser;
  let round: { id: string; code: string };

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app.dataSource);
    round = await presetRound(app, org);
    await addPresidentOffice(app, org);
    browser = await openBrowser();
    walk = new Walk(app, browser, round);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  let walk: Walk;
  const signIn = (role: Role): Promise<Page> => walk.signIn(org.users[role]);
  const open = (page: Page, href: string) => walk.open(page, href);
  const chooseRound = (page: Page) => walk.chooseRound(page);
  const flash = (page: Page) => walk.flash(page);
  const stage = (name: string) => walk.stage(name);

  async function usersOfOrg(): Promise<string[]> {
    const rows: { id: string }[] = await app.dataSource.query('SELECT id FROM users WHERE username = ANY($1)', [
      Object.values(org.users),
    ]);
    return rows.map((r) => r.id);
  }

  // The row of a table that names the person.
  async function rowOf(page: Page, rows: string, name: string): Promise<number> {
    const index = await page.$$eval(rows, (trs, who) => trs.findIndex((tr) => tr.textContent?.includes(who)), name);
    expect(index).toBeGreaterThanOrEqual(0);
    return index;
  }

  // Asks for a PDF from the form in `scope`, as the official fills it in, and lands on the job's page; the rendering
  // goes on in the background while the walk continues, and the test waits for every document at the end.
  // `scope` is where the form sits, or `LIST_FORM` for a list's own document among the page's other forms.
  async function requestPdf(page: Page, scope: string, number: string, signerTitle?: string): Promise<void> {
    const form = scope === LIST_FORM ? LIST_FORM : `${scope} form[action="/documents"]`;
    await page.type(`${form} input[name="number"]`, number);
    if (signerTitle) await page.type(`${form} input[name="signerTitle"]`, signerTitle);
    await submit(page, `${form} button[type=submit]`);
    const refused = await page.$eval('main', (el) => el.querySelector('.alert, .error')?.textContent ?? '');
    expect({ path: new URL(page.url()).pathname.replace(/[0-9a-f-]{36}$/, ':id'), refused }).toEqual({
      path: '/documents/jobs/:id',
      refused: '',
    });
  }

  // A list page's form for the list itself (its fields carry no prefix; the page's other forms do).
  const LIST_FORM = 'form[action="/documents"]:has(#doc-number)';

  // A list made or received, opened from the table of lists by what it is called.
  async function openList(page: Page, name: string): Promise<void> {
    await open(page, '/lists');
    const href = await page.$$eval(
      'main a[href^="/lists/"]',
      (links, wanted) => links.find((a) => a.textContent?.startsWith(wanted as string))?.getAttribute('href'),
      name,
    );
    expect(href).toBeTruthy();
    await page.goto(new URL(href!, page.url()).toString());
  }

  async function back(page: Page): Promise<void> {
    await Promise.all([page.waitForNavigation(), page.click('main p > a:not([download])')]);
  }

  it('takes two people from the nomination to the Council and one of them to the certificate', async () => {
    // The team officer nominates, puts the person to the team meeting and records the secret ballot.
    const team = await signIn(Role.TEAM_OFFICER);
    for (const [i, name] of [NAME, OTHER].entries())
      await walk.nominate(team, {
        name,
        i,
        facilityCode: org.facility.code,
        teamCode: org.team.code,
        suffix: org.suffix,
      });
    expect(await stage(NAME)).toBe('application');

    await walk.teamBallot(team, 2);
    expect(await stage(NAME)).toBe('camp_council');
    await requestPdf(team, 'main', '01/BB-DOI1', 'Cán bộ quản giáo');
    await team.close();

    // The camp council decides beside the engine's verdict.
    const council = await signIn(Role.CAMP_COUNCIL_MEMBER);
    await walk.councilEligible(council, 2);
    expect(await stage(NAME)).toBe('warden');
    await council.close();

    // The warden approves and posts the list, notifies the procuracy and sends the list to the department.
    const warden = await signIn(Role.WARDEN);
    await open(warden, '/camp/council');
    await chooseRound(warden);
    await warden.type('#postedOn', '16/07/2025');
    await submit(warden, 'form[action="/camp/lists"] button[type=submit]');
    expect(new URL(warden.url()).pathname).toMatch(/^\/lists\/[0-9a-f-]{36}$/);
    expect(await text(warden, 'tbody')).toContain(NAME);
    await warden.type('#notice-number', '01/TB-TG');
    await warden.type('#notified-on', '17/07/2025');
    await submit(warden, 'form[action$="/procuracy-notice"] button[type=submit]');
    expect(await text(warden, '.notice')).toContain('văn bản số 01/TB-TG ngày 17/07/2025');
    // The notice is printed from where it is shown, its number and date as recorded.
    await warden.click('#procuracy-notice-pdf summary');
    expect(await warden.$eval('#procuracy-notice-doc-number', (el) => (el as HTMLInputElement).value)).toBe('01/TB-TG');
    expect(await warden.$eval('#procuracy-notice-doc-date', (el) => (el as HTMLInputElement).value)).toBe('17/07/2025');
    await warden.type('#procuracy-notice-signer-title', 'Giám thị');
    await submit(warden, '#procuracy-notice-pdf button[type=submit]');
    await walk.waitForDocument(warden);
    await back(warden);
    // The camp council's minutes, printed from the camp's list.
    await warden.type('#council-minutes-doc-number', '02/BB-HĐ');
    await warden.type('#council-minutes-signer-title', 'Giám thị');
    await submit(warden, 'form:has(#council-minutes-doc-number) button[type=submit]');
    await back(warden);
    // The camp's eligible list itself, with the recipients the law names pre-filled.
    await requestPdf(warden, LIST_FORM, '03/DS-TG', 'Giám thị');
    await back(warden);
    await submit(warden, 'form[action$="/submit"] button[type=submit]');
    expect(await flash(warden)).toBe('Đã chuyển danh sách lên cấp trên.');
    await warden.close();

    // The managing department sends one person back to the camp for a correction.
    const department = await signIn(Role.DEPARTMENT_OFFICER);
    await open(department, '/lists');
    await chooseRound(department);
    expect(await text(department, '#pending-bulk tbody')).toContain(NAME);
    await department.click(`#pending-bulk input[aria-label="Chọn ${OTHER}"]`);
    await department.select('#pending-event', 'send_back');
    await department.type('#pending-reason', 'Bản án ghi sai tên Tòa án, đề nghị trại sửa lại.');
    await submit(department, '#pending-bulk button[type=submit]');
    expect(await flash(department)).toBe('Đã trả hồ sơ về trại để bổ sung, sửa chữa.');
    expect(await stage(OTHER)).toBe('correction');

    // The team officer finds the returned dossier on the home page and corrects it; the warden sends it back up.
    const correcting = await signIn(Role.TEAM_OFFICER);
    await Promise.all([correcting.waitForNavigation(), correcting.click(`#returned + ul a`)]);
    expect(await text(correcting, '.notice')).toContain('Bản án ghi sai tên Tòa án');
    await Promise.all([correcting.waitForNavigation(), correcting.click('.actions a[href$="/edit"]')]);
    await fill(correcting, 'judgments[0].court', 'Tòa án nhân dân huyện Thanh Sơn');
    await submit(correcting);
    expect(await flash(correcting)).toBe('Đã lưu hồ sơ.');
    await correcting.close();
    const resubmitting = await signIn(Role.WARDEN);
    await Promise.all([resubmitting.waitForNavigation(), resubmitting.click(`#returned + ul a`)]);
    expect(await text(resubmitting, '#action-resubmit summary')).toBe('Gửi lại sau khi sửa chữa');
    await resubmitting.click('#action-resubmit summary');
    await submit(resubmitting, '#action-resubmit button[type=submit]');
    expect(await flash(resubmitting)).toBe('Đã gửi lại hồ sơ sau khi bổ sung, sửa chữa.');
    await resubmitting.close();
    expect(await stage(OTHER)).toBe('department');

    // The department and then the ministry consolidate and send one hop up.
    for (const role of [Role.DEPARTMENT_OFFICER, Role.MINISTRY_OFFICER]) {
      const officer = role === Role.DEPARTMENT_OFFICER ? department : await signIn(role);
      await open(officer, '/lists');
      await chooseRound(officer);
      expect(await text(officer, '#pending-bulk tbody')).toContain(OTHER);
      await submit(officer, 'form[action="/lists/forward"] button');
      expect(await flash(officer)).toBe('Đã chuyển danh sách lên cấp trên.');
      if (role === Role.MINISTRY_OFFICER) {
        // The list it sent, downloaded from its page as a spreadsheet opens it: CSV in UTF-8 with its BOM.
        const csv = await officer.$eval('#export-csv', async (a) => {
          const res = await fetch((a as HTMLAnchorElement).href);
          const bytes = new Uint8Array(await res.arrayBuffer());
          return { status: res.status, bom: Array.from(bytes.slice(0, 3)), body: new TextDecoder().decode(bytes) };
        });
        expect(csv.status).toBe(200);
        expect(csv.bom).toEqual([0xef, 0xbb, 0xbf]);
        expect(csv.body).toContain(NAME);
        expect(csv.body).toContain(OTHER);
      }
      await officer.close();
    }
    expect(await stage(NAME)).toBe('appraisal');

    // The appraisal team: its agency's opinions on the whole list, the record, the list sent to the standing body.
    const appraiser = await signIn(Role.APPRAISER);
    await open(appraiser, '/appraisal');
    // The team's note on one dossier, printed from the dossier's page.
    await Promise.all([appraiser.waitForNavigation(), appraiser.click(`#opinions tbody a[href^="/dossiers/"]`)]);
    await requestPdf(appraiser, 'main', '03/PTĐ-TTĐ', 'Tổ trưởng');
    await open(appraiser, '/appraisal');
    expect(await text(appraiser, '#opinions tbody')).toContain(NAME);
    // Agreed on everyone but one: the exception carries the agency's reason.
    const except = await rowOf(appraiser, '#opinions tbody tr', OTHER);
    await appraiser.click(`input[name="rows[${except}][except]"]`);
    await appraiser.select(`select[name="rows[${except}][opinion]"]`, 'disagree');
    await appraiser.type(`textarea[name="rows[${except}][note]"]`, 'Chưa đủ thời gian chấp hành án theo bản án.');
    await submit(appraiser, '#opinions button[type=submit]');
    expect(await flash(appraiser)).toContain('Đã ghi ý kiến');
    await open(appraiser, '/appraisal-records');
    await appraiser.select('#roundId', round.id);
    await submit(appraiser, 'form[action="/appraisal-records"] button');
    expect(await text(appraiser, '#record')).toContain(NAME);
    // The record's time in the table of records, as Vietnam reads it.
    await requestPdf(appraiser, '#record', '04/BB-TĐ');
    await open(appraiser, '/appraisal-records');
    expect(await text(appraiser, 'table tbody tr td:nth-child(5)')).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await walk.forwardAll(appraiser);
    await appraiser.close();
    expect(await stage(NAME)).toBe('standing_body');

    // The standing body writes its report and sends the list to the Advisory Council.
    const standing = await signIn(Role.COUNCIL_STANDING_OFFICER);
    await open(standing, '/standing/report');
    await chooseRound(standing);
    await submit(standing, 'form[method="post"][action="/standing/report"] button');
    expect(await flash(standing)).toBe('Đã lập báo cáo giải trình.');
    await requestPdf(standing, 'section.panel', '05/BC-TT', 'Chánh Văn phòng Thường trực');
    await walk.forwardAll(standing);
    await standing.close();

    // The Advisory Council fixes the list to the President.
    const councilMember = await signIn(Role.COUNCIL_MEMBER);
    await open(councilMember, '/council');
    await chooseRound(councilMember);
    expect(await text(councilMember, 'tbody')).toContain(NAME);
    const refused = await rowOf(councilMember, 'tbody tr', OTHER);
    await councilMember.click(`input[name="rows[${refused}][ineligible]"]`);
    await councilMember.select(`select[name="rows[${refused}][reasonCode]"]`, 'conditions_not_met');
    await councilMember.type(`input[name="rows[${refused}][reason]"]`, 'Chưa đủ thời gian chấp hành án.');
    await submit(councilMember, 'form[action="/council"][method="post"] button');
    expect(await flash(councilMember)).toBe('Đã ghi quyết định.');
    // The Council's two lists printed from their pages, and the submission to the President from its eligible list.
    await openList(councilMember, 'Danh sách Hội đồng tư vấn đặc xá không đề nghị đặc xá');
    await requestPdf(councilMember, LIST_FORM, '06/DS-HĐTV', 'Chủ tịch Hội đồng');
    await openList(councilMember, 'Danh sách Hội đồng tư vấn đặc xá đề nghị đặc xá');
    await requestPdf(councilMember, LIST_FORM, '07/DS-HĐTV', 'Chủ tịch Hội đồng');
    await openList(councilMember, 'Danh sách Hội đồng tư vấn đặc xá đề nghị đặc xá');
    await councilMember.type('#submission-doc-number', '08/TTr-HĐTV');
    await councilMember.type('#submission-signer-title', 'Chủ tịch Hội đồng');
    await submit(councilMember, 'form:has(#submission-doc-number) button[type=submit]');
    expect(new URL(councilMember.url()).pathname).toMatch(/^\/documents\/jobs\//);
    await councilMember.close();

    // The standing body records the President's decision.
    const decision = await signIn(Role.COUNCIL_STANDING_OFFICER);
    await walk.recordDecision(decision, `${org.suffix.slice(0, 4)}/QĐ-CTN`, '30/08/2025');
    expect(await stage(NAME)).toBe('granted');
    expect(await stage(OTHER)).not.toBe('granted');
    await decision.close();

    // The warden releases the person and prints the certificate.
    const release = await signIn(Role.WARDEN);
    const certificate = await walk.release(release, '02/09/2025');
    expect(await stage(NAME)).toBe('released');
    await release.type(`#c-${certificate}-doc-number`, '09/GCN-TG');
    await release.type(`#c-${certificate}-signer-title`, 'Giám thị');
    await submit(release, 'section.panel form[action="/documents"] button');
    await walk.waitForDocument(release);
    await snapshot(release, 'round-walk-certificate');
    // The camp's proposal sheet, printed from the person's page.
    await back(release);
    await Promise.all([release.waitForNavigation(), release.click('section.panel h3 a[href^="/dossiers/"]')]);
    await requestPdf(release, 'main', '10/PĐN-TG', 'Giám thị');
    await release.close();

    // Every document asked for on the way was made.
    let documents: { kind: string; rendered: boolean }[] = [];
    for (let tries = 0; tries < 120; tries++) {
      documents = await app.dataSource.query(
        `SELECT kind, rendered_at IS NOT NULL AS rendered FROM documents WHERE created_by = ANY($1) ORDER BY kind`,
        [await usersOfOrg()],
      );
      if (documents.length && documents.every((d) => d.rendered)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(documents).toEqual(
      [
        'appraisal-note',
        'appraisal-record',
        'certificate',
        'council-minutes',
        'eligible-list',
        'eligible-list',
        'explanatory-report',
        'ineligible-list',
        'procuracy-notice',
        'proposal-sheet',
        'submission',
        'team-minutes',
      ].map((kind) => ({ kind, rendered: true })),
    );
  }, 180_000);
});
