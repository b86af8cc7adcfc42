import { formatDate, formatDuration, formatVnd } from '../../../src/documents/format/print-format.js';
import { certificateStatement } from '../../../src/workflow/core/certificate-statement.js';
import type { AppraisalNoteViewModel } from '../../../src/documents/view-models/appraisal-note.js';
import type { CertificateViewModel } from '../../../src/documents/view-models/certificate.js';
import type { ProposalSheetViewModel } from '../../../src/documents/view-models/proposal-sheet.js';
import { HeadingFactory, RecipientsFactory, SignatureFactory } from './common.factory.js';

export const ProposalSheetFactory = {
  build(overrides: Partial<ProposalSheetViewModel> = {}): ProposalSheetViewModel {
    return {
      heading: HeadingFactory.build({
        number: '101/PĐN-TGTX',
        documentType: 'PHIẾU ĐỀ NGHỊ XÉT ĐẶC XÁ',
        summary: 'Năm 2025 (đợt 2)',
      }),
      person: {
        fullName: 'Phạm Ngọc Ửng',
        alias: '',
        birthDate: formatDate('1982-02-03'),
        sex: 'Nam',
        ethnicity: 'Kinh',
        nationality: 'Việt Nam',
        idNumber: '001082012345',
        residence: 'Phường Hoàn Kiếm, thành phố Hà Nội',
        intendedResidence: 'Phường Hoàn Kiếm, thành phố Hà Nội',
      },
      judgments: [
        {
          number: '125/2019/HS-ST',
          date: formatDate('2019-09-12'),
          court: 'Tòa án nhân dân thành phố Hà Nội',
          offence: 'Lừa đảo chiếm đoạt tài sản',
          sentence: '09 năm tù',
        },
      ],
      sentenceFigures: [
        { label: 'Ngày bắt', value: formatDate('2019-01-20') },
        { label: 'Thời điểm tính', value: formatDate('2025-08-31') },
        { label: 'Thời gian đã chấp hành', value: formatDuration({ years: 6, months: 7, days: 11 }) },
        { label: 'Đã được giảm', value: formatDuration({ years: 0, months: 9, days: 0 }) },
        { label: 'Thời hạn còn lại', value: formatDuration({ years: 1, months: 7, days: 19 }) },
      ],
      conduct: [
        { period: 'Quý III/2024', rating: 'Tốt' },
        { period: 'Quý IV/2024', rating: 'Khá' },
        { period: 'Quý I/2025', rating: 'Tốt' },
        { period: 'Quý II/2025', rating: 'Tốt' },
      ],
      obligations: [
        { label: 'Hình phạt bổ sung (phạt tiền)', value: `Đã nộp ${formatVnd(20_000_000)}` },
        { label: 'Án phí', value: `Đã nộp ${formatVnd(200_000)}` },
        { label: 'Bồi thường, nghĩa vụ dân sự', value: `Đã thi hành xong ${formatVnd(1_250_000_000)}` },
      ],
      category: 'Điều 11 khoản 1 Luật Đặc xá 2018',
      engine: {
        rulePackVersion: 'Luật Đặc xá số 30/2018/QH14 và Nghị định số 52/2019/NĐ-CP (bộ quy tắc phiên bản 1.0.0)',
        roundName: 'đặc xá năm 2025 (đợt 2)',
        evaluatedAt: formatDate('2025-07-12'),
        outcome: 'Đủ điều kiện',
        results: [
          {
            title: 'Chấp hành tốt, được xếp loại Khá hoặc Tốt',
            citation: 'Điều 11 khoản 1 điểm a',
            outcome: 'Đạt',
            reason: '4 quý liên tiếp xếp loại khá, tốt (cần 4)',
          },
          {
            title: 'Đã chấp hành đủ thời gian tối thiểu',
            citation: 'Điều 11 khoản 1 điểm b',
            outcome: 'Đạt',
            reason: 'Đã chấp hành 6 năm 7 tháng 11 ngày, cần 3 năm (1/3 của 9 năm)',
          },
          {
            title: 'Đã thi hành xong hình phạt bổ sung là phạt tiền, án phí',
            citation: 'Điều 11 khoản 1 điểm c',
            outcome: 'Đạt',
            reason: `Đã nộp phạt tiền ${formatVnd(20_000_000)} và án phí`,
          },
        ],
        reliesOn: ['Tỷ lệ thời gian đã chấp hành tối thiểu (chưa đối chiếu văn bản gốc; nguồn: Mức của Luật)'],
        councilDate: '',
      },
      teamBallot: '36/40 phiếu hợp lệ đồng ý (90%)',
      councilProposal:
        'Hội đồng xét đề nghị đặc xá Trại giam Thanh Xuân đề nghị xét đặc xá cho phạm nhân Phạm Ngọc Ửng.',
      signatures: [
        SignatureFactory.build({ authority: 'TM. HỘI ĐỒNG', title: 'CHỦ TỊCH', name: 'Đại tá Nguyễn Đức Thắng' }),
      ],
      ...overrides,
    };
  },
};

