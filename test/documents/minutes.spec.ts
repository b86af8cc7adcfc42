import { DocumentKind } from '../../src/documents/view-models/common.js';
import { CouncilMinutesFactory, TeamMinutesFactory } from './factories/minutes.factory.js';
import { allText, extractPages, flatText } from './support/pdf-text.js';
import { sharedEngine } from './support/shared-engine.js';
import { expectFooters, expectOnlyEmbeddedTinos, expectPageNumbers, expectTitleBlock } from './support/state-format.js';

describe('meeting minutes as PDF', () => {
  const engine = sharedEngine();
  afterAll(() => engine.close());

  it('prints the team meeting with every ballot figure and the officer opinion', async () => {
    const minutes = TeamMinutesFactory.build(3);
    const rendered = await engine.render({ kind: DocumentKind.TEAM_MINUTES, data: minutes });
    const pages = await extractPages(rendered.bytes);
    const text = flatText(pages);

    expectTitleBlock(pages[0], minutes.heading);
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('Họp bình xét đề nghị đặc xá năm 2025 (đợt 2)');
    expect(text).toContain('KẾT QUẢ BỎ PHIẾU KÍN VÀ Ý KIẾN CỦA CÁN BỘ QUẢN GIÁO');
    for (const candidate of minutes.candidates) {
      expect(text).toContain(candidate.fullName);
      expect(text).toContain(candidate.ballot.percentInFavour);
    }
    expect(text).toContain('Nguyễn Văn Ánh');
    expect(text).toContain('Trần Thị Hường');
    expect(text).toContain('75%');
    expect(text).toContain('Đề nghị đặc xá');
    expect(text).toContain('Tổng số phạm nhân của đội: 42; có mặt: 41; vắng mặt: 1 (đang điều trị tại bệnh xá).');
    expect(text).toContain('CÁN BỘ QUẢN GIÁO');
    expect(text).toContain('Thiếu tá Trần Văn Hùng');
    expectPageNumbers(pages);
    expectFooters(pages, rendered);
    await expectOnlyEmbeddedTinos(rendered.bytes);
  });

  it('prints the camp council decision per candidate with reason and citation', async () => {
    const minutes = CouncilMinutesFactory.build(8);
    const rendered = await engine.render({ kind: DocumentKind.COUNCIL_MINUTES, data: minutes });
    const pages = await extractPages(rendered.bytes);
    const text = flatText(pages);

    expectTitleBlock(pages[0], minutes.heading);
    expect(text).toContain('KẾT QUẢ XÉT TỪNG TRƯỜNG HỢP');
    expect(text).toContain('Tổng số trường hợp đã xét: 8; đủ điều kiện đề nghị đặc xá: 6; không đủ điều kiện: 2.');
    expect(text).toContain('Chưa nộp phạt tiền');
    expect(text).toContain('(Điều 11.1.c)');
    expect(text).toContain('Không đủ điều kiện');
    expect(text).toContain('Kiểm sát viên Viện kiểm sát nhân dân thành phố Hà Nội');
    expect(text).toContain('TM. HỘI ĐỒNG');
    for (const row of minutes.decisions) expect(text).toContain(row.fullName);
    expectPageNumbers(pages);
    expectFooters(pages, rendered);
  });

  it('carries the same text when the same snapshot is rendered again', async () => {
    const minutes = TeamMinutesFactory.build(2);
    const first = await engine.render({ kind: DocumentKind.TEAM_MINUTES, data: minutes });
    const second = await engine.render({ kind: DocumentKind.TEAM_MINUTES, data: structuredClone(minutes) });
    expect(second.snapshotHash).toBe(first.snapshotHash);
    expect(allText(await extractPages(second.bytes))).toBe(allText(await extractPages(first.bytes)));
  });
});
