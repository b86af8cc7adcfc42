import { formatDayVi, isoOf } from '../../../../kernel/calendar-date.js';
import { addYmd, type Ymd } from '../../calendar/duration.js';
import type { RuleContext } from '../../context.js';
import type { OffenceGrade } from '../../facts.js';
import { GROUP_BIT, OFFENCE_GROUP_LABELS } from '../../offences/offence-groups.js';
import type { OffenceMatcher, Param, RoundExclusion, RoundParameters } from '../../round/round-parameters.js';
import { fixedResult, result, type Comparison, type Rule, type RuleResult } from '../../rule.js';
import { formatDaysVi, formatYmdVi } from '../../text/format-vi.js';
import { bandFor, bandLabel } from './conduct.js';
import { unknownParam } from './params.js';
import { countPriorConvictions } from './prior-convictions.js';

const GRADE_RANK: Readonly<Record<OffenceGrade, number>> = {
  LESS_SERIOUS: 0,
  SERIOUS: 1,
  VERY_SERIOUS: 2,
  ESPECIALLY_SERIOUS: 3,
};

function remainingAgainstCap(rule: Rule, ctx: RuleContext, cap: Param<Ymd>, what: string): RuleResult {
  const t = ctx.time;
  if (t.sentenceKind === 'LIFE')
    return result(rule, 'NOT_APPLICABLE', 'Án tù chung thân chưa được giảm xuống tù có thời hạn.', []);
  if (cap.value === null) return unknownParam(rule, `Thời hạn còn lại tối đa (${what})`, cap);
  if (t.remainingDays === null || t.remaining === null) {
    return result(rule, 'NEEDS_EVIDENCE', 'Không xác định được thời hạn tù còn lại.', [], {
      missingEvidence: ['Bản án và các quyết định giảm thời hạn chấp hành án'],
    });
  }
  const from = ctx.cutoffDay + 1;
  const capDays = addYmd(from, cap.value) - from;
  const inputs = [
    {
      label: `Thời hạn tù còn lại (ngày), ${what}`,
      actual: t.remainingDays,
      operator: '<=' as const,
      expected: capDays,
      source: cap.source,
      confidence: cap.confidence,
    },
    {
      label: 'Thời hạn tù còn lại',
      actual: formatYmdVi(t.remaining),
      operator: '<=' as const,
      expected: formatYmdVi(cap.value),
    },
  ];
  const text = `Thời hạn tù còn lại tính từ ngày ${formatDayVi(from)} là ${formatYmdVi(t.remaining)} (${formatDaysVi(t.remainingDays)})`;
  if (t.remainingDays <= capDays)
    return result(rule, 'PASS', `${text}, không quá ${formatYmdVi(cap.value)} (${what}).`, inputs);
  const over = t.remainingDays - capDays;
  const metOn = t.accruing ? isoOf(ctx.cutoffDay + over) : null;
  const when = metOn ? `; sẽ không còn vượt vào ngày ${formatDayVi(ctx.cutoffDay + over)}` : '';
  return result(rule, 'FAIL', `${text}, vượt quá ${formatYmdVi(cap.value)} (${what})${when}.`, inputs, { metOn });
}

// Matchers belong to the round's parameters, which do not change while they are in use: each mask is built once.
const MATCHER_MASKS = new WeakMap<OffenceMatcher, number>();

function matcherMask(m: OffenceMatcher): number {
  let mask = MATCHER_MASKS.get(m);
  if (mask === undefined) {
    mask = 0;
    for (const g of m.groups) mask |= GROUP_BIT[g];
    MATCHER_MASKS.set(m, mask);
  }
  return mask;
}

