import { Role } from '../../src/auth/user.entity.js';
import type { DossierDocument } from '../../src/dossiers/dossier-format.js';
import { buildDossier, buildRichDossier } from '../factories/dossier.factory.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { campOf, presetRound, walkCamp } from '../browser/support/pipeline.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { cellAt, columnOf, headers, load, rowsOf, save, validationAt, workbookOf } from './workbook.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('dossiers as Excel and CSV', () => {
  let t: TestApp;
  let org: TestOrg;
  let officer: HttpClient;
  let otherOfficer: HttpClient;

  const codes = () => ({ roundCode: org.roundCode, facilityCode: org.facility.code, teamCode: org.team.code });
  const count = async (): Promise<number> =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM dossiers WHERE facility_id = $1', [org.facility.id]))[0]
      .n;
  const imports = async (): Promise<number> =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM dossier_imports'))[0].n;
  const signIn = async (username: string) => {
    const client = new HttpClient(t.baseUrl);
    expect((await client.login(username, TEST_PASSWORD)).status).toBe(200);
    return client;
  };

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrg(t.dataSource);
    officer = await signIn(org.users[Role.TEAM_OFFICER]);
    otherOfficer = await signIn(org.users.otherTeamOfficer);
  });
  afterAll(() => t.close());

  it('gives a template with Vietnamese headers, drop-downs from hidden lists and a guide', async () => {
    const result = await officer.download('/api/dossiers/excel/template');
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe(XLSX);
    expect(result.headers.get('content-disposition')).toMatch(
      /attachment; filename="mau-nhap-ho-so-\d{8}-\d{4}\.xlsx"/,
    );
    const book = await load(result.body, { validations: true });
    expect(book.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Hồ sơ', 'Bản án', 'Tội danh', 'Khoảng thời gian', 'Nghĩa vụ', 'Hướng dẫn', 'Danh mục']),
    );
    const main = book.getWorksheet('Hồ sơ')!;
    expect(headers(main).slice(0, 6)).toEqual([
      'STT',
      'Đợt đặc xá',
      'Trại giam, trại tạm giam',
      'Đội',
      'Số danh bản phạm nhân',
      'Tình trạng',
    ]);
    expect(headers(main)).toEqual(expect.arrayContaining(['Họ và tên', 'Giới tính', 'Xếp loại chấp hành án theo quý']));
    expect(main.rowCount).toBe(1);
    const lists = book.getWorksheet('Danh mục')!;
    expect(lists.state).toBe('hidden');
    const listed = (title: string) => {
      const at = headers(lists).indexOf(title) + 1;
      return rowsOf(lists)
        .map((r) => r[title])
        .filter(Boolean)
        .concat(at ? [] : ['(missing)']);
    };
    expect(listed('Giới tính')).toEqual(['Nam', 'Nữ']);
    expect(listed('Trại giam, trại tạm giam')).toEqual([expect.stringContaining('Trại giam Thanh Xuân')]);
    // The drop-down of "Giới tính" reads its list from the hidden sheet, on every row a template offers.
    const sex = columnOf(main, 'Giới tính');
    const validation = validationAt(main, `${sex}2`);
    expect(validation?.type).toBe('list');
    expect(validation?.formulae[0]).toMatch(/^'Danh mục'!\$[A-Z]+\$2:\$[A-Z]+\$3$/);
    expect(validationAt(main, `${sex}5001`)).toBeDefined();
    const drug = columnOf(main, 'Có tài liệu thể hiện sử dụng trái phép chất ma túy');
    expect(validationAt(main, `${drug}2`)?.formulae).toEqual(['"Có,Không"']);
    const offences = book.getWorksheet('Tội danh')!;
    expect(headers(offences).slice(0, 4)).toEqual([
      'STT hồ sơ',
      'Số danh bản (để đối chiếu)',
      'Bản án thứ',
      'Tên tội danh',
    ]);
    const guide = rowsOf(book.getWorksheet('Hướng dẫn')!).map((r) => Object.values(r).join(' '));
    expect(guide.some((line) => line.includes('dd/mm/yyyy'))).toBe(true);
  });

  it('imports a workbook after a preview: nothing is written until the commit, then every dossier at once', async () => {
    const documents = [buildDossier(codes()), buildDossier({ ...codes(), person: { fullName: 'Lê Thị Ngọc Ánh' } })];
    const before = await count();
    const preview = await officer.upload(
      '/api/dossiers/excel/imports',
      await workbookOf(t.dataSource, documents),
      'dot-1.xlsx',
    );
    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({ fileName: 'dot-1.xlsx', status: 'PREVIEWED', dossiers: 2 });
    expect(preview.body.parts).toMatchObject({ 'Hồ sơ': 2, 'Bản án': 2, 'Tội danh': 2, 'Khoảng thời gian': 4 });
    expect(preview.body.rows.map((r: { fullName: string; row: number }) => [r.fullName, r.row])).toEqual([
      ['Nguyễn Văn Đức', 2],
      ['Lê Thị Ngọc Ánh', 3],
    ]);
    expect(await count()).toBe(before);
    // Only the uploader sees the upload.
    expect((await otherOfficer.get(`/api/dossiers/excel/imports/${preview.body.id}`)).status).toBe(404);
    expect((await officer.get(`/api/dossiers/excel/imports/${preview.body.id}`)).body.rows).toHaveLength(2);

    const committed = await officer.post(`/api/dossiers/excel/imports/${preview.body.id}/commit`);
    expect(committed.status).toBe(201);
    expect(committed.body.created).toBe(2);
    expect(await count()).toBe(before + 2);
    for (const [i, created] of committed.body.dossiers.entries()) {
      const exported = await officer.get(`/api/dossiers/${created.id}/export`);
      expect(exported.body).toEqual(JSON.parse(JSON.stringify(documents[i])));
    }
    const audit = await t.dataSource.query(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE entity_id = $1 OR entity_id = ANY($2) GROUP BY action ORDER BY action`,
      [preview.body.id, committed.body.dossiers.map((d: { id: string }) => d.id)],
    );
    expect(audit).toEqual([
      { action: 'dossier-import.commit', n: 1 },
      { action: 'dossier-import.preview', n: 1 },
      { action: 'dossier.create', n: 2 },
    ]);
    const again = await officer.post(`/api/dossiers/excel/imports/${preview.body.id}/commit`);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('đã được nhập');
    expect(await count()).toBe(before + 2);
  });

  it('lists every error by sheet, row and column in Vietnamese and writes nothing', async () => {
    const book = await load(await workbookOf(t.dataSource, [buildDossier(codes()), buildDossier(codes())]));
    const main = book.getWorksheet('Hồ sơ')!;
    cellAt(main, 'Giới tính', 2).value = 'Không rõ';
    cellAt(main, 'Họ và tên', 3).value = null;
    cellAt(book.getWorksheet('Bản án')!, 'Ngày tuyên án', 2).value = '31/02/2019';
    cellAt(book.getWorksheet('Tội danh')!, 'Điều', 3).value = 'một trăm';
    cellAt(book.getWorksheet('Khoảng thời gian')!, 'STT hồ sơ', 2).value = 9;
    const beforeDossiers = await count();
    const beforeImports = await imports();
    const result = await officer.upload('/api/dossiers/excel/imports', await save(book), 'loi.xlsx');
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('VALIDATION_FAILED');
    expect(result.body.message).toContain('chưa hồ sơ nào được nhập');
    const found = result.body.errors.map((e: { sheet: string; row: number; header?: string; detail: string }) => [
      e.sheet,
      e.row,
      e.header,
      e.detail,
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['Hồ sơ', 2, 'Giới tính', 'Hãy chọn một giá trị trong danh sách.'],
        ['Hồ sơ', 3, 'Họ và tên', 'Chưa nhập thông tin này.'],
        ['Bản án', 2, 'Ngày tuyên án', 'Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.'],
        ['Tội danh', 3, 'Điều', 'Phải là số nguyên.'],
        ['Khoảng thời gian', 2, 'STT hồ sơ', 'Không có người nào mang STT 9 ở trang "Hồ sơ".'],
      ]),
    );
    const sex = result.body.errors.find((e: { header?: string }) => e.header === 'Giới tính');
    expect(sex.path).toBe(`Hồ sơ!${columnOf(main, 'Giới tính')}2`);
    expect(sex.message).toBe(
      `Trang "Hồ sơ", dòng 2, cột ${columnOf(main, 'Giới tính')} (Giới tính): Hãy chọn một giá trị trong danh sách.`,
    );
    expect(await count()).toBe(beforeDossiers);
    expect(await imports()).toBe(beforeImports);
  });

  it('refuses rows for a facility outside the importer’s units, and importers who do not enter dossiers', async () => {
    const foreign = buildDossier({ roundCode: org.roundCode, facilityCode: org.otherFacility.code });
    const bytes = await workbookOf(t.dataSource, [buildDossier(codes()), foreign]);
    const before = await count();
    const result = await officer.upload('/api/dossiers/excel/imports', bytes, 'ngoai-pham-vi.xlsx');
    expect(result.status).toBe(400);
    expect(result.body.errors).toEqual([
      expect.objectContaining({
        sheet: 'Hồ sơ',
        row: 3,
        header: 'Trại giam, trại tạm giam',
        detail: expect.stringContaining('không thuộc đơn vị của bạn'),
      }),
    ]);
    expect(await count()).toBe(before);
    const department = await signIn(org.users[Role.DEPARTMENT_OFFICER]);
    expect((await department.upload('/api/dossiers/excel/imports', bytes, 'x.xlsx')).status).toBe(403);
    expect((await department.download('/api/dossiers/excel/template')).status).toBe(403);
  });

  it('refuses at commit what changed since the preview, at its cell, and writes nothing', async () => {
    const document = buildDossier(codes());
    const preview = await officer.upload(
      '/api/dossiers/excel/imports',
      await workbookOf(t.dataSource, [document]),
      'a.xlsx',
    );
    expect(preview.status).toBe(201);
    expect((await officer.post('/api/dossiers', document)).status).toBe(201);
    const before = await count();
    const committed = await officer.post(`/api/dossiers/excel/imports/${preview.body.id}/commit`);
    expect(committed.status).toBe(400);
    expect(committed.body.errors).toEqual([
      expect.objectContaining({ sheet: 'Hồ sơ', row: 2, header: 'Số danh bản phạm nhân' }),
    ]);
    expect(committed.body.errors[0].detail).toContain('đã có hồ sơ trong đợt này');
    expect(await count()).toBe(before);
    expect((await officer.get(`/api/dossiers/excel/imports/${preview.body.id}`)).body.status).toBe('PREVIEWED');
  });

  it('refuses a file that is not a workbook with a clear message', async () => {
    const result = await officer.upload('/api/dossiers/excel/imports', Buffer.from('Họ và tên,Ngày sinh\n'), 'ds.csv');
    expect(result.status).toBe(400);
    expect(result.body.message).toContain('không phải tệp Excel');
    const none = await officer.post('/api/dossiers/excel/imports');
    expect(none.status).toBe(400);
    expect(none.body.message).toContain('Chưa chọn tệp');
  });

  it('exports the filtered list the caller may read as .xlsx and as CSV with a BOM', async () => {
    const mine = buildDossier({ ...codes(), person: { fullName: 'Trịnh Thị Xuân Hường' } });
    const other = buildDossier({ ...codes(), person: { fullName: 'Phùng Văn Khải' } });
    const foreign = buildDossier({
      roundCode: org.roundCode,
      facilityCode: org.otherFacility.code,
      teamCode: org.otherTeam.code,
      person: { fullName: 'Trịnh Thị Xuân Hường' },
    });
    expect((await officer.post('/api/dossiers', mine)).status).toBe(201);
    expect((await officer.post('/api/dossiers', other)).status).toBe(201);
    expect((await otherOfficer.post('/api/dossiers', foreign)).status).toBe(201);

    const query = `?q=${encodeURIComponent('Xuân Hường')}`;
    expect((await officer.get(`/api/dossiers${query}`)).body.total).toBe(1);
    const xlsx = await officer.download(`/api/dossiers/excel/export.xlsx${query}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(XLSX);
    expect(xlsx.headers.get('content-disposition')).toMatch(/filename="danh-sach-ho-so-\d{8}-\d{4}\.xlsx"/);
    const rows = rowsOf((await load(xlsx.body)).getWorksheet('Danh sách')!);
    expect(rows).toEqual([
      expect.objectContaining({
        STT: '1',
        'Họ và tên': 'Trịnh Thị Xuân Hường',
        'Số danh bản phạm nhân': mine.inmateNumber,
        'Ngày sinh': '14/03/1985',
        'Giới tính': 'Nam',
        'Trại giam, trại tạm giam': expect.stringContaining('Trại giam Thanh Xuân'),
        'Tội danh': 'Trộm cắp tài sản (Điều 173 khoản 2 điểm c)',
        'Hình phạt chung phải chấp hành': '9 năm',
        'Bước xử lý': 'Đơn đề nghị đặc xá',
      }),
    ]);

    const csv = await officer.download(`/api/dossiers/excel/export.csv${query}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.body.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0].startsWith('STT,Họ và tên,Tên gọi khác,Số danh bản phạm nhân,Ngày sinh,Giới tính,')).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`1,Trịnh Thị Xuân Hường,"Đức ""Sứt""",${mine.inmateNumber},14/03/1985,Nam,`);
    expect(csv.body.toString('utf8')).not.toContain('Phùng Văn Khải');

    // The other camp's officer exports the same filter and gets only their own person.
    const theirs = await otherOfficer.download(`/api/dossiers/excel/export.csv${query}`);
    const theirLines = theirs.body.toString('utf8').trimEnd().split('\r\n');
    expect(theirLines).toHaveLength(2);
    expect(theirLines[1]).toContain(foreign.inmateNumber);
  });

  it('exports a frozen list in its order to those who may read it, and to nobody else', async () => {
    const round = await presetRound(t, org);
    const walked = await walkCamp(t, campOf(org), round, ['Hà Văn Ất', 'Âu Thị Bính']);
    const warden = await signIn(org.users[Role.WARDEN]);
    const csv = await warden.download(`/api/lists/${walked.eligibleListId}/export.csv`);
    expect(csv.status).toBe(200);
    const names = csv.body
      .toString('utf8')
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[1]);
    expect(names).toEqual(['Hà Văn Ất', 'Âu Thị Bính']);
    const book = await load((await warden.download(`/api/lists/${walked.eligibleListId}/dossiers.xlsx`)).body);
    expect(rowsOf(book.getWorksheet('Hồ sơ')!).map((r) => [r['Họ và tên'], r['Bước xử lý']])).toEqual([
      ['Hà Văn Ất', 'Cơ quan quản lý tổng hợp'],
      ['Âu Thị Bính', 'Cơ quan quản lý tổng hợp'],
    ]);
    const otherWarden = await signIn(org.users.otherWarden);
    expect((await otherWarden.download(`/api/lists/${walked.eligibleListId}/export.xlsx`)).status).toBe(404);
  });

  it('round-trips export → import without losing a field of the exchange format', async () => {
    const rich = buildRichDossier(codes());
    // A fact stated as "no" is not the same as a fact not stated.
    rich.specialCircumstances[1].details.highDeathRisk = false;
    const plain = buildDossier({ ...codes(), person: { fullName: 'Đoàn Văn Tư' } });
    for (const d of [rich, plain]) expect((await officer.post('/api/dossiers', d)).status).toBe(201);
    const exported = await officer.download('/api/dossiers/excel/dossiers.xlsx');
    expect(exported.headers.get('content-disposition')).toMatch(/filename="ho-so-dac-xa-\d{8}-\d{4}\.xlsx"/);
    const book = await load(exported.body);
    const main = book.getWorksheet('Hồ sơ')!;
    const numbers = rowsOf(main).map((r) => r['Số danh bản phạm nhân']);
    expect(numbers).toEqual(expect.arrayContaining([rich.inmateNumber, plain.inmateNumber]));
    // Re-import the same people under new inmate numbers (the originals exist already).
    const renamed = new Map<string, string>();
    for (let r = 2; r <= main.rowCount; r += 1) {
      const cell = cellAt(main, 'Số danh bản phạm nhân', r);
      renamed.set(String(cell.value), `${cell.value}-X`);
      cell.value = `${cell.value}-X`;
    }
    for (const sheet of book.worksheets) {
      if (!headers(sheet).includes('Số danh bản (để đối chiếu)')) continue;
      for (let r = 2; r <= sheet.rowCount; r += 1) {
        const cell = cellAt(sheet, 'Số danh bản (để đối chiếu)', r);
        if (cell.value) cell.value = renamed.get(String(cell.value)) ?? cell.value;
      }
    }
    const preview = await officer.upload('/api/dossiers/excel/imports', await save(book), 'xuat.xlsx');
    expect(preview.status).toBe(201);
    const committed = await officer.post(`/api/dossiers/excel/imports/${preview.body.id}/commit`);
    expect(committed.status).toBe(201);
    const back = new Map<string, DossierDocument>();
    for (const created of committed.body.dossiers) {
      const doc = (await officer.get(`/api/dossiers/${created.id}/export`)).body as DossierDocument;
      back.set(doc.inmateNumber, doc);
    }
    for (const original of [rich, plain]) {
      const again = back.get(`${original.inmateNumber}-X`)!;
      expect({ ...again, inmateNumber: original.inmateNumber }).toEqual(JSON.parse(JSON.stringify(original)));
    }
  });
});
