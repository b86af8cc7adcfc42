import type { RuleContext } from '../../context.js';
import { inGroup } from '../../offences/offence-groups.js';
import { result, type RuleResult } from '../../rule.js';
import { compareYmd, yearsYmd } from '../../calendar/duration.js';
import type { Sentence } from '../../facts.js';
import { timeRuleScope, timeServedRule } from '../shared/time-served.js';
import { decree52, law } from './citations.js';
import { LAW_30_DATA } from './law-data.js';

const HEAVY_LABEL = 'nhóm tội tại đoạn 2 điểm b khoản 1 Điều 11';

function atLeastYears(s: Sentence, years: number): boolean {
  if (s.kind === 'LIFE') return true;
  return compareYmd(s.term, yearsYmd(years)) >= 0;
}

export type HeavyGroup = { heavy: boolean; why: string } | RuleResult;

// Art 11(1)(b) second paragraph: the policy-undermining and flight offences; intentional offences against life,
// health, dignity and honour with a penalty of 10 years or more; robbery, kidnapping for ransom and narcotics
// production, trading or appropriation with 7 years or more.
export function heavyGroup(ctx: RuleContext, ruleId: string): HeavyGroup {
  let missing: string | null = null;
  for (const d of ctx.offences) {
    const o = d.offence;
    const name = `${o.name} (Điều ${o.article})`;
    if (inGroup(d.mask, 'HEAVY_POLICY')) return { heavy: true, why: name };
    const lifeHealth = inGroup(d.mask, 'LIFE_HEALTH_DIGNITY') && o.intentional;
    const propertyDrug =
      inGroup(d.mask, 'ROBBERY') ||
      inGroup(d.mask, 'KIDNAP_RANSOM') ||
      inGroup(d.mask, 'DRUG_PRODUCTION') ||
      inGroup(d.mask, 'DRUG_TRADE') ||
      inGroup(d.mask, 'DRUG_APPROPRIATION') ||
      inGroup(d.mask, 'DRUG_MIXED_1999');
    if (!lifeHealth && !propertyDrug) continue;
    const minYears = lifeHealth ? LAW_30_DATA.heavyLifeHealthMinYears : LAW_30_DATA.heavyPropertyDrugMinYears;
    if (d.sentence === null) {
      missing ??= name;
      continue;
    }
    if (!atLeastYears(d.sentence, minYears)) continue;
    if (inGroup(d.mask, 'DRUG_MIXED_1999') && !lifeHealth) {
      return result(
        { id: ruleId },
        'NEEDS_REVIEW',
        `Tội ${name} theo BLHS 1999 gộp nhiều hành vi; cần xác định hành vi là mua bán, chiếm đoạt hay tàng trữ, vận chuyển để biết có thuộc ${HEAVY_LABEL} không.`,
        [],
      );
    }
    return { heavy: true, why: `${name}, hình phạt từ ${minYears} năm trở lên` };
  }
  if (missing) {
    return result(
      { id: ruleId },
      'NEEDS_EVIDENCE',
      `Bản án không ghi riêng mức hình phạt của tội ${missing} nên chưa xác định được có thuộc ${HEAVY_LABEL} không.`,
      [],
      {
        missingEvidence: [`Bản án ghi mức hình phạt của từng tội (${missing})`],
      },
    );
  }
  return { heavy: false, why: '' };
}

export const timeServedGeneralRule = timeServedRule({
  id: 'R-COND-B',
  title: 'Thời gian đã chấp hành án phạt tù',
  citation: law(
    11,
    1,
    'b',
    'Đã chấp hành án phạt tù ít nhất 1/3 thời hạn (1/2 đối với nhóm tội nặng), 14 năm (17 năm) đối với tù chung thân đã giảm; thời gian được giảm không tính là thời gian đã chấp hành',
  ),
  notApplicable: timeRuleScope(true, 'Xét theo diện ưu tiên, áp dụng thời gian chấp hành rút ngắn.'),
  choose(ctx) {
    const h = heavyGroup(ctx, 'R-COND-B');
    if ('outcome' in h) return { threshold: ctx.round.time.heavy, label: `${HEAVY_LABEL}, mức cao hơn`, unresolved: h };
    return h.heavy
      ? { threshold: ctx.round.time.heavy, label: `${HEAVY_LABEL} (${h.why})` }
      : { threshold: ctx.round.time.general, label: 'trường hợp chung' };
  },
});

export const timeServedSpecialRule = timeServedRule({
  id: 'R-COND-B3',
  title: 'Thời gian đã chấp hành đối với người thuộc diện ưu tiên',
  citation: law(
    11,
    3,
    undefined,
    'Người thuộc một trong các trường hợp đặc biệt được Chủ tịch nước quyết định thời gian đã chấp hành án ngắn hơn điểm b khoản 1',
  ),
  alsoCites: [decree52(4, undefined, undefined, 'Giải thích các trường hợp đặc biệt')],
  notApplicable: timeRuleScope(false, ''),
  choose(ctx) {
    const admitted = ctx.round.specialCategories;
    if (admitted.value === null) {
      return result(
        { id: 'R-COND-B3' },
        'NEEDS_REVIEW',
        `Quyết định của đợt chưa xác định các diện ưu tiên (nguồn: ${admitted.source}).`,
        [
          {
            label: 'Các diện ưu tiên của đợt',
            actual: ctx.category,
            operator: 'in',
            expected: null,
            source: admitted.source,
            confidence: admitted.confidence,
          },
        ],
      );
    }
    const h = heavyGroup(ctx, 'R-COND-B3');
    if ('outcome' in h)
      return {
        threshold: ctx.round.time.specialHeavy,
        label: `diện ưu tiên, ${HEAVY_LABEL}, mức cao hơn`,
        unresolved: h,
      };
    return h.heavy
      ? { threshold: ctx.round.time.specialHeavy, label: `diện ưu tiên, ${HEAVY_LABEL} (${h.why})` }
      : { threshold: ctx.round.time.special, label: 'diện ưu tiên' };
  },
});