function matcherHit(ctx: RuleContext, m: OffenceMatcher): { hit: string | null; unknown: string | null } {
  const mask = matcherMask(m);
  if ((ctx.groupMask & mask) === 0) return NO_HIT;
  const conditional = (m.anyFlags?.length ?? 0) > 0 || m.minVictims !== undefined || m.minGrade !== undefined;
  let unknown: string | null = null;
  for (const d of ctx.offences) {
    if ((d.mask & mask) === 0) continue;
    const o = d.offence;
    const name = `${o.name} (Điều ${o.article})`;
    if (!conditional) return { hit: name, unknown: null };
    const flag = m.anyFlags?.find((f) => o.flags.includes(f));
    if (flag) return { hit: `${name}, tình tiết ${flag}`, unknown: null };
    if (m.minVictims !== undefined) {
      if (o.victims !== null && o.victims >= m.minVictims)
        return { hit: `${name}, ${o.victims} bị hại`, unknown: null };
      if (o.victims === null) unknown ??= `số bị hại của tội ${name}`;
    }
    if (m.minGrade !== undefined) {
      if (o.grade !== null && GRADE_RANK[o.grade] >= GRADE_RANK[m.minGrade])
        return { hit: `${name}, loại tội ${o.grade}`, unknown: null };
      if (o.grade === null) unknown ??= `phân loại tội phạm của tội ${name}`;
    }
  }
  return { hit: null, unknown };
}

const NO_HIT = Object.freeze({ hit: null, unknown: null });

function offenceMatchInputs(item: RoundExclusion, hit: string | null): Comparison[] {
  return [
    { label: item.label, actual: hit, operator: '=', expected: null, source: item.source, confidence: item.confidence },
  ];
}

function drugUseInputs(item: RoundExclusion, used: boolean): Comparison[] {
  return [
    {
      label: 'Có căn cứ sử dụng trái phép chất ma túy trong thời gian chấp hành án',
      actual: used,
      operator: '=',
      expected: false,
      source: item.source,
      confidence: item.confidence,
    },
  ];
}

// The result for a dossier outside the case an item names, when it does not depend on the dossier; null otherwise.
function clearResult(rule: Rule, item: RoundExclusion): (() => RuleResult) | null {
  switch (item.kind) {
    case 'OFFENCE_MATCH':
      return fixedResult(() =>
        result(rule, 'PASS', `Không thuộc trường hợp: ${item.label}.`, offenceMatchInputs(item, null)),
      );
    case 'DRUG_USE_EVIDENCE':
      return fixedResult(() =>
        result(rule, 'PASS', `Không thuộc trường hợp: ${item.label}.`, drugUseInputs(item, false)),
      );
    default:
      return null;
  }
}

function noFixedResult(): RuleResult {
  throw new Error('no fixed result for this kind of item');
}

