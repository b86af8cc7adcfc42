import { OffenceGrade } from '../../../src/dossiers/dossier-format.js';

// Criminal Code 2015 (amended 2017) articles the demo and synthetic dossiers use, with the chapter each sits in, the
// nature of the offence and the penalty frame of the clauses drawn from (in months; `life` marks a frame reaching
// life imprisonment). The grade follows Art 9: up to 3 years less serious, 7 serious, 15 very serious, above that
// especially serious.
export interface ClauseFrame {
  clause: number;
  minMonths: number;
  maxMonths: number;
  grade: OffenceGrade;
  life?: boolean;
}

export interface OffenceTemplate {
  article: number;
  chapter: number;
  name: string;
  intentional: boolean;
  drug?: boolean;
  corruption?: boolean;
  nationalSecurity?: boolean;
  // Additional fine the article allows (VND), when courts commonly impose one.
  fine?: [number, number];
  // Whether the judgment usually orders restitution or compensation to the victims.
  damages?: boolean;
  clauses: ClauseFrame[];
}

const L = OffenceGrade.LESS_SERIOUS;
const S = OffenceGrade.SERIOUS;
const V = OffenceGrade.VERY_SERIOUS;
const E = OffenceGrade.ESPECIALLY_SERIOUS;
const y = (n: number) => n * 12;

export type Catalogue = Readonly<Record<number, OffenceTemplate>>;

