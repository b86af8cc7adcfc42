import { formatDate, formatDuration } from '../../../src/documents/format/print-format.js';
import {
  ListLevel,
  ListVariant,
  type ListFacilityGroup,
  type ListPersonRow,
  type ProposalListViewModel,
} from '../../../src/documents/view-models/proposal-list.js';
import { HeadingFactory, RecipientsFactory, SignatureFactory, nameAt } from './common.factory.js';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

export const ListRowFactory = {
  build(index: number, variant: ListVariant, overrides: Partial<ListPersonRow> = {}): ListPersonRow {
    const ineligible = variant === ListVariant.INELIGIBLE;
    return {
      order: index + 1,
      fullName: nameAt(index),
      alias: index % 7 === 0 ? 'Tí' : '',
      birthDate: formatDate(`19${70 + (index % 29)}-0${1 + (index % 9)}-1${index % 10}`),
      sex: index % 5 === 0 ? 'Nữ' : 'Nam',
      // Long enough to wrap over several lines, ending in a token unique to the row (tests look for it).
      residence: `Thôn Đoài, xã Đông Anh, thành phố Hà Nội, hộ khẩu số HK${String(index + 1).padStart(5, '0')}`,
      offence: 'Trộm cắp tài sản (Điều 173)',
      sentence: '07 năm tù',
      custodyStart: formatDate('2019-03-15'),
      served: formatDuration({ years: 6, months: 4, days: 16 }),
      category: ineligible ? '' : 'Điều 11 khoản 1',
      reason: ineligible
        ? 'Chưa chấp hành đủ 1/3 thời hạn phạt tù (đã chấp hành 2 năm 1 tháng, cần 2 năm 4 tháng)'
        : '',
      citation: ineligible ? 'Điều 11 khoản 1 điểm b Luật Đặc xá 2018' : '',
      ...overrides,
    };
  },
};

export interface ListFactoryOptions {
  level?: ListLevel;
  variant?: ListVariant;
  // People per facility; one entry per facility.
  facilities?: number[];
}

export const ProposalListFactory = {
  build(options: ListFactoryOptions = {}, overrides: Partial<ProposalListViewModel> = {}): ProposalListViewModel {
    const variant = options.variant ?? ListVariant.ELIGIBLE;
    const sizes = options.facilities ?? [5];
    let order = 0;
    const groups: ListFacilityGroup[] = sizes.map((size, facility) => ({
      numeral: ROMAN[facility] ?? String(facility + 1),
      facilityName: `Trại giam số ${facility + 1} - Cục C10`,
      count: size,
      rows: Array.from({ length: size }, () => ListRowFactory.build(order++, variant)),
    }));
    const eligible = variant === ListVariant.ELIGIBLE;
    return {
      heading: HeadingFactory.build({
        number: eligible ? '21/DS-TGTX' : '22/DS-TGTX',
        documentType: 'DANH SÁCH',
        summary: eligible
          ? 'Người đủ điều kiện đề nghị đặc xá năm 2025 (đợt 2)'
          : 'Người không đủ điều kiện đề nghị đặc xá năm 2025 (đợt 2)',
      }),
      level: options.level ?? ListLevel.FACILITY,
      variant,
      basis: 'Kèm theo Văn bản đề nghị số 23/ĐN-TGTX ngày 20/07/2025',
      groups,
      totals: { people: order, facilities: sizes.length },
      signatures: [
        SignatureFactory.build({ authority: 'TM. HỘI ĐỒNG', title: 'CHỦ TỊCH', name: 'Đại tá Nguyễn Đức Thắng' }),
      ],
      recipients: RecipientsFactory.build(),
      ...overrides,
    };
  },
};
