import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { Role } from '../../src/auth/user.entity.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { addModCamp, createTestOrg, type ModCamp, type TestOrg } from '../factories/org.factory.js';
import { headers, load, save, workbookOf } from '../spreadsheet/workbook.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { openBrowser, submit, text } from './support/browser.js';
import { addPresidentOffice, presetRound } from './support/pipeline.js';
import { Walk } from './support/walk.js';

// A Ministry of Defence military-region camp walked through the pages only: one person nominated on the form and two
// imported from the downloaded Excel template, the team ballot, the camp council, the warden's list, the
// military-region command choosing whom to send up, the Ministry of Defence (its list downloaded as .xlsx), the
// appraisal team, the standing body, the Advisory Council and the President's decision, and after it the release, the
// certificate printed by the military region's command, its copy to the commune and the person's presentation.
const TYPED = 'Nguyễn Văn Quân';
const RETURNED = 'Trần Thị Khu';
const LATER = 'Lê Văn Bảy';

describe('a Ministry of Defence camp walked in the browser, role by role', () => {
  let app: TestApp;
  let org: TestOrg;
  let mod: ModCamp;
  let browser: Browser;
  let walk: Walk;
  let dir: string;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app.dataSource);
    const round = await presetRound(app, org);
    mod = await addModCamp(app.dataSource, org);
    await addPresidentOffice(app, org);
    browser = await openBrowser();
    walk = new Walk(app, browser, round);
    dir = mkdtempSync(join(tmpdir(), 'amnesty-mod-walk-'));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Waits for the next .xlsx file the browser saves into the test's folder (call before the click).
  function nextDownload(): () => Promise<Buffer> {
    const before = new Set(readdirSync(dir));
    return async () => {
      let file: string | undefined;
      for (let i = 0; i < 100 && !file; i += 1) {
        file = readdirSync(dir).find((f) => f.endsWith('.xlsx') && !before.has(f));
        if (!file) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(file).toBeDefined();
      return readFileSync(join(dir, file!));
    };
  }

  // The clerk's rows written into the downloaded template, column by column under the template's own headers.
  async function fillTemplate(template: Buffer, names: string[]): Promise<Buffer> {
    const book = await load(template);
    const rows = await load(
      await workbookOf(
        app.dataSource,
        names.map((fullName) =>
          buildDossier({
            roundCode: walk.round.code,
            facilityCode: mod.facility.code,
            teamCode: mod.team.code,
            person: { fullName },
          }),
        ),
      ),
    );
    rows.eachSheet((from) => {
      const into = book.getWorksheet(from.name);
      if (!into) throw new Error(`the template has no sheet "${from.name}"`);
      const columns = headers(into);
      headers(from).forEach((header) => expect(columns).toContain(header));
      for (let r = 2; r <= from.rowCount; r += 1) {
        const source = from.getRow(r);
        if (!source.hasValues) continue;
        headers(from).forEach((header, c) => {
          into.getRow(r).getCell(columns.indexOf(header) + 1).value = source.getCell(c + 1).value;
        });
      }
    });
    return save(book);
  }

  const open = (page: Page, href: string) => walk.open(page, href);
  const chooseRound = (page: Page) => walk.chooseRound(page);
  const flash = (page: Page) => walk.flash(page);
  const stage = (name: string) => walk.stage(name);

  async function ticked(page: Page, name: string): Promise<boolean> {
    return page.$eval(`#pending-bulk input[aria-label="Chọn ${name}"]`, (el) => (el as HTMLInputElement).checked);
  }

  it('takes a military-region camp’s people from the nomination to the appraisal team, the command choosing whom to send', async () => {
    // The team officer nominates one person on the form.
    const team = await walk.signIn(mod.users[Role.TEAM_OFFICER], dir);
    await walk.nominate(team, {
      name: TYPED,
      i: 2,
      facilityCode: mod.facility.code,
      teamCode: mod.team.code,
      suffix: org.suffix,
    });

    // The team officer downloads the Excel template, fills in two more people and imports them after the preview.
    await open(team, '/dossiers/import');
    const template = nextDownload();
    await team.click('a[href="/api/dossiers/excel/template"]');
    const filled = join(dir, 'ho-so-quan-khu.xlsx');
    writeFileSync(filled, await fillTemplate(await template(), [RETURNED, LATER]));
    await ((await team.$('input[type=file]')) as ElementHandle<HTMLInputElement>).uploadFile(filled);
    await submit(team);
    const preview = await team.$$eval('#import-rows tbody tr', (trs) =>
      trs.map((tr) => tr.querySelectorAll('td')[2]?.textContent),
    );
    expect(preview).toEqual([RETURNED, LATER]);
    await submit(team);
    expect(await text(team, '#import-done')).toContain('Đã nhập 2 hồ sơ từ tệp "ho-so-quan-khu.xlsx"');
    await Promise.all([team.waitForNavigation(), team.click('a[href="/dossiers"].button')]);
    expect(await text(team, 'table tbody')).toContain(RETURNED);
    expect(await stage(LATER)).toBe('application');

    // The team officer puts all three to the team meeting and records the secret ballot.
    await walk.teamBallot(team, 3);
    await team.close();

    // The camp council finds all three eligible; the warden posts the list, notifies the military-region procuracy
    // and sends the list to the military-region command.
    const council = await walk.signIn(mod.users[Role.CAMP_COUNCIL_MEMBER]);
    await walk.councilEligible(council, 3);
    await council.close();
    const warden = await walk.signIn(mod.users[Role.WARDEN]);
    await open(warden, '/camp/council');
    await chooseRound(warden);
    await warden.type('#postedOn', '16/07/2025');
    await submit(warden, 'form[action="/camp/lists"] button[type=submit]');
    expect(await text(warden, 'tbody')).toContain(LATER);
    await warden.type('#notice-number', '01/TB-TG');
    await warden.type('#notified-on', '17/07/2025');
    await submit(warden, 'form[action$="/procuracy-notice"] button[type=submit]');
    expect(await text(warden, '.notice')).toContain('Viện kiểm sát quân sự Quân khu 7');
    await submit(warden, 'form[action$="/submit"] button[type=submit]');
    expect(await flash(warden)).toBe('Đã chuyển danh sách lên cấp trên.');
    await warden.close();

    // The command ticks one person to send up while a colleague returns another to the camp: the pending names
    // changed, so the send is refused and the ticks stay for the officer to send again.
    const command = await walk.signIn(mod.users[Role.DEPARTMENT_OFFICER]);
    await open(command, '/lists');
    await chooseRound(command);
    expect(await text(command, '#pending-bulk thead')).toContain('Chọn tất cả');
    await command.click(`#pending-bulk input[aria-label="Chọn ${TYPED}"]`);
    const colleague = await walk.signIn(mod.users[Role.DEPARTMENT_OFFICER]);
    await open(colleague, '/lists');
    await chooseRound(colleague);
    await colleague.click(`#pending-bulk input[aria-label="Chọn ${RETURNED}"]`);
    await colleague.select('#pending-event', 'send_back');
    await colleague.type('#pending-reason', 'Thiếu bản sao bản án phúc thẩm.');
    await submit(colleague, '#pending-bulk button[type=submit]');
    expect(await flash(colleague)).toBe('Đã trả hồ sơ về trại để bổ sung, sửa chữa.');
    await colleague.close();
    await submit(command, '#pending-bulk button[formaction="/lists/forward"]');
    expect(await flash(command)).toContain('Danh sách chờ xử lý đã thay đổi');
    expect([await ticked(command, TYPED), await ticked(command, LATER)]).toEqual([true, false]);
    await submit(command, '#pending-bulk button[formaction="/lists/forward"]');
    expect(await flash(command)).toBe('Đã chuyển danh sách lên cấp trên.');
    expect([await stage(TYPED), await stage(RETURNED), await stage(LATER)]).toEqual([
      'ministry',
      'correction',
      'department',
    ]);
    // The one left waits on the page; "Chọn tất cả" sends it too.
    await open(command, '/lists');
    await chooseRound(command);
    expect(await text(command, '#pending-bulk tbody')).not.toContain(TYPED);
    await command.click('#pending-bulk thead input[data-check-all]');
    expect(await ticked(command, LATER)).toBe(true);
    await submit(command, '#pending-bulk button[formaction="/lists/forward"]');
    expect(await flash(command)).toBe('Đã chuyển danh sách lên cấp trên.');
    await command.close();

    // The Ministry of Defence sends everything it holds to the appraisal team, and downloads the list it sent.
    const ministry = await walk.signIn(mod.users[Role.MINISTRY_OFFICER], dir);
    await open(ministry, '/lists');
    await chooseRound(ministry);
    expect(await text(ministry, '#pending-bulk tbody')).toContain(LATER);
    await submit(ministry, 'form[action="/lists/forward"] button');
    expect(await flash(ministry)).toBe('Đã chuyển danh sách lên cấp trên.');
    const exported = nextDownload();
    await ministry.click('#export-xlsx');
    const cells: string[] = [];
    (await load(await exported())).eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))),
    );
    expect(cells).toEqual(expect.arrayContaining([TYPED, LATER]));
    expect(cells).not.toContain(RETURNED);
    await ministry.close();
    expect([await stage(TYPED), await stage(LATER)]).toEqual(['appraisal', 'appraisal']);

    // The appraisal team's agency agrees on the whole list.
    const appraiser = await walk.signIn(org.users[Role.APPRAISER]);
    await open(appraiser, '/appraisal');
    expect(await text(appraiser, '#opinions tbody')).toContain(TYPED);
    expect(await text(appraiser, '#opinions tbody')).toContain(LATER);
    await submit(appraiser, '#opinions button[type=submit]');
    expect(await flash(appraiser)).toContain('Đã ghi ý kiến');
    await appraiser.close();
    const opinions = await app.dataSource.query(
      `SELECT o.opinion FROM appraisal_opinions o JOIN dossiers d ON d.id = o.dossier_id WHERE d.facility_id = $1`,
      [mod.facility.id],
    );
    expect(opinions.map((o: { opinion: string }) => o.opinion)).toEqual(['agree', 'agree']);

    // The list goes on through the standing body and the Advisory Council to the President's decision.
    const appraisalTeam = await walk.signIn(org.users[Role.APPRAISER]);
    await walk.forwardAll(appraisalTeam);
    await appraisalTeam.close();
    const standing = await walk.signIn(org.users[Role.COUNCIL_STANDING_OFFICER]);
    await walk.forwardAll(standing);
    await standing.close();
    const advisory = await walk.signIn(org.users[Role.COUNCIL_MEMBER]);
    await open(advisory, '/council');
    await chooseRound(advisory);
    expect(await text(advisory, 'tbody')).toContain(TYPED);
    await submit(advisory, 'form[action="/council"][method="post"] button');
    expect(await flash(advisory)).toBe('Đã ghi quyết định.');
    await advisory.close();
    const decision = await walk.signIn(org.users[Role.COUNCIL_STANDING_OFFICER]);
    await walk.recordDecision(decision, `${org.suffix.slice(0, 4)}/QĐ-CTN`, '30/08/2025');
    await decision.close();
    expect([await stage(TYPED), await stage(LATER)]).toEqual(['granted', 'granted']);

    // The camp releases one person; in a military-region camp the certificate is the military region's THAHS head's
    // to issue (Luật Đặc xá 2018, Điều 18, khoản 3), so the command prints it, sends its copy to the commune and
    // records the presentation.
    const releasing = await walk.signIn(mod.users[Role.WARDEN]);
    const certificate = await walk.release(releasing, '02/09/2025');
    await releasing.close();
    const released = (await stage(TYPED)) === 'released' ? TYPED : LATER;
    expect(await stage(released)).toBe('released');
    const issuer = await walk.signIn(mod.users[Role.DEPARTMENT_OFFICER]);
    await open(issuer, '/certificates');
    const panel = `#certificate-${certificate}`;
    expect(await text(issuer, `${panel} h3`)).toContain(released);
    expect(await text(issuer, panel)).toContain('THỦ TRƯỞNG CƠ QUAN THI HÀNH ÁN HÌNH SỰ QUÂN KHU');
    // The form comes with the issuer's title as the law names it; the number is the command's registry number, and a
    // number in another form is refused beside the field with the form it must take.
    expect(await issuer.$eval(`#certificate-${certificate}-signer-title`, (el) => (el as HTMLInputElement).value)).toBe(
      'THỦ TRƯỞNG CƠ QUAN THI HÀNH ÁN HÌNH SỰ QUÂN KHU',
    );
    await issuer.type(`#certificate-${certificate}-doc-number`, '12/GCN/QK7');
    await submit(issuer, `${panel} form[action="/documents"] button`);
    expect(await text(issuer, 'form[action="/documents"] [id$="doc-number-error"]')).toBe(
      'Số, ký hiệu văn bản phải có dạng 05/DS-TGTX.',
    );
    const number = 'form[action="/documents"] input[name="number"]';
    await issuer.$eval(number, (el) => ((el as HTMLInputElement).value = ''));
    await issuer.type(number, '12/GCN-QK7');
    await submit(issuer, 'form[action="/documents"] button');
    const refused = await issuer.$$eval('main .alert, main .error', (els) => els.map((e) => e.textContent).join(' | '));
    expect({ path: new URL(issuer.url()).pathname.replace(/[0-9a-f-]{36}$/, ':id'), refused }).toEqual({
      path: '/documents/jobs/:id',
      refused: '',
    });
    await walk.waitForDocument(issuer);
    await open(issuer, '/certificates');
    await issuer.select(`#recipient-${certificate}`, 'COMMUNE_OR_UNIT');
    await issuer.type(`#addressee-${certificate}`, 'Ủy ban nhân dân xã Tân Lập');
    await issuer.type(`#sent-${certificate}`, '03/09/2025');
    await submit(issuer, `form[action="/certificates/${certificate}/copies"] button`);
    expect(await text(issuer, panel)).toContain('Ủy ban nhân dân xã Tân Lập');
    await issuer.type(`#presented-to-${certificate}`, 'Ủy ban nhân dân xã Tân Lập');
    await issuer.type(`#presented-on-${certificate}`, '05/09/2025');
    await submit(issuer, `form[action="/certificates/${certificate}/presentation"] button`);
    expect(await text(issuer, panel)).toContain('Đã xuất trình tại Ủy ban nhân dân xã Tân Lập ngày 05/09/2025');
    await issuer.close();
    expect(await stage(released)).toBe('presented');
    const printed = await app.dataSource.query(
      'SELECT kind, issuer_unit_id AS issuer FROM documents WHERE source_id = $1 AND rendered_at IS NOT NULL',
      [certificate],
    );
    expect(printed).toEqual([{ kind: 'certificate', issuer: mod.department.id }]);
  }, 240_000);
});
