import { formatDate, formatPlaceDate } from '../../../src/documents/format/print-format.js';
import { certificateStatement } from '../../../src/workflow/core/certificate-statement.js';
import type { CertificateViewModel } from '../../../src/documents/view-models/certificate.js';
import type { ProcuracyNoticeViewModel } from '../../../src/documents/view-models/procuracy-notice.js';
import { ListLevel, type ProposalListViewModel } from '../../../src/documents/view-models/proposal-list.js';
import { HeadingFactory, RecipientsFactory, SignatureFactory } from './common.factory.js';
import { CertificateFactory } from './dossier-documents.factory.js';
import { ProcuracyNoticeFactory } from './complaint-documents.factory.js';
import { ProposalListFactory } from './list.factory.js';

// The documents of the courts' route for persons on suspension (Luật Đặc xá 2018, Điều 15, khoản 3–5; Điều 18,
// khoản 3), issued by a provincial court: no parent body above it, its president signing.
const COURT = { parent: null, name: 'TÒA ÁN NHÂN DÂN THÀNH PHỐ HÀ NỘI' };
const COURT_PRESIDENT = SignatureFactory.build({ title: 'CHÁNH ÁN', name: 'Nguyễn Thị Thu Hà' });
const COURT_PROCURACY = 'Viện kiểm sát nhân dân thành phố Hà Nội';

export const CourtDocumentsFactory = {
  // The court's list, sent straight to the appraisal team, the competent procuracy notified.
  list(people: number): ProposalListViewModel {
    return ProposalListFactory.build(
      { level: ListLevel.NATIONAL, facilities: [people] },
      {
        heading: HeadingFactory.build({
          issuer: COURT,
          number: '07/DS-TA',
          placeDate: formatPlaceDate('Hà Nội', '2025-07-18'),
          documentType: 'DANH SÁCH',
          summary: 'Người đang được tạm đình chỉ chấp hành án phạt tù đủ điều kiện đề nghị đặc xá năm 2025 (đợt 2)',
        }),
        basis: 'Niêm yết công khai ngày 18/07/2025',
        signatures: [COURT_PRESIDENT],
        recipients: RecipientsFactory.build({ entries: ['Tổ thẩm định liên ngành', COURT_PROCURACY] }),
      },
    );
  },

  procuracyNotice(): ProcuracyNoticeViewModel {
    return ProcuracyNoticeFactory.build({
      heading: HeadingFactory.build({
        issuer: COURT,
        number: '08/TB-TA',
        placeDate: formatPlaceDate('Hà Nội', '2025-07-19'),
        documentType: 'THÔNG BÁO',
        summary: 'Kết quả lập danh sách người được đề nghị đặc xá',
      }),
      addressee: COURT_PROCURACY,
      body: [
        'Thực hiện khoản 5 Điều 15 Luật Đặc xá, Tòa án nhân dân thành phố Hà Nội thông báo kết quả lập danh sách người đang được tạm đình chỉ chấp hành án phạt tù được đề nghị đặc xá như sau:',
      ],
      figures: [
        { label: 'Người đủ điều kiện đề nghị đặc xá', value: '6' },
        { label: 'Người không đủ điều kiện đề nghị đặc xá', value: '1' },
      ],
      closing:
        'Tòa án nhân dân thành phố Hà Nội gửi kèm theo danh sách trên để Viện kiểm sát thực hiện kiểm sát theo quy định tại Điều 30 Luật Đặc xá.',
      signatures: [COURT_PRESIDENT],
      recipients: RecipientsFactory.build({ entries: [COURT_PROCURACY] }),
    });
  },

  // The certificate the court president issues to a person on suspension (Điều 18, khoản 3).
  certificate(): CertificateViewModel {
    return CertificateFactory.build({
      heading: HeadingFactory.build({
        issuer: COURT,
        number: '0012/GCN-TA',
        documentType: 'GIẤY CHỨNG NHẬN ĐẶC XÁ',
        summary: '',
      }),
      custodyStart: formatDate('2021-03-02'),
      releaseDate: formatDate('2025-09-02'),
      statement: certificateStatement({ status: 'SUSPENDED', effectiveOn: '2025-09-02' }).text,
      signatures: [COURT_PRESIDENT],
    });
  },
};
