import { formatPlaceDate } from '../../../src/documents/format/print-format.js';
import type { ComplaintDecisionViewModel } from '../../../src/documents/view-models/complaint-decision.js';
import type { ProcuracyNoticeViewModel } from '../../../src/documents/view-models/procuracy-notice.js';
import { HeadingFactory, RecipientsFactory, SignatureFactory } from './common.factory.js';

const BASES = [
  'Căn cứ Luật Đặc xá ngày 19 tháng 11 năm 2018;',
  'Căn cứ Quyết định số 1244/2025/QĐ-CTN ngày 03 tháng 7 năm 2025 của Chủ tịch nước về đặc xá năm 2025 (đợt 2);',
];

// As the complaint-decision builder prints a first-level rejection (Luật Đặc xá 2018, Điều 37).
export const ComplaintDecisionFactory = {
  build(overrides: Partial<ComplaintDecisionViewModel> = {}): ComplaintDecisionViewModel {
    return {
      heading: HeadingFactory.build({
        number: '12/QĐ-TGTX',
        placeDate: formatPlaceDate('Ninh Bình', '2025-07-25'),
        documentType: 'QUYẾT ĐỊNH',
        summary: 'Về việc giải quyết khiếu nại lần đầu của Trần Thị Ngọc Ánh',
      }),
      bases: [
        ...BASES,
        'Xét đơn khiếu nại của Trần Thị Ngọc Ánh (thân nhân) nhận ngày 18/07/2025 về việc Phạm Ngọc Ửng, sinh ngày 03/02/1982, đang chấp hành án tại Trại giam Thanh Xuân, không có tên trong danh sách người đủ điều kiện đề nghị đặc xá;',
      ],
      articles: [
        {
          label: 'Điều 1.',
          text: 'Không chấp nhận nội dung khiếu nại của Trần Thị Ngọc Ánh. Lý do: chưa chấp hành đủ thời gian tối thiểu theo điểm b khoản 1 Điều 11 Luật Đặc xá.',
        },
        {
          label: 'Điều 2.',
          text: 'Giữ nguyên việc không đưa Phạm Ngọc Ửng vào danh sách người đủ điều kiện đề nghị đặc xá. Trường hợp không đồng ý, người khiếu nại có quyền khiếu nại đến Bộ trưởng Bộ Công an trong thời hạn 05 ngày kể từ ngày nhận được Quyết định này (Luật Đặc xá 2018, Điều 37, khoản 2).',
        },
        {
          label: 'Điều 3.',
          text: 'Quyết định này có hiệu lực kể từ ngày ký. Người khiếu nại, cơ sở giam giữ và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.',
        },
      ],
      signatures: [SignatureFactory.build()],
      recipients: RecipientsFactory.build({
        entries: ['Trần Thị Ngọc Ánh (người khiếu nại)', 'Viện kiểm sát nhân dân tối cao', 'Như Điều 3'],
      }),
      ...overrides,
    };
  },
};

// As the procuracy-notice builder prints a camp's notice of its list results (Điều 15, khoản 5).
export const ProcuracyNoticeFactory = {
  build(overrides: Partial<ProcuracyNoticeViewModel> = {}): ProcuracyNoticeViewModel {
    return {
      heading: HeadingFactory.build({
        number: '31/TB-TGTX',
        placeDate: formatPlaceDate('Ninh Bình', '2025-07-22'),
        documentType: 'THÔNG BÁO',
        summary: 'Kết quả lập danh sách người được đề nghị đặc xá',
      }),
      addressee: 'Viện kiểm sát nhân dân tối cao',
      bases: [...BASES],
      body: [
        'Thực hiện khoản 5 Điều 15 Luật Đặc xá, Trại giam Thanh Xuân thông báo kết quả lập danh sách người được đề nghị đặc xá, niêm yết ngày 21/07/2025 như sau:',
      ],
      figures: [
        { label: 'Người đủ điều kiện đề nghị đặc xá', value: '214' },
        { label: 'Người không đủ điều kiện đề nghị đặc xá', value: '37' },
      ],
      closing:
        'Trại giam Thanh Xuân gửi kèm theo các danh sách trên để Viện kiểm sát thực hiện kiểm sát theo quy định tại Điều 30 Luật Đặc xá.',
      signatures: [SignatureFactory.build()],
      recipients: RecipientsFactory.build({ entries: ['Viện kiểm sát nhân dân tối cao'] }),
      ...overrides,
    };
  },
};
