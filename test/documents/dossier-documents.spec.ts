import { DocumentKind } from '../../src/documents/view-models/common.js';
import {
  AppraisalNoteFactory,
  CertificateFactory,
  ProposalSheetFactory,
} from './factories/dossier-documents.factory.js';
import { CourtDocumentsFactory } from './factories/court-documents.factory.js';
import { extractPages, flatText } from './support/pdf-text.js';
import { sharedEngine } from './support/shared-engine.js';
import { expectFooters, expectOnlyEmbeddedTinos, expectPageNumbers, expectTitleBlock } from './support/state-format.js';

describe('per-person documents as PDF', () => {
  const engine = sharedEngine();
  afterAll(() => engine.close());

  it('prints the proposal sheet with the engine figures and each rule result', async () => {
    const sheet = ProposalSheetFactory.build();
    const rendered = await engine.render({ kind: DocumentKind.PROPOSAL_SHEET, data: sheet });
    const pages = await extractPages(rendered.bytes);
    const text = flatText(pages);

    expectTitleBlock(pages[0], sheet.heading);
    expect(text).toContain('PHIẾU ĐỀ NGHỊ XÉT ĐẶC XÁ');
    expect(text).toContain('Phạm Ngọc Ửng');
    expect(text).toContain('03/02/1982');
    expect(text).toContain('Thời gian đã chấp hành: 6 năm 7 tháng 11 ngày');
    expect(text).toContain('Đã nộp 20.000.000 đồng');
    expect(text).toContain('Đã thi hành xong 1.250.000.000 đồng');
    expect(text).toContain('Quý IV/2024: Khá');
    expect(text).toContain(
      'Căn cứ Luật Đặc xá số 30/2018/QH14 và Nghị định số 52/2019/NĐ-CP (bộ quy tắc phiên bản 1.0.0)',
    );
    for (const result of sheet.engine.results) {
      expect(text).toContain(result.title.split(' ').slice(0, 2).join(' '));
      expect(text).toContain(result.citation);
    }
    expect(text).toContain('Đã chấp hành 6 năm 7 tháng');
    expect(text).toContain('36/40 phiếu hợp lệ đồng ý (90%)');
    expectPageNumbers(pages);
    expectFooters(pages, rendered);
    await expectOnlyEmbeddedTinos(rendered.bytes);
  });

  it('prints the appraisal note with its flags, conclusion and the vote', async () => {
    const note = AppraisalNoteFactory.build();
    const rendered = await engine.render({ kind: DocumentKind.APPRAISAL_NOTE, data: note });
    const pages = await extractPages(rendered.bytes);
    const text = flatText(pages);

    expectTitleBlock(pages[0], note.heading);
    expect(text).toContain('TỔ THẨM ĐỊNH LIÊN NGÀNH');
    expect(text).toContain('Hoàng Thị Ỷ');
    expect(text).toContain('Ngày sinh');
    expect(text).toContain('Bản án thứ 1');
    expect(text).toContain('Thiếu tài liệu');
    expect(text).toContain('Ý kiến của Tổ thẩm định liên ngành: Đề nghị bổ sung hồ sơ.');
    expect(text).toContain('tán thành 5/7 (71,43%); không tán thành 2/7 (28,57%)');
    expectFooters(pages, rendered);
  });

  it('says so when an appraisal found nothing to flag', async () => {
    const note = AppraisalNoteFactory.build({ flags: [], vote: null, reason: '', conclusion: 'Đồng ý đề nghị đặc xá' });
    const text = flatText(
      await extractPages((await engine.render({ kind: DocumentKind.APPRAISAL_NOTE, data: note })).bytes),
    );
    expect(text).toContain('Không phát hiện sai sót về nội dung và thể thức hồ sơ.');
    expect(text).not.toContain('biểu quyết');
  });

  it('prints the amnesty certificate for a granted person', async () => {
    const certificate = CertificateFactory.build();
    const rendered = await engine.render({ kind: DocumentKind.CERTIFICATE, data: certificate });
    const pages = await extractPages(rendered.bytes);
    const text = flatText(pages);

    expectTitleBlock(pages[0], certificate.heading);
    expect(text).toContain('GIẤY CHỨNG NHẬN ĐẶC XÁ');
    expect(text).toContain('Đặng Thị Ngữ');
    expect(text).toContain('Căn cứ Quyết định số 1244/QĐ-CTN ngày 03/07/2025 của Chủ tịch nước về đặc xá năm 2025;');
    expect(text).toContain('được trả tự do kể từ ngày 01/09/2025');
    expect(text).toContain('trước ngày 11/09/2025');
    expectFooters(pages, rendered);
  });

  it('prints the court president’s certificate to a person on suspension without any release from prison', async () => {
    const certificate = CourtDocumentsFactory.certificate();
    const rendered = await engine.render({ kind: DocumentKind.CERTIFICATE, data: certificate });
    const text = flatText(await extractPages(rendered.bytes));

    expect(text).toContain('GIẤY CHỨNG NHẬN ĐẶC XÁ');
    expect(text).toContain('khi đang được tạm đình chỉ chấp hành án phạt tù');
    expect(text).toContain('không phải chấp hành phần hình phạt tù còn lại kể từ ngày 02/09/2025');
    expect(text).not.toMatch(/tha tù|trả tự do/);
  });
});
