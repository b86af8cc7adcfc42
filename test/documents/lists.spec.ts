import { DocumentKind } from '../../src/documents/view-models/common.js';
import { ListLevel, ListVariant } from '../../src/documents/view-models/proposal-list.js';
import { ProposalListFactory } from './factories/list.factory.js';
import { residenceToken, rowNumbersOnPage } from './support/list-table.js';
import { extractPages, flatText } from './support/pdf-text.js';
import { sharedEngine } from './support/shared-engine.js';
import {
  countOccurrences,
  expectFooters,
  expectOnlyEmbeddedTinos,
  expectPageNumbers,
  expectTitleBlock,
} from './support/state-format.js';

describe('eligible and ineligible lists as PDF', () => {
  const engine = sharedEngine();
  afterAll(() => engine.close());

  it('prints a facility list of eligible people in landscape with every person once', async () => {
    const list = ProposalListFactory.build({ level: ListLevel.FACILITY, facilities: [6] });
    const rendered = await engine.render({ kind: DocumentKind.ELIGIBLE_LIST, data: list });
    const pages = await extractPages(rendered.bytes);
    const text = flatText(pages);

    expect(pages[0].width).toBeGreaterThan(pages[0].height);
    expectTitleBlock(pages[0], list.heading);
    expect(text).toContain('DANH SÁCH');
    expect(text).toContain('Người đủ điều kiện đề nghị đặc xá năm 2025 (đợt 2)');
    expect(text).toContain('Diện đề nghị');
    expect(text).not.toContain('Lý do không đủ điều kiện');
    expect(pages.flatMap(rowNumbersOnPage)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const name of [
      'Nguyễn Văn Ánh',
      'Trần Thị Hường',
      'Lê Đức Thắng',
      'Phạm Ngọc Ửng',
      'Hoàng Thị Ỷ',
      'Vũ Quốc Việt',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain('Danh sách này có 6 người.');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('- Lưu: VT, ĐXA.');
    expect(text).not.toContain('(6 người)');
    expectPageNumbers(pages);
    expectFooters(pages, rendered);
    await expectOnlyEmbeddedTinos(rendered.bytes);
  });

  it('prints the ineligible list with the reason and citation for each person', async () => {
    const list = ProposalListFactory.build({ variant: ListVariant.INELIGIBLE, facilities: [3] });
    const rendered = await engine.render({ kind: DocumentKind.INELIGIBLE_LIST, data: list });
    const text = flatText(await extractPages(rendered.bytes));

    expect(text).toContain('Người không đủ điều kiện đề nghị đặc xá năm 2025 (đợt 2)');
    expect(text).toContain('Lý do không đủ điều kiện');
    expect(text).toContain('Căn cứ');
    expect(countOccurrences(text, 'Chưa chấp hành đủ 1/3 thời hạn')).toBe(3);
    expect(countOccurrences(text, 'Điều 11 khoản')).toBe(3);
  });

  it('groups a national list by facility with counts, repeats the header on every page and splits no row', async () => {
    const facilities = [30, 25, 35];
    const list = ProposalListFactory.build({ level: ListLevel.NATIONAL, facilities });
    list.heading.issuer = { parent: null, name: 'HỘI ĐỒNG TƯ VẤN ĐẶC XÁ' };
    // Small chunks so the test crosses several chunk boundaries without rendering a national-size list.
    const rendered = await engine.render({ kind: DocumentKind.ELIGIBLE_LIST, data: list }, { chunkSize: 40 });
    const pages = await extractPages(rendered.bytes);
    const text = flatText(pages);

    expect(pages.length).toBeGreaterThan(4);
    expect(text).toContain('Tổng số: 90 người, thuộc 3 cơ sở giam giữ.');
    facilities.forEach((count, index) =>
      expect(text).toContain(`Trại giam số ${index + 1} - Cục C10 (${count} người)`),
    );
    const numbers = pages.flatMap(rowNumbersOnPage);
    expect(numbers).toEqual(Array.from({ length: 90 }, (_, index) => index + 1));
    pages.forEach((page, index) => {
      const header = page.lines.filter((line) => line.text.includes('Họ và tên (tên gọi'));
      // The last page may hold only the signature block when the table ended exactly at a page break.
      if (rowNumbersOnPage(page).length > 0 || index < pages.length - 1) expect(header).toHaveLength(1);
      for (const order of rowNumbersOnPage(page)) expect(page.text).toContain(residenceToken(order));
    });
    expectPageNumbers(pages);
    expectFooters(pages, rendered);
  });
});
