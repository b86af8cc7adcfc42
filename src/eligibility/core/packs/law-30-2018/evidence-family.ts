import { tryDayNumber } from '../../../../kernel/calendar-date.js';
import { addYmd } from '../../calendar/duration.js';
import type { FamilyRelation, HardshipCause } from '../../facts.js';
import { hardshipGround } from '../shared/hardship.js';
import { result } from '../../rule.js';
import { claimedCategoryRule, councilReference, type Criterion } from '../shared/category-evidence.js';
import { MEDICAL_CONCLUSION } from './evidence-illness.js';
import { decree52, law } from './citations.js';
import { LAW_30_DATA } from './law-data.js';

// Decree 52/2019 Art 4(7): the economic ground names its causes (accident, illness, natural disaster, fire, other
// force majeure) and its result (no significant property, no income or income below the poor-household line); the
// carer ground names the relatives (father or mother, spouse, child; "bố, mẹ" read as including adoptive parents,
// as the civil law reads parents) who are seriously and long-term ill with no one else to care for them.
const ECONOMIC_CAUSES: ReadonlySet<HardshipCause> = new Set([
  'ACCIDENT',
  'ILLNESS',
  'NATURAL_DISASTER',
  'FIRE',
  'FORCE_MAJEURE',
]);
const CARER_RELATIONS: ReadonlySet<FamilyRelation> = new Set(['PARENT', 'ADOPTIVE_PARENT', 'SPOUSE', 'CHILD']);

export const familyHardshipRule = claimedCategoryRule({
  id: 'R-EVID-FAMILY',
  title: 'Căn cứ xác định hoàn cảnh gia đình đặc biệt khó khăn, là lao động duy nhất',
  category: 'FAMILY_HARDSHIP',
  claimedAs: 'FAMILY_HARDSHIP',
  citation: law(11, 3, 'e', 'Có hoàn cảnh gia đình đặc biệt khó khăn và bản thân là lao động duy nhất trong gia đình'),
  alsoCites: [
    decree52(4, 7, undefined, 'Hoàn cảnh gia đình đặc biệt khó khăn'),
    law(14, 3, undefined, 'Xác nhận của Ủy ban nhân dân cấp xã nơi gia đình cư trú'),
  ],
  assess(ctx, c) {
    const hardship = hardshipGround(c, CARER_RELATIONS, ECONOMIC_CAUSES);
    const criteria: Criterion[] = [
      {
        label:
          'Do tai nạn, ốm đau, thiên tai, hỏa hoạn hoặc sự kiện bất khả kháng khác mà gia đình không còn tài sản gì đáng kể, không có thu nhập hoặc thu nhập dưới chuẩn hộ nghèo; hoặc có bố, mẹ, vợ, chồng, con bị ốm đau nặng kéo dài không có người chăm sóc',
        value: hardship.value,
        evidence: hardship.evidence,
      },
      {
        label: 'Bản thân là lao động duy nhất trong gia đình',
        value: c.soleWorker,
        evidence: 'Xác nhận là lao động duy nhất trong gia đình',
      },
    ];
    return {
      criteria,
      evidence: c.evidence,
      documents: [
        { req: { kinds: ['FAMILY_PETITION'], label: 'Đơn trình bày hoàn cảnh gia đình, ghi rõ từng thành viên' } },
        {
          req: {
            kinds: ['COMMUNE_CERTIFICATION'],
            label: 'Xác nhận của Ủy ban nhân dân cấp xã nơi gia đình cư trú',
            levels: ['COMMUNE'],
          },
        },
      ],
      passText:
        'Có đơn trình bày hoàn cảnh gia đình được Ủy ban nhân dân cấp xã xác nhận; là lao động duy nhất trong gia đình.',
    };
  },
});

export const pregnancyRule = claimedCategoryRule({
  id: 'R-EVID-PREGNANT',
  title: 'Căn cứ xác định phụ nữ có thai hoặc có con dưới 36 tháng tuổi',
  category: 'PREGNANT_OR_YOUNG_CHILD',
  claimedAs: 'PREGNANT_OR_YOUNG_CHILD',
  citation: law(
    11,
    3,
    'g',
    'Phụ nữ có thai hoặc có con dưới 36 tháng tuổi đang ở cùng mẹ trong trại giam, trại tạm giam, nhà tạm giữ',
  ),
  alsoCites: [
    decree52(5, 3, 'c', 'Kết luận y khoa về việc có thai'),
    decree52(5, 3, 'đ', 'Giấy khai sinh hoặc giấy chứng sinh của con'),
  ],
  assess(ctx, c) {
    if (ctx.facts.person.sex !== 'FEMALE')
      return result({ id: 'R-EVID-PREGNANT' }, 'FAIL', 'Diện này chỉ áp dụng cho phụ nữ.', []);
    if (c.pregnant) {
      return {
        criteria: [],
        evidence: c.evidence,
        documents: [
          {
            req: {
              ...MEDICAL_CONCLUSION,
              kinds: ['PREGNANCY_CONCLUSION', ...MEDICAL_CONCLUSION.kinds],
              label:
                'Kết luận về việc có thai của Hội đồng giám định y khoa hoặc bệnh viện cấp tỉnh, cấp quân khu trở lên',
            },
            reference: councilReference(ctx),
          },
        ],
        passText: 'Đang có thai, có kết luận y khoa hợp lệ.',
      };
    }
    const born = tryDayNumber(c.childBirthDate);
    const young =
      born === null ? null : addYmd(born, { years: 0, months: LAW_30_DATA.youngChildMonths, days: 0 }) > ctx.cutoffDay;
    return {
      criteria: [
        {
          label: `Con dưới ${LAW_30_DATA.youngChildMonths} tháng tuổi tại thời điểm tính`,
          value: young,
          evidence: 'Ngày sinh của con',
        },
        {
          label: 'Con đang ở cùng mẹ trong cơ sở giam giữ',
          value: c.childLivesWithMother,
          evidence: 'Xác nhận của cơ sở giam giữ về việc con ở cùng mẹ',
        },
      ],
      evidence: c.evidence,
      documents: [
        { req: { kinds: ['CHILD_BIRTH_CERTIFICATE'], label: 'Bản sao giấy khai sinh hoặc giấy chứng sinh của con' } },
      ],
      passText: `Có con dưới ${LAW_30_DATA.youngChildMonths} tháng tuổi đang ở cùng mẹ trong cơ sở giam giữ.`,
    };
  },
});