export const OFFENCES: Catalogue = {
  109: {
    article: 109,
    chapter: 13,
    name: 'Hoạt động nhằm lật đổ chính quyền nhân dân',
    intentional: true,
    nationalSecurity: true,
    clauses: [{ clause: 2, minMonths: y(5), maxMonths: y(15), grade: V }],
  },
  117: {
    article: 117,
    chapter: 13,
    name: 'Làm, tàng trữ, phát tán hoặc tuyên truyền thông tin, tài liệu, vật phẩm nhằm chống Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam',
    intentional: true,
    nationalSecurity: true,
    clauses: [{ clause: 1, minMonths: y(5), maxMonths: y(12), grade: V }],
  },
  118: {
    article: 118,
    chapter: 13,
    name: 'Phá rối an ninh',
    intentional: true,
    nationalSecurity: true,
    clauses: [
      { clause: 1, minMonths: y(5), maxMonths: y(15), grade: V },
      { clause: 2, minMonths: y(2), maxMonths: y(7), grade: S },
    ],
  },
  121: {
    article: 121,
    chapter: 13,
    name: 'Trốn đi nước ngoài hoặc trốn ở lại nước ngoài nhằm chống chính quyền nhân dân',
    intentional: true,
    nationalSecurity: true,
    clauses: [{ clause: 1, minMonths: y(3), maxMonths: y(12), grade: V }],
  },
  123: {
    article: 123,
    chapter: 14,
    name: 'Giết người',
    intentional: true,
    damages: true,
    clauses: [
      { clause: 2, minMonths: y(7), maxMonths: y(15), grade: V },
      { clause: 1, minMonths: y(12), maxMonths: y(20), grade: E, life: true },
    ],
  },
  128: {
    article: 128,
    chapter: 14,
    name: 'Vô ý làm chết người',
    intentional: false,
    damages: true,
    clauses: [{ clause: 1, minMonths: 12, maxMonths: y(5), grade: S }],
  },
  134: {
    article: 134,
    chapter: 14,
    name: 'Cố ý gây thương tích hoặc gây tổn hại cho sức khỏe của người khác',
    intentional: true,
    damages: true,
    clauses: [
      { clause: 1, minMonths: 6, maxMonths: y(3), grade: L },
      { clause: 2, minMonths: y(2), maxMonths: y(6), grade: S },
      { clause: 3, minMonths: y(5), maxMonths: y(10), grade: V },
      { clause: 4, minMonths: y(7), maxMonths: y(14), grade: V },
    ],
  },
  141: {
    article: 141,
    chapter: 14,
    name: 'Hiếp dâm',
    intentional: true,
    damages: true,
    clauses: [
      { clause: 1, minMonths: y(2), maxMonths: y(7), grade: S },
      { clause: 2, minMonths: y(7), maxMonths: y(15), grade: V },
    ],
  },
  142: {
    article: 142,
    chapter: 14,
    name: 'Hiếp dâm người dưới 16 tuổi',
    intentional: true,
    damages: true,
    clauses: [{ clause: 1, minMonths: y(7), maxMonths: y(15), grade: V }],
  },
  150: {
    article: 150,
    chapter: 14,
    name: 'Mua bán người',
    intentional: true,
    damages: true,
    clauses: [
      { clause: 1, minMonths: y(5), maxMonths: y(10), grade: V },
      { clause: 2, minMonths: y(8), maxMonths: y(15), grade: V },
    ],
  },
  168: {
    article: 168,
    chapter: 16,
    name: 'Cướp tài sản',
    intentional: true,
    damages: true,
    clauses: [
      { clause: 1, minMonths: y(3), maxMonths: y(10), grade: V },
      { clause: 2, minMonths: y(7), maxMonths: y(15), grade: V },
    ],
  },
  170: {
    article: 170,
    chapter: 16,
    name: 'Cưỡng đoạt tài sản',
    intentional: true,
    damages: true,
    clauses: [{ clause: 1, minMonths: 12, maxMonths: y(5), grade: S }],
  },
  171: {
    article: 171,
    chapter: 16,
    name: 'Cướp giật tài sản',
    intentional: true,
    damages: true,
    clauses: [
      { clause: 1, minMonths: 12, maxMonths: y(5), grade: S },
      { clause: 2, minMonths: y(3), maxMonths: y(10), grade: V },
    ],
  },
  173: {
    article: 173,
    chapter: 16,
    name: 'Trộm cắp tài sản',
    intentional: true,
    damages: true,
    clauses: [
      { clause: 1, minMonths: 6, maxMonths: y(3), grade: L },
      { clause: 2, minMonths: y(2), maxMonths: y(7), grade: S },
      { clause: 3, minMonths: y(7), maxMonths: y(15), grade: V },
    ],
  },
  174: {
    article: 174,
    chapter: 16,
    name: 'Lừa đảo chiếm đoạt tài sản',
    intentional: true,
    damages: true,
    fine: [10_000_000, 100_000_000],
    clauses: [
      { clause: 1, minMonths: 6, maxMonths: y(3), grade: L },
      { clause: 2, minMonths: y(2), maxMonths: y(7), grade: S },
      { clause: 3, minMonths: y(7), maxMonths: y(15), grade: V },
      { clause: 4, minMonths: y(12), maxMonths: y(20), grade: E },
    ],
  },
  175: {
    article: 175,
    chapter: 16,
    name: 'Lạm dụng tín nhiệm chiếm đoạt tài sản',
    intentional: true,
    damages: true,
    fine: [10_000_000, 100_000_000],
    clauses: [
      { clause: 1, minMonths: 6, maxMonths: y(3), grade: L },
      { clause: 2, minMonths: y(2), maxMonths: y(7), grade: S },
    ],
  },
  201: {
    article: 201,
    chapter: 18,
    name: 'Cho vay lãi nặng trong giao dịch dân sự',
    intentional: true,
    fine: [30_000_000, 200_000_000],
    clauses: [{ clause: 2, minMonths: 6, maxMonths: y(3), grade: L }],
  },
  249: {
    article: 249,
    chapter: 20,
    name: 'Tàng trữ trái phép chất ma túy',
    intentional: true,
    drug: true,
    fine: [5_000_000, 50_000_000],
    clauses: [
      { clause: 1, minMonths: 12, maxMonths: y(5), grade: S },
      { clause: 2, minMonths: y(5), maxMonths: y(10), grade: V },
    ],
  },
  250: {
    article: 250,
    chapter: 20,
    name: 'Vận chuyển trái phép chất ma túy',
    intentional: true,
    drug: true,
    fine: [5_000_000, 50_000_000],
    clauses: [
      { clause: 1, minMonths: y(2), maxMonths: y(7), grade: S },
      { clause: 2, minMonths: y(7), maxMonths: y(15), grade: V },
    ],
  },
  251: {
    article: 251,
    chapter: 20,
    name: 'Mua bán trái phép chất ma túy',
    intentional: true,
    drug: true,
    fine: [5_000_000, 50_000_000],
    clauses: [
      { clause: 1, minMonths: y(2), maxMonths: y(7), grade: S },
      { clause: 2, minMonths: y(7), maxMonths: y(15), grade: V },
    ],
  },
  255: {
    article: 255,
    chapter: 20,
    name: 'Tổ chức sử dụng trái phép chất ma túy',
    intentional: true,
    drug: true,
    fine: [5_000_000, 50_000_000],
    clauses: [{ clause: 1, minMonths: y(2), maxMonths: y(7), grade: S }],
  },
  260: {
    article: 260,
    chapter: 21,
    name: 'Vi phạm quy định về tham gia giao thông đường bộ',
    intentional: false,
    damages: true,
    clauses: [
      { clause: 1, minMonths: 12, maxMonths: y(5), grade: S },
      { clause: 2, minMonths: y(3), maxMonths: y(10), grade: V },
    ],
  },
  304: {
    article: 304,
    chapter: 21,
    name: 'Chế tạo, tàng trữ, vận chuyển, sử dụng, mua bán trái phép hoặc chiếm đoạt vũ khí quân dụng, phương tiện kỹ thuật quân sự',
    intentional: true,
    clauses: [{ clause: 1, minMonths: 12, maxMonths: y(7), grade: S }],
  },
  318: {
    article: 318,
    chapter: 21,
    name: 'Gây rối trật tự công cộng',
    intentional: true,
    clauses: [
      { clause: 1, minMonths: 3, maxMonths: y(2), grade: L },
      { clause: 2, minMonths: y(2), maxMonths: y(7), grade: S },
    ],
  },
  321: {
    article: 321,
    chapter: 21,
    name: 'Đánh bạc',
    intentional: true,
    fine: [20_000_000, 100_000_000],
    clauses: [
      { clause: 1, minMonths: 6, maxMonths: y(3), grade: L },
      { clause: 2, minMonths: y(3), maxMonths: y(7), grade: S },
    ],
  },
  322: {
    article: 322,
    chapter: 21,
    name: 'Tổ chức đánh bạc hoặc gá bạc',
    intentional: true,
    fine: [20_000_000, 200_000_000],
    clauses: [{ clause: 1, minMonths: 12, maxMonths: y(5), grade: S }],
  },
  330: {
    article: 330,
    chapter: 22,
    name: 'Chống người thi hành công vụ',
    intentional: true,
    clauses: [{ clause: 1, minMonths: 6, maxMonths: y(3), grade: L }],
  },
  341: {
    article: 341,
    chapter: 22,
    name: 'Làm giả con dấu, tài liệu của cơ quan, tổ chức; tội sử dụng con dấu hoặc tài liệu giả của cơ quan, tổ chức',
    intentional: true,
    clauses: [
      { clause: 1, minMonths: 6, maxMonths: y(2), grade: L },
      { clause: 2, minMonths: y(2), maxMonths: y(5), grade: S },
    ],
  },
  353: {
    article: 353,
    chapter: 23,
    name: 'Tham ô tài sản',
    intentional: true,
    corruption: true,
    damages: true,
    clauses: [
      { clause: 1, minMonths: y(2), maxMonths: y(7), grade: S },
      { clause: 2, minMonths: y(7), maxMonths: y(15), grade: V },
    ],
  },
  354: {
    article: 354,
    chapter: 23,
    name: 'Nhận hối lộ',
    intentional: true,
    corruption: true,
    damages: true,
    clauses: [
      { clause: 1, minMonths: y(2), maxMonths: y(7), grade: S },
      { clause: 2, minMonths: y(7), maxMonths: y(15), grade: V },
    ],
  },
  355: {
    article: 355,
    chapter: 23,
    name: 'Lạm dụng chức vụ, quyền hạn chiếm đoạt tài sản',
    intentional: true,
    corruption: true,
    damages: true,
    clauses: [{ clause: 1, minMonths: 12, maxMonths: y(6), grade: S }],
  },
  402: {
    article: 402,
    chapter: 25,
    name: 'Đào ngũ',
    intentional: true,
    clauses: [{ clause: 1, minMonths: 6, maxMonths: y(5), grade: S }],
  },
};

// How often each article appears among ordinary candidates: theft, fraud and drugs dominate real camp populations.
export const ORDINARY_OFFENCE_WEIGHTS: readonly (readonly [number, number])[] = [
  [173, 30],
  [174, 12],
  [249, 12],
  [251, 8],
  [134, 10],
  [171, 4],
  [170, 2],
  [175, 4],
  [321, 6],
  [322, 2],
  [260, 4],
  [318, 2],
  [330, 1],
  [341, 1],
  [201, 1],
  [255, 2],
  [168, 3],
  [128, 1],
];

export const MILITARY_OFFENCE_WEIGHTS: readonly (readonly [number, number])[] = [
  [402, 10],
  [173, 20],
  [134, 10],
  [260, 10],
  [174, 6],
  [304, 4],
  [249, 4],
  [321, 4],
  [353, 2],
];
