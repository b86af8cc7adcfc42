import { OffenceGrade } from '../../../src/dossiers/dossier-format.js';
import type { OffenceTemplate } from './offences.js';

// Criminal Code 1999 (amended 2009), the code judgments before 2018 were handed down under; decree-era rounds see only
// these numbers. Keyed by the 1999 article.
const L = OffenceGrade.LESS_SERIOUS;
const S = OffenceGrade.SERIOUS;
const V = OffenceGrade.VERY_SERIOUS;
const E = OffenceGrade.ESPECIALLY_SERIOUS;
const y = (n: number) => n * 12;

export const OFFENCES_1999: Record<number, OffenceTemplate> = {
  79: { article: 79, chapter: 11, name: 'Hoạt động nhằm lật đổ chính quyền nhân dân', intentional: true, nationalSecurity: true,
    clauses: [{ clause: 2, minMonths: y(5), maxMonths: y(15), grade: V }] },
  88: { article: 88, chapter: 11, name: 'Tuyên truyền chống Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam', intentional: true, nationalSecurity: true,
    clauses: [{ clause: 1, minMonths: y(3), maxMonths: y(12), grade: V }] },
  89: { article: 89, chapter: 11, name: 'Phá rối an ninh', intentional: true, nationalSecurity: true,
    clauses: [{ clause: 1, minMonths: y(5), maxMonths: y(15), grade: V }] },
  91: { article: 91, chapter: 11, name: 'Trốn đi nước ngoài hoặc trốn ở lại nước ngoài nhằm chống chính quyền nhân dân', intentional: true,
    nationalSecurity: true, clauses: [{ clause: 1, minMonths: y(3), maxMonths: y(12), grade: V }] },
  93: { article: 93, chapter: 12, name: 'Giết người', intentional: true, damages: true,
    clauses: [{ clause: 2, minMonths: y(7), maxMonths: y(15), grade: V }, { clause: 1, minMonths: y(12), maxMonths: y(20), grade: E, life: true }] },
  98: { article: 98, chapter: 12, name: 'Vô ý làm chết người', intentional: false, damages: true,
    clauses: [{ clause: 1, minMonths: 12, maxMonths: y(5), grade: S }] },
  104: { article: 104, chapter: 12, name: 'Cố ý gây thương tích hoặc gây tổn hại cho sức khỏe của người khác', intentional: true, damages: true,
    clauses: [{ clause: 1, minMonths: 6, maxMonths: y(3), grade: L }, { clause: 2, minMonths: y(2), maxMonths: y(7), grade: S },
      { clause: 3, minMonths: y(5), maxMonths: y(15), grade: V }] },
  111: { article: 111, chapter: 12, name: 'Hiếp dâm', intentional: true, damages: true,
    clauses: [{ clause: 1, minMonths: y(2), maxMonths: y(7), grade: S }, { clause: 2, minMonths: y(7), maxMonths: y(15), grade: V }] },
  112: { article: 112, chapter: 12, name: 'Hiếp dâm trẻ em', intentional: true, damages: true,
    clauses: [{ clause: 1, minMonths: y(7), maxMonths: y(15), grade: V }] },
  119: { article: 119, chapter: 12, name: 'Mua bán người', intentional: true, damages: true,
    clauses: [{ clause: 1, minMonths: y(2), maxMonths: y(7), grade: S }, { clause: 2, minMonths: y(5), maxMonths: y(20), grade: E }] },
  133: { article: 133, chapter: 14, name: 'Cướp tài sản', intentional: true, damages: true,
    clauses: [{ clause: 1, minMonths: y(3), maxMonths: y(10), grade: V }, { clause: 2, minMonths: y(7), maxMonths: y(15), grade: V }] },
  135: { article: 135, chapter: 14, name: 'Cưỡng đoạt tài sản', intentional: true, damages: true,
    clauses: [{ clause: 1, minMonths: 12, maxMonths: y(5), grade: S }] },
  136: { article: 136, chapter: 14, name: 'Cướp giật tài sản', intentional: true, damages: true,
    clauses: [{ clause: 1, minMonths: 12, maxMonths: y(5), grade: S }, { clause: 2, minMonths: y(3), maxMonths: y(10), grade: V }] },
  138: { article: 138, chapter: 14, name: 'Trộm cắp tài sản', intentional: true, damages: true,
    clauses: [{ clause: 1, minMonths: 6, maxMonths: y(3), grade: L }, { clause: 2, minMonths: y(2), maxMonths: y(7), grade: S },
      { clause: 3, minMonths: y(7), maxMonths: y(15), grade: V }] },
  139: { article: 139, chapter: 14, name: 'Lừa đảo chiếm đoạt tài sản', intentional: true, damages: true, fine: [10_000_000, 100_000_000],
    clauses: [{ clause: 1, minMonths: 6, maxMonths: y(3), grade: L }, { clause: 2, minMonths: y(2), maxMonths: y(7), grade: S },
      { clause: 3, minMonths: y(7), maxMonths: y(15), grade: V }] },
  140: { article: 140, chapter: 14, name: 'Lạm dụng tín nhiệm chiếm đoạt tài sản', intentional: true, damages: true,
    clauses: [{ clause: 1, minMonths: 3, maxMonths: y(3), grade: L }, { clause: 2, minMonths: y(2), maxMonths: y(7), grade: S }] },
  194: { article: 194, chapter: 18, name: 'Tàng trữ, vận chuyển, mua bán trái phép hoặc chiếm đoạt chất ma túy', intentional: true, drug: true,
    fine: [5_000_000, 50_000_000], clauses: [{ clause: 1, minMonths: y(2), maxMonths: y(7), grade: S }, { clause: 2, minMonths: y(7), maxMonths: y(15), grade: V }] },
  197: { article: 197, chapter: 18, name: 'Tổ chức sử dụng trái phép chất ma túy', intentional: true, drug: true,
    clauses: [{ clause: 1, minMonths: y(2), maxMonths: y(7), grade: S }] },
  202: { article: 202, chapter: 19, name: 'Vi phạm quy định về điều khiển phương tiện giao thông đường bộ', intentional: false, damages: true,
    clauses: [{ clause: 1, minMonths: 6, maxMonths: y(5), grade: S }, { clause: 2, minMonths: y(3), maxMonths: y(10), grade: V }] },
  245: { article: 245, chapter: 19, name: 'Gây rối trật tự công cộng', intentional: true,
    clauses: [{ clause: 1, minMonths: 3, maxMonths: y(2), grade: L }, { clause: 2, minMonths: y(2), maxMonths: y(7), grade: S }] },
  248: { article: 248, chapter: 19, name: 'Đánh bạc', intentional: true, fine: [5_000_000, 50_000_000],
    clauses: [{ clause: 1, minMonths: 3, maxMonths: y(3), grade: L }, { clause: 2, minMonths: y(2), maxMonths: y(7), grade: S }] },
  249: { article: 249, chapter: 19, name: 'Tổ chức đánh bạc hoặc gá bạc', intentional: true, fine: [10_000_000, 300_000_000],
    clauses: [{ clause: 1, minMonths: 12, maxMonths: y(5), grade: S }] },
  257: { article: 257, chapter: 20, name: 'Chống người thi hành công vụ', intentional: true,
    clauses: [{ clause: 1, minMonths: 6, maxMonths: y(3), grade: L }] },
  278: { article: 278, chapter: 21, name: 'Tham ô tài sản', intentional: true, corruption: true, damages: true,
    clauses: [{ clause: 1, minMonths: y(2), maxMonths: y(7), grade: S }, { clause: 2, minMonths: y(7), maxMonths: y(15), grade: V }] },
  279: { article: 279, chapter: 21, name: 'Nhận hối lộ', intentional: true, corruption: true, damages: true,
    clauses: [{ clause: 1, minMonths: y(2), maxMonths: y(7), grade: S }] },
  325: { article: 325, chapter: 23, name: 'Đào ngũ', intentional: true,
    clauses: [{ clause: 1, minMonths: 6, maxMonths: y(5), grade: S }] },
};

// The same conduct under the 2015 numbering and the 1999 numbering.
export const ARTICLE_1999_FOR_2015: Readonly<Record<number, number>> = {
  109: 79, 117: 88, 118: 89, 121: 91, 123: 93, 128: 98, 134: 104, 141: 111, 142: 112, 150: 119, 168: 133, 170: 135,
  171: 136, 173: 138, 174: 139, 175: 140, 249: 194, 250: 194, 251: 194, 255: 197, 260: 202, 318: 245, 321: 248,
  322: 249, 330: 257, 353: 278, 354: 279, 402: 325,
};

export const ORDINARY_OFFENCE_WEIGHTS_1999: readonly (readonly [number, number])[] = [
  [138, 30], [139, 12], [194, 20], [104, 10], [136, 4], [248, 8], [202, 4], [245, 2], [133, 3], [140, 3], [135, 2], [257, 1], [98, 1],
];
