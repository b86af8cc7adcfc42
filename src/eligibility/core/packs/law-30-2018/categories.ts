import { tryDayNumber } from '../../../../kernel/calendar-date.js';
import type { DossierContext } from '../../context.js';
import type { CategoryDefinition } from '../rule-pack.js';
import { reachedAge } from '../shared/ages.js';
import { law } from './citations.js';
import { LAW_30_DATA } from './law-data.js';

function possiblyMinorAtAnOffence(ctx: DossierContext): boolean {
  return ctx.offences.some((d) => {
    const day = tryDayNumber(d.offence.offenceDate);
    return day !== null && reachedAge(ctx, LAW_30_DATA.minorAge, day) !== true;
  });
}

// The special groups of Art 11(3) and the under-18 rule of Art 11(4). Age groups follow from the facts;
// the others must be claimed with evidence.
export const LAW_30_CATEGORIES: CategoryDefinition[] = [
  {
    code: 'MAJOR_MERIT',
    claimedAs: 'MAJOR_MERIT',
    citation: law(11, 3, 'a', 'Đã lập công lớn trong thời gian chấp hành án phạt tù'),
  },
  {
    code: 'MERITORIOUS_PERSON',
    claimedAs: 'MERITORIOUS_PERSON',
    citation: law(
      11,
      3,
      'b',
      'Người có công với cách mạng, thân nhân liệt sĩ, người được tặng thưởng huân chương, huy chương kháng chiến',
    ),
  },
  { code: 'SERIOUS_ILLNESS', claimedAs: 'SERIOUS_ILLNESS', citation: law(11, 3, 'c', 'Đang mắc bệnh hiểm nghèo') },
  {
    code: 'FREQUENT_ILLNESS',
    claimedAs: 'FREQUENT_ILLNESS',
    citation: law(11, 3, 'c', 'Ốm đau thường xuyên mà không tự phục vụ bản thân được'),
  },
  {
    code: 'UNDER_18_AT_OFFENCE',
    derived: possiblyMinorAtAnOffence,
    citation: law(11, 3, 'd', 'Khi phạm tội là người dưới 18 tuổi'),
  },
  {
    code: 'AGE_70_PLUS',
    derived: (ctx) => reachedAge(ctx, LAW_30_DATA.elderlyAge, ctx.cutoffDay) !== false,
    citation: law(11, 3, 'đ', 'Từ đủ 70 tuổi trở lên'),
  },
  {
    code: 'FAMILY_HARDSHIP',
    claimedAs: 'FAMILY_HARDSHIP',
    citation: law(11, 3, 'e', 'Hoàn cảnh gia đình đặc biệt khó khăn và bản thân là lao động duy nhất'),
  },
  {
    code: 'PREGNANT_OR_YOUNG_CHILD',
    claimedAs: 'PREGNANT_OR_YOUNG_CHILD',
    citation: law(11, 3, 'g', 'Phụ nữ có thai hoặc có con dưới 36 tháng tuổi đang ở cùng mẹ trong cơ sở giam giữ'),
  },
  {
    code: 'SEVERE_DISABILITY',
    claimedAs: 'SEVERE_DISABILITY',
    citation: law(11, 3, 'h', 'Người khuyết tật nặng, đặc biệt nặng hoặc khó khăn trong nhận thức, làm chủ hành vi'),
  },
  {
    code: 'ROUND_DEFINED',
    claimedAs: 'ROUND_DEFINED',
    citation: law(11, 3, 'i', 'Trường hợp khác do Chủ tịch nước quyết định'),
  },
  {
    code: 'UNDER_18_NOW',
    derived: (ctx) => reachedAge(ctx, LAW_30_DATA.minorAge, ctx.cutoffDay) !== true,
    citation: law(11, 4, undefined, 'Người dưới 18 tuổi đang chấp hành án phạt tù'),
  },
];
