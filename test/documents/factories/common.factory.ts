import { formatDocumentNumber, formatPlaceDate } from '../../../src/documents/format/print-format.js';
import type { DocumentHeading, Recipients, Signature } from '../../../src/documents/view-models/common.js';

export const HeadingFactory = {
  build(overrides: Partial<DocumentHeading> = {}): DocumentHeading {
    return {
      issuer: { parent: 'BỘ CÔNG AN', name: 'TRẠI GIAM THANH XUÂN' },
      number: formatDocumentNumber(5, 'BB-TGTX'),
      placeDate: formatPlaceDate('Hà Nội', '2025-07-10'),
      documentType: 'BIÊN BẢN',
      summary: 'Họp bình xét đề nghị đặc xá năm 2025 (đợt 2)',
      ...overrides,
    };
  },
};

export const SignatureFactory = {
  build(overrides: Partial<Signature> = {}): Signature {
    return { authority: null, title: 'GIÁM THỊ', name: 'Đại tá Nguyễn Đức Thắng', note: null, ...overrides };
  },
};

export const RecipientsFactory = {
  build(overrides: Partial<Recipients> = {}): Recipients {
    return {
      entries: [
        'Cục Cảnh sát quản lý trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng',
        'Viện kiểm sát nhân dân tối cao',
      ],
      archive: 'Lưu: VT, ĐXA.',
      ...overrides,
    };
  },
};

// Names chosen to exercise every tone mark and the letters ă, â, đ, ê, ô, ơ, ư.
export const VIETNAMESE_NAMES = [
  'Nguyễn Văn Ánh',
  'Trần Thị Hường',
  'Lê Đức Thắng',
  'Phạm Ngọc Ửng',
  'Hoàng Thị Ỷ',
  'Vũ Quốc Việt',
  'Đặng Thị Ngữ',
  'Bùi Xuân Hưởng',
  'Đỗ Mạnh Cường',
  'Hồ Thị Ẩn',
  'Ngô Văn Ơn',
  'Dương Thị Ẵm',
];

export function nameAt(index: number): string {
  const base = VIETNAMESE_NAMES[index % VIETNAMESE_NAMES.length];
  const round = Math.floor(index / VIETNAMESE_NAMES.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}