export const AppraisalNoteFactory = {
  build(overrides: Partial<AppraisalNoteViewModel> = {}): AppraisalNoteViewModel {
    return {
      heading: HeadingFactory.build({
        issuer: { parent: 'HỘI ĐỒNG TƯ VẤN ĐẶC XÁ', name: 'TỔ THẨM ĐỊNH LIÊN NGÀNH' },
        number: '07/PTĐ-TTĐLN',
        documentType: 'PHIẾU THẨM ĐỊNH',
        summary: 'Hồ sơ đề nghị đặc xá năm 2025 (đợt 2)',
      }),
      dossier: {
        code: 'HS-2025-000123',
        fullName: 'Hoàng Thị Ỷ',
        birthDate: formatDate('1958-11-30'),
        facility: 'Trại giam Thanh Xuân',
        proposingBody: 'Cục Cảnh sát quản lý trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng',
        category: 'Điều 11 khoản 3 điểm đ (từ đủ 70 tuổi)',
      },
      comparedWith: 'Tổ thẩm định đã đối chiếu văn bản đề nghị đặc xá với hồ sơ gốc của phạm nhân lưu tại trại giam.',
      flags: [
        {
          order: 1,
          field: 'Ngày sinh',
          category: 'Thiếu tài liệu',
          description: 'Thiếu bản sao giấy khai sinh chứng minh đủ 70 tuổi',
          citation: 'Điều 5 khoản 3 điểm d Nghị định 52/2019/NĐ-CP',
        },
        {
          order: 2,
          field: 'Bản án thứ 1: Ngày tuyên án',
          category: 'Sai thể thức',
          description: 'Ngày ký văn bản đề nghị sau ngày họp Hội đồng',
          citation: 'Nghị định 30/2020/NĐ-CP',
        },
      ],
      conclusion: 'Đề nghị bổ sung hồ sơ',
      reason: 'Bổ sung bản sao giấy khai sinh trước ngày 15/08/2025.',
      vote: { inFavour: '5/7 (71,43%)', against: '2/7 (28,57%)' },
      signatures: [
        SignatureFactory.build({
          authority: 'TM. TỔ THẨM ĐỊNH LIÊN NGÀNH',
          title: 'TỔ TRƯỞNG',
          name: 'Trung tướng Lê Quốc Hùng',
        }),
      ],
      ...overrides,
    };
  },
};

export const CertificateFactory = {
  build(overrides: Partial<CertificateViewModel> = {}): CertificateViewModel {
    return {
      heading: HeadingFactory.build({ number: '0456/GCN-TGTX', documentType: 'GIẤY CHỨNG NHẬN ĐẶC XÁ', summary: '' }),
      bases: [
        'Căn cứ Luật Đặc xá ngày 19 tháng 11 năm 2018;',
        'Căn cứ Quyết định số 1244/QĐ-CTN ngày 03/07/2025 của Chủ tịch nước về đặc xá năm 2025;',
      ],
      person: {
        fullName: 'Đặng Thị Ngữ',
        alias: '',
        birthDate: formatDate('1979-05-06'),
        sex: 'Nữ',
        birthPlace: 'Xã Yên Thế, tỉnh Bắc Ninh',
        residence: 'Xã Yên Thế, tỉnh Bắc Ninh',
      },
      offence: 'Tàng trữ trái phép chất ma túy (Điều 249 Bộ luật Hình sự)',
      sentence: '06 năm tù',
      judgment: 'Bản án số 88/2021/HS-ST ngày 14/06/2021 của Tòa án nhân dân tỉnh Bắc Giang',
      custodyStart: formatDate('2020-12-02'),
      releaseDate: formatDate('2025-09-01'),
      statement: certificateStatement({ status: 'SERVING', effectiveOn: '2025-09-01' }).text,
      reportTo: 'Ủy ban nhân dân xã Yên Thế, tỉnh Bắc Ninh',
      reportBy: formatDate('2025-09-11'),
      signatures: [SignatureFactory.build({ title: 'GIÁM THỊ', name: 'Đại tá Nguyễn Đức Thắng' })],
      recipients: RecipientsFactory.build({
        entries: [
          'Đặng Thị Ngữ',
          'Trung tâm Lý lịch tư pháp quốc gia',
          'Tòa án nhân dân tỉnh Bắc Giang',
          'Ủy ban nhân dân xã Yên Thế, tỉnh Bắc Ninh',
        ],
      }),
      ...overrides,
    };
  },
};