function evaluateItem(rule: Rule, item: RoundExclusion, ctx: RuleContext, clear: () => RuleResult): RuleResult {
  switch (item.kind) {
    case 'REMAINING_TERM_CAP': {
      const general = ctx.category === 'GENERAL';
      return remainingAgainstCap(
        rule,
        ctx,
        general ? item.general : item.special,
        general ? 'trường hợp chung' : 'trường hợp ưu tiên',
      );
    }
    case 'DRUG_REMAINING_CAP': {
      if ((ctx.groupMask & GROUP_BIT.DRUG) === 0)
        return result(rule, 'NOT_APPLICABLE', 'Không bị kết án về tội phạm ma túy.', []);
      if (ctx.time.sentenceKind === 'LIFE')
        return result(rule, 'NOT_APPLICABLE', 'Án tù chung thân chưa được giảm xuống tù có thời hạn.', []);
      const band = bandFor(ctx, item.bands);
      if (band === null)
        return unknownParam(rule, 'Thời hạn còn lại tối đa đối với mức án này (tội phạm ma túy)', {
          value: null,
          source: item.source,
          confidence: '?',
        });
      return remainingAgainstCap(rule, ctx, band.remainingCap, `tội phạm ma túy, mức án ${bandLabel(band)}`);
    }
    case 'OFFENCE_MATCH': {
      let unknown: string | null = null;
      for (const m of item.matchers) {
        const hit = matcherHit(ctx, m);
        if (hit.hit) return result(rule, 'FAIL', `${item.label}: ${hit.hit}.`, offenceMatchInputs(item, hit.hit));
        unknown ??= hit.unknown;
      }
      const base = offenceMatchInputs(item, null);
      if (unknown)
        return result(rule, 'NEEDS_EVIDENCE', `Chưa đủ thông tin để xét "${item.label}": thiếu ${unknown}.`, base, {
          missingEvidence: [`Bản án ghi rõ ${unknown}`],
        });
      return clear();
    }
    case 'DRUG_USE_EVIDENCE':
      return ctx.facts.conduct.drugUseEvidence
        ? result(rule, 'FAIL', `${item.label}.`, drugUseInputs(item, true))
        : clear();
    case 'OFFENCE_COUNT': {
      const total = ctx.offences.length;
      const intentional = ctx.offences.filter((d) => d.offence.intentional).length;
      const inputs = [
        {
          label: 'Số tội bị kết án',
          actual: total,
          operator: '<' as const,
          expected: item.minOffences,
          source: item.source,
          confidence: item.confidence,
        },
        {
          label: 'Số tội do cố ý',
          actual: intentional,
          operator: '<' as const,
          expected: item.minIntentional,
          source: item.source,
          confidence: item.confidence,
        },
      ];
      if (total >= item.minOffences || intentional >= item.minIntentional) {
        return result(
          rule,
          'FAIL',
          `${item.label}: bị kết án ${total} tội, trong đó ${intentional} tội do cố ý.`,
          inputs,
        );
      }
      return result(
        rule,
        'PASS',
        `Bị kết án ${total} tội, trong đó ${intentional} tội do cố ý; không thuộc trường hợp: ${item.label}.`,
        inputs,
      );
    }
    case 'PRIOR_AND_INTENTIONAL': {
      const c = countPriorConvictions(ctx.facts);
      const intentional = ctx.offences.some((d) => d.offence.intentional);
      const inputs = [
        {
          label: 'Số tiền án chưa được xóa',
          actual: c.unexpunged,
          operator: '<' as const,
          expected: item.minPriorConvictions,
          source: item.source,
          confidence: item.confidence,
        },
        { label: 'Lần này phạm tội do cố ý', actual: intentional, operator: '=' as const, expected: false },
      ];
      if (!intentional) return result(rule, 'PASS', 'Lần này không phạm tội do cố ý.', inputs);
      if (c.unexpunged >= item.minPriorConvictions)
        return result(
          rule,
          'FAIL',
          `${item.label}: có ${c.unexpunged} tiền án chưa xóa và lần này phạm tội do cố ý.`,
          inputs,
        );
      if (c.unexpunged + c.unproven >= item.minPriorConvictions) {
        return result(
          rule,
          'NEEDS_EVIDENCE',
          'Có tiền án ghi đã xóa nhưng chưa có giấy tờ chứng minh, trong khi lần này phạm tội do cố ý.',
          inputs,
          { missingEvidence: c.problems },
        );
      }
      return result(rule, 'PASS', `Không có tiền án chưa xóa; không thuộc trường hợp: ${item.label}.`, inputs);
    }
  }
}

function itemRule(item: RoundExclusion): Rule {
  const rule: Rule = {
    id: item.id,
    title: item.label,
    kind: 'EXCLUSION',
    citation: item.citation,
    evaluate: (ctx) => evaluateItem(rule, item, ctx, clear),
  };
  const clear = clearResult(rule, item) ?? noFixedResult;
  return rule;
}

// The round's list may be known only in part; people then check the rest against the decision itself.
function completenessRule(round: RoundParameters, id: string, citation: Rule['citation']): Rule {
  const rule: Rule = {
    id,
    title: 'Đối chiếu đủ danh sách các trường hợp không đề nghị đặc xá của đợt',
    kind: 'EXCLUSION',
    citation,
    judgmentCall: true,
    // It reads the round only, so every dossier of the round gets the same result.
    evaluate: () => fixed(),
  };
  const fixed = fixedResult(() => {
    const c = round.exclusions.complete;
    const inputs = [
      {
        label: 'Danh sách trường hợp loại trừ của đợt đã nhập đủ',
        actual: c.value,
        operator: '=' as const,
        expected: true,
        source: c.source,
        confidence: c.confidence,
      },
    ];
    if (c.value === true)
      return result(rule, 'PASS', `Đã xét đủ ${round.exclusions.items.length} trường hợp loại trừ của đợt.`, inputs);
    return result(
      rule,
      'TO_CONFIRM',
      `Danh sách trường hợp không đề nghị đặc xá của đợt mới nhập ${round.exclusions.items.length} mục; Hội đồng đối chiếu các mục còn lại với Quyết định.`,
      inputs,
    );
  });
  return rule;
}

export function roundExclusionRules(
  round: RoundParameters,
  completeness: { id: string; citation: Rule['citation'] },
): Rule[] {
  return [...round.exclusions.items.map(itemRule), completenessRule(round, completeness.id, completeness.citation)];
}
