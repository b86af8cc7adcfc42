import { Role } from '../../src/auth/user.entity.js';
import { TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { expectedVerdict, POPULATION, seedSimulationRound } from './simulation-population.js';

// The page as a browser uses it, over HTTP: the session cookie, the form token, the posted round form.
class Browser {
  private cookie = '';

  constructor(private readonly baseUrl: string) {}

  async login(username: string): Promise<void> {
    const res = await this.send('POST', '/login', [
      ['username', username],
      ['password', TEST_PASSWORD],
      ['next', '/'],
    ]);
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  }

  send(method: string, path: string, form?: Array<[string, string]>): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        accept: 'text/html',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
  }

  async page(path: string): Promise<{ status: number; html: string }> {
    const res = await this.send('GET', path);
    return { status: res.status, html: await res.text() };
  }
}

const field = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`name="${name.replace(/[[\]]/g, '\\$&')}" value="([^"]*)"`, 'g'))].map((m) => m[1]);
const checked = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`name="${name}" value="([^"]+)" checked`, 'g'))].map((m) => m[1]);
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x3D;/g, '=')
    .replace(/&amp;/g, '&');

// Fills the round form as a user would: keeps every exclusion and category as shown, edits one row.
function draftForm(html: string, name: string, edit: { path: string; value: string }, dropCategory?: string) {
  const form: Array<[string, string]> = [
    ['_csrf', field(html, '_csrf')[0]],
    ['roundCode', field(html, 'roundCode')[0]],
    ['presetCode', ''],
    ['name', name],
  ];
  for (const id of checked(html, 'exclusion')) form.push(['exclusion', id]);
  for (const code of checked(html, 'category')) if (code !== dropCategory) form.push(['category', code]);
  const rows = [...html.matchAll(/name="p\[(\d+)]\[path]" value="([^"]+)"/g)];
  const row = rows.find((r) => r[2] === edit.path)!;
  form.push([`p[${row[1]}][path]`, edit.path], [`p[${row[1]}][value]`, edit.value]);
  form.push([`p[${row[1]}][source]`, 'Dự thảo của Thường trực'], [`p[${row[1]}][confidence]`, 'K']);
  return form;
}

async function finishedPage(browser: Browser, location: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const { html } = await browser.page(location);
    if (!html.includes('http-equiv="refresh"')) return html;
    expect(html).toContain('<progress');
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('simulation page kept refreshing');
}

