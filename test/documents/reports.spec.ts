import { DocumentKind } from '../../src/documents/view-models/common.js';
import { ExplanatoryReportFactory, SubmissionFactory } from './factories/reports.factory.js';
import { rowNumbersOnPage } from './support/list-table.js';
import { extractPages, flatText } from './support/pdf-text.js';
import { sharedEngine } from './support/shared-engine.js';
import { expectFooters, expectOnlyEmbeddedTinos, expectPageNumbers, expectTitleBlock } from './support/state-format.js';

describe('standing body and council documents as PDF', () => {
  const engine = sharedEngine();
  afterAll(() => engine.close());

  it('prints the explanatory report with each disagreement and its explanation', async () => {
    const report = ExplanatoryReportFactory.build(4);
    const rendered = await engine.render({ kind: DocumentKind.EXPLANATORY_REPORT, data: report });
    const pages = await extractPages(rendered.bytes);
    const text = flatText(pages);

    expectTitleBlock(pages[0], report.heading);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kính gửi: Hội đồng tư vấn đặc xá.');
    expect(text).toContain('Tổng số hồ sơ đã thẩm định');
    expect(text).toContain('12.345');
    expect(text).toContain('Ý kiến của Tổ thẩm');
    expect(text).toContain('Giải trình');
    expect(text).toContain('Không đồng ý: chưa có');
    expect(text).toContain('Trại giam đã bổ sung');
    for (const row of report.disagreements) expect(text).toContain(row.fullName);
    expect(text).toContain('TM. THƯỜNG TRỰC HỘI ĐỒNG');
    expectPageNumbers(pages);
    expectFooters(pages, rendered);
  });

  it('prints the submission to the President with both lists as annexes in landscape', async () => {
    const submission = SubmissionFactory.build();
    const rendered = await engine.render({ kind: DocumentKind.SUBMISSION, data: submission });
    const pages = await extractPages(rendered.bytes);
    const text = flatText(pages);

    expectTitleBlock(pages[0], submission.heading);
    expect(pages[0].height).toBeGreaterThan(pages[0].width);
    expect(text).toContain('TỜ TRÌNH');
    expect(text).toContain('Về việc đề nghị đặc xá năm 2025 (đợt 2)');
    expect(text).toContain('Kính gửi: Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam.');
    expect(text).toContain('Phụ lục I: DANH SÁCH Người đủ điều kiện đề nghị đặc xá năm 2025 (đợt 2) (6 người).');

    const annexPages = pages.filter((page) => page.width > page.height);
    expect(annexPages.length).toBeGreaterThanOrEqual(2);
    const annexText = flatText(annexPages);
    expect(annexText).toContain('Phụ lục I');
    expect(annexText).toContain('Phụ lục II');
    expect(annexText).toContain('(Kèm theo Tờ trình số 09/TTr-HĐTVĐX)');
    expect(annexText).toContain('Trại giam số 1 - Cục C10 (4 người)');
    expect(annexText).toContain('Lý do không đủ điều kiện');
    expect(annexPages.flatMap(rowNumbersOnPage)).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 3]);
    expectPageNumbers(pages);
    expectFooters(pages, rendered);
    await expectOnlyEmbeddedTinos(rendered.bytes);
  });
});
