import { formatDate, formatInteger } from '../../../src/documents/format/print-format.js';
import type {
  DisagreementRow,
  ExplanatoryReportViewModel,
} from '../../../src/documents/view-models/explanatory-report.js';
import { ListVariant } from '../../../src/documents/view-models/proposal-list.js';
import type { SubmissionAnnex, SubmissionViewModel } from '../../../src/documents/view-models/submission.js';
import { HeadingFactory, RecipientsFactory, SignatureFactory, nameAt } from './common.factory.js';
import { ProposalListFactory } from './list.factory.js';

export const DisagreementFactory = {
  build(index: number, overrides: Partial<DisagreementRow> = {}): DisagreementRow {
    return {
      order: index + 1,
      fullName: nameAt(index),
      birthDate: formatDate('1975-04-30'),
      facility: 'Trại giam Nam Hà',
      proposal: 'Đề nghị đặc xá',
      appraisalOpinion: 'Không đồng ý: chưa có quyết định chưa có điều kiện thi hành án của cơ quan thi hành án dân sự',
      explanation: 'Trại giam đã bổ sung Quyết định số 15/QĐ-CCTHADS ngày 01/08/2025',
      standingBodyView: 'Đồng ý đề nghị đặc xá',
      ...overrides,
    };
  },
};

export const ExplanatoryReportFactory = {
  build(rows = 3, overrides: Partial<ExplanatoryReportViewModel> = {}): ExplanatoryReportViewModel {
    return {
      heading: HeadingFactory.build({
        issuer: { parent: 'HỘI ĐỒNG TƯ VẤN ĐẶC XÁ', name: 'THƯỜNG TRỰC HỘI ĐỒNG' },
        number: '31/BC-TTHĐTVĐX',
        documentType: 'BÁO CÁO',
        summary: 'Giải trình các trường hợp có ý kiến khác nhau, đặc xá năm 2025 (đợt 2)',
      }),
      addressee: 'Hội đồng tư vấn đặc xá',
      introduction: [
        'Thực hiện Quyết định số 1244/QĐ-CTN của Chủ tịch nước, Thường trực Hội đồng báo cáo giải trình như sau.',
      ],
      figures: [
        { label: 'Tổng số hồ sơ đã thẩm định', value: formatInteger(12_345) },
        { label: 'Số trường hợp có ý kiến khác nhau', value: formatInteger(rows) },
      ],
      disagreements: Array.from({ length: rows }, (_, index) => DisagreementFactory.build(index)),
      closing: ['Thường trực Hội đồng kính trình Hội đồng tư vấn đặc xá xem xét, quyết định.'],
      signatures: [
        SignatureFactory.build({
          authority: 'TM. THƯỜNG TRỰC HỘI ĐỒNG',
          title: 'BỘ TRƯỞNG BỘ CÔNG AN',
          name: 'Đại tướng Lương Tam Quang',
        }),
      ],
      recipients: RecipientsFactory.build({ entries: ['Như trên', 'Văn phòng Chủ tịch nước'] }),
      ...overrides,
    };
  },
};

function annex(label: string, variant: ListVariant, facilities: number[]): SubmissionAnnex {
  const list = ProposalListFactory.build({ variant, facilities });
  return {
    label,
    title: 'DANH SÁCH',
    summary: list.heading.summary,
    variant,
    groups: list.groups,
    totals: list.totals,
  };
}

export const SubmissionFactory = {
  build(overrides: Partial<SubmissionViewModel> = {}): SubmissionViewModel {
    return {
      heading: HeadingFactory.build({
        issuer: { parent: null, name: 'HỘI ĐỒNG TƯ VẤN ĐẶC XÁ' },
        number: '09/TTr-HĐTVĐX',
        placeDate: 'Hà Nội, ngày 25 tháng 8 năm 2025',
        documentType: 'TỜ TRÌNH',
        summary: 'Về việc đề nghị đặc xá năm 2025 (đợt 2)',
      }),
      addressee: 'Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam',
      bases: [
        'Căn cứ Luật Đặc xá ngày 19 tháng 11 năm 2018;',
        'Căn cứ Quyết định số 1244/QĐ-CTN ngày 03/07/2025 của Chủ tịch nước về đặc xá năm 2025;',
      ],
      body: [
        'Hội đồng tư vấn đặc xá đã họp xét các trường hợp do các bộ, ngành đề nghị và kết quả thẩm định của Tổ thẩm định liên ngành.',
      ],
      figures: [
        { label: 'Người đủ điều kiện đề nghị đặc xá', value: '6' },
        { label: 'Người không đủ điều kiện đề nghị đặc xá', value: '3' },
      ],
      proposal:
        'Hội đồng tư vấn đặc xá kính trình Chủ tịch nước xem xét, quyết định đặc xá cho những người có tên tại Phụ lục I.',
      signatures: [
        SignatureFactory.build({ authority: 'TM. HỘI ĐỒNG', title: 'CHỦ TỊCH', name: 'Phó Thủ tướng Nguyễn Hòa Bình' }),
      ],
      recipients: RecipientsFactory.build({ entries: ['Như trên', 'Văn phòng Chủ tịch nước'] }),
      annexes: [annex('Phụ lục I', ListVariant.ELIGIBLE, [4, 2]), annex('Phụ lục II', ListVariant.INELIGIBLE, [3])],
      ...overrides,
    };
  },
};