describe('the simulation page', () => {
  let t: TestApp;
  let org: TestOrg;
  let roundCode: string;
  let standing: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    ({ org, roundCode } = await seedSimulationRound(t));
    standing = new Browser(t.baseUrl);
    await standing.login(org.users[Role.COUNCIL_STANDING_OFFICER]);
  });
  afterAll(() => t.close());

  it('runs a draft from the round form and shows the figures as tables and printable charts', async () => {
    const form = await standing.page(`/simulation?round=${roundCode}`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('Mô phỏng điều kiện đặc xá');
    expect(decode(form.html)).toContain('Tỷ lệ thời gian đã chấp hành – trường hợp chung');
    const posted = await standing.send(
      'POST',
      '/simulation',
      draftForm(form.html, 'Dự thảo 1/2', { path: 'time.general.fraction', value: '{"numerator":1,"denominator":2}' }),
    );
    expect(posted.status).toBe(303);
    const location = posted.headers.get('location')!;
    expect(location).toMatch(/^\/simulation\/[0-9a-f-]{36}$/);
    const html = await finishedPage(standing, location);
    const eligible = POPULATION.filter((p) => expectedVerdict(p, 1 / 2) === 'ELIGIBLE').length;
    const changed = POPULATION.filter((p) => expectedVerdict(p, 1 / 3) !== expectedVerdict(p, 1 / 2)).length;
    expect(html).toContain(`Kết quả trên ${POPULATION.length} hồ sơ`);
    expect(html).toMatch(new RegExp(`<td>Đủ điều kiện</td><td>\\d+</td><td>${eligible}</td>`));
    expect(html).toContain(`Người thay đổi kết quả (${changed})`);
    expect(html).toContain('time.general.fraction.value');
    expect((html.match(/<svg /g) ?? []).length).toBe(7);
    expect(html).toContain('Theo giới tính');
    expect(html).toContain('R-COND-B');
    expect(html).toContain(`/api/simulations/${location.split('/')[2]}/figures.xlsx`);
    const csv = await standing.send('GET', `/api/simulations/${location.split('/')[2]}/changes.csv`);
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\r\n').filter(Boolean)).toHaveLength(changed + 1);
  });

  it('shows a form error on the row it concerns and keeps the draft unsaved', async () => {
    const form = await standing.page(`/simulation?round=${roundCode}`);
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM simulations');
    const refused = await standing.send(
      'POST',
      '/simulation',
      draftForm(form.html, 'Sai', { path: 'time.general.fraction', value: '{"numerator":3,"denominator":2}' }),
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('class="error"');
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM simulations')).toEqual(before);
  });

  it('compares two drafts side by side and adopts one into the round', async () => {
    const form = await standing.page(`/simulation?round=${roundCode}`);
    const second = await standing.send(
      'POST',
      '/simulation',
      draftForm(
        form.html,
        'Dự thảo 2/5, không xét người từ 70 tuổi',
        { path: 'time.general.fraction', value: '{"numerator":2,"denominator":5}' },
        'AGE_70_PLUS',
      ),
    );
    const secondId = second.headers.get('location')!.split('/')[2];
    const page = await finishedPage(standing, `/simulation/${secondId}`);
    expect(page).toContain('specialCategories.value');
    const [first] = await t.dataSource.query(`SELECT id FROM simulations WHERE name = 'Dự thảo 1/2'`);
    const compared = await standing.page(`/simulation/compare?a=${first.id}&b=${secondId}`);
    expect(compared.status).toBe(200);
    expect(compared.html).toContain('Dự thảo 1/2');
    expect(compared.html).toContain('Dự thảo 2/5, không xét người từ 70 tuổi');
    // 2/5 = 0.40: the 0.47 group passes, the 0.36 one does not.
    const b = POPULATION.filter((p) => expectedVerdict(p, 2 / 5) === 'ELIGIBLE').length;
    const a = POPULATION.filter((p) => expectedVerdict(p, 1 / 2) === 'ELIGIBLE').length;
    expect(compared.html).toMatch(new RegExp(`<td>Đủ điều kiện</td><td>\\d+</td><td>${a}</td><td>${b}</td>`));

    const version = field(page, 'expectedVersion')[0];
    const adopted = await standing.send('POST', `/simulation/${secondId}/adopt`, [
      ['_csrf', field(page, '_csrf')[0]],
      ['expectedVersion', version],
    ]);
    expect(adopted.status).toBe(303);
    const after = await standing.page(adopted.headers.get('location')!);
    expect(after.html).toContain('Đã áp dụng dự thảo làm tham số của đợt đặc xá');
    const [round] = await t.dataSource.query(`SELECT parameters FROM rounds WHERE code = $1`, [roundCode]);
    expect(round.parameters.time.general.fraction.value).toEqual({ numerator: 2, denominator: 5 });
    expect(round.parameters.specialCategories.value).not.toContain('AGE_70_PLUS');
  });

  it('is for ministry officers, the standing body and administrators only; a ministry sees its own drafts', async () => {
    const ministry = new Browser(t.baseUrl);
    await ministry.login(org.users[Role.MINISTRY_OFFICER]);
    const list = await ministry.page('/simulation');
    expect(list.status).toBe(200);
    expect(list.html).not.toContain('Dự thảo 1/2');
    const [first] = await t.dataSource.query(`SELECT id FROM simulations WHERE name = 'Dự thảo 1/2'`);
    expect((await ministry.page(`/simulation/${first.id}`)).status).toBe(404);
    const warden = new Browser(t.baseUrl);
    await warden.login(org.users[Role.WARDEN]);
    expect((await warden.page('/simulation')).status).toBe(403);
  });
});
