import { formatPlaceDate } from '../../../src/documents/format/print-format.js';
import type {
  AppraisalRecordLine,
  AppraisalRecordViewModel,
} from '../../../src/documents/view-models/appraisal-record.js';
import { HeadingFactory, RecipientsFactory, SignatureFactory, nameAt } from './common.factory.js';

const AGENCIES = [
  'Bộ Công an',
  'Bộ Quốc phòng',
  'Tòa án nhân dân tối cao',
  'Viện kiểm sát nhân dân tối cao',
  'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam',
  'Bộ Tư pháp',
];

// One name of the record as the appraisal-record builder prints it: every agency's position and the vote.
function recordLine(index: number, campIneligible: boolean): AppraisalRecordLine {
  const against = campIneligible ? AGENCIES.length - 1 : index % 3 === 0 ? 1 : 0;
  return {
    order: index + 1,
    fullName: nameAt(campIneligible ? 40 + index : index),
    facility: index % 2 === 0 ? 'Trại giam Thanh Xuân' : 'Trại giam Quân khu 7',
    positions: AGENCIES.map((agency, a) => `${agency}: ${a < against ? 'Không đồng ý' : 'Đồng ý'}`).join('; '),
    ratio:
      against === 0
        ? `Thống nhất (${AGENCIES.length}/${AGENCIES.length})`
        : `Biểu quyết: ${AGENCIES.length - against}/${AGENCIES.length}`,
    note: campIneligible ? 'Trại đề nghị không đủ điều kiện: chưa chấp hành đủ 1/3 thời hạn phạt tù' : '',
  };
}

// The appraisal team's record (Luật Đặc xá 2018, Điều 16, khoản 2), sized by its two lists.
export const AppraisalRecordFactory = {
  build(
    eligible: number,
    ineligible: number,
    overrides: Partial<AppraisalRecordViewModel> = {},
  ): AppraisalRecordViewModel {
    return {
      heading: HeadingFactory.build({
        issuer: { parent: 'HỘI ĐỒNG TƯ VẤN ĐẶC XÁ', name: 'TỔ THẨM ĐỊNH LIÊN NGÀNH' },
        number: '03/BB-TTĐLN',
        placeDate: formatPlaceDate('Hà Nội', '2025-08-12'),
        documentType: 'BIÊN BẢN',
        summary: 'Thẩm định danh sách, hồ sơ đề nghị đặc xá, đặc xá năm 2025 (đợt 2)',
      }),
      bases: [
        'Căn cứ Luật Đặc xá ngày 19 tháng 11 năm 2018;',
        'Căn cứ Quyết định số 1244/2025/QĐ-CTN ngày 03 tháng 7 năm 2025 của Chủ tịch nước về đặc xá;',
      ],
      introduction: [
        'Thực hiện khoản 2 Điều 16 Luật Đặc xá và Điều 8 Nghị định số 52/2019/NĐ-CP, Tổ thẩm định liên ngành đã thẩm định danh sách, hồ sơ của người được đề nghị đặc xá và danh sách người không đủ điều kiện do các trại gửi đến, kết quả như sau:',
      ],
      members: AGENCIES.map((agency) => `Đại diện ${agency}`),
      figures: [
        { label: 'Người đủ điều kiện được đề nghị đặc xá', value: String(eligible) },
        { label: 'Người không đủ điều kiện đề nghị đặc xá', value: String(ineligible) },
      ],
      eligible: Array.from({ length: eligible }, (_, i) => recordLine(i, false)),
      ineligible: Array.from({ length: ineligible }, (_, i) => recordLine(i, true)),
      closing: [
        'Biên bản được lập thành các bản có giá trị như nhau, gửi cơ quan lập danh sách và Thường trực Hội đồng tư vấn đặc xá.',
      ],
      signatures: [SignatureFactory.build({ title: 'TỔ TRƯỞNG', name: 'Thiếu tướng Trần Văn Minh' })],
      recipients: RecipientsFactory.build({ entries: ['Thường trực Hội đồng tư vấn đặc xá'] }),
      ...overrides,
    };
  },
};
