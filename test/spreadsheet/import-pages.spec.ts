import { Role } from '../../src/auth/user.entity.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { Visitor } from '../support/web-visitor.js';
import { cellAt, load, save, workbookOf } from './workbook.js';

// The "Nhập từ Excel" page as a camp clerk uses it, and the download buttons of the list page.
describe('import and export pages', () => {
  let app: TestApp;
  let org: TestOrg;
  let clerk: Visitor;

  const codes = () => ({ roundCode: org.roundCode, facilityCode: org.facility.code, teamCode: org.team.code });
  const count = async (): Promise<number> =>
    (await app.dataSource.query('SELECT count(*)::int AS n FROM dossiers WHERE facility_id = $1', [org.facility.id]))[0]
      .n;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app.dataSource);
    clerk = new Visitor(app.baseUrl);
    await clerk.login(org.users[Role.WARDEN]);
  });
  afterAll(() => app.close());

  it('is in the menu of those who enter dossiers, and only theirs', async () => {
    const page = await (await clerk.send('GET', '/dossiers/import')).text();
    expect(page).toContain('<a href="/dossiers/import" aria-current="page">Nhập từ Excel</a>');
    expect(page).toContain('href="/api/dossiers/excel/template"');
    expect(page).toContain('enctype="multipart/form-data"');
    const department = new Visitor(app.baseUrl);
    await department.login(org.users[Role.DEPARTMENT_OFFICER]);
    expect(await (await department.send('GET', '/dossiers')).text()).not.toContain('Nhập từ Excel');
    expect((await department.send('GET', '/dossiers/import')).status).toBe(403);
  });

  it('uploads, shows the preview, and creates the dossiers only on confirmation', async () => {
    const documents = [
      buildDossier({ ...codes(), person: { fullName: 'Khúc Thị Ngân' } }),
      buildDossier({ ...codes(), person: { fullName: 'Ông Văn Lực' } }),
    ];
    const before = await count();
    const token = await clerk.token('/dossiers/import');
    const uploaded = await clerk.upload(
      '/dossiers/import',
      { bytes: await workbookOf(app.dataSource, documents), name: 'Đợt tháng 7.xlsx' },
      { _csrf: token },
    );
    expect(uploaded.status).toBe(303);
    const location = uploaded.headers.get('location')!;
    expect(location).toMatch(/^\/dossiers\/import\/[0-9a-f-]{36}$/);
    const preview = await (await clerk.send('GET', location)).text();
    expect(preview).toContain('Tệp "Đợt tháng 7.xlsx" hợp lệ: sẽ lập <strong>2</strong> hồ sơ');
    expect(preview).toContain('Hồ sơ: 2 dòng · Bản án: 2 dòng · Tội danh: 2 dòng · Khoảng thời gian: 4 dòng');
    expect(preview).toContain('<td>Khúc Thị Ngân</td>');
    expect(preview).toContain('<td>9 năm</td><td>Trộm cắp tài sản</td>');
    expect(preview).toContain('Ông Văn Lực');
    expect(preview).toContain('Xác nhận nhập 2 hồ sơ');
    expect(await count()).toBe(before);

    const committed = await clerk.send('POST', `${location}/commit`, { _csrf: token });
    expect(committed.status).toBe(303);
    expect(committed.headers.get('location')).toBe(location);
    const done = await (await clerk.send('GET', location)).text();
    expect(done).toContain('Đã nhập 2 hồ sơ từ tệp "Đợt tháng 7.xlsx"');
    expect(done).not.toContain('Xác nhận nhập');
    expect(await count()).toBe(before + 2);
  });

  it('lists the errors by sheet, row and column on the page, and refuses an upload without the form token', async () => {
    const book = await load(await workbookOf(app.dataSource, [buildDossier(codes())]));
    cellAt(book.getWorksheet('Hồ sơ')!, 'Giới tính', 2).value = 'Không rõ';
    const bytes = await save(book);
    const before = await count();
    const refused = await clerk.upload('/dossiers/import', { bytes, name: 'loi.xlsx' }, { _csrf: 'sai' });
    expect(refused.status).toBe(403);
    const answer = await clerk.upload(
      '/dossiers/import',
      { bytes, name: 'loi.xlsx' },
      { _csrf: await clerk.token('/dossiers/import') },
    );
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toContain('Có 1 lỗi cần sửa trong tệp; chưa hồ sơ nào được nhập.');
    expect(html).toMatch(
      /<tr><td>Hồ sơ<\/td><td class="num">2<\/td><td>[A-Z]+ – Giới tính<\/td><td>Hãy chọn một giá trị trong danh sách\.<\/td><\/tr>/,
    );
    expect(await count()).toBe(before);
  });

  it('offers the downloads of the list page with the filters in use', async () => {
    // Handlebars writes "=" in an attribute as "&#x3D;", which the browser reads back as "=".
    const html = (await (await clerk.send('GET', '/dossiers?q=Ng%C3%A2n&verdict=NONE')).text()).replaceAll(
      '&#x3D;',
      '=',
    );
    for (const file of ['export.xlsx', 'export.csv', 'dossiers.xlsx']) {
      const href = html.match(new RegExp(`href="/api/dossiers/excel/${file.replace('.', '\\.')}\\?([^"]*)"`))?.[1];
      expect(href).toBeDefined();
      // The download selects what the page shows: the same filters, in the same order.
      const query = new URLSearchParams(href!.replaceAll('&amp;', '&'));
      expect(Object.fromEntries(query)).toMatchObject({ verdict: 'NONE', q: 'Ngân', sort: 'name', dir: 'asc' });
    }
  });
});
