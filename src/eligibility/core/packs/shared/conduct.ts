import { formatDayVi, isoOf, tryDayNumber } from '../../../../kernel/calendar-date.js';
import { compareYmd, yearsYmd } from '../../calendar/duration.js';
import {
  quarterContaining,
  quarterEndDay,
  quarterIdOf,
  quarterIndex,
  type QuarterCalendar,
} from '../../calendar/quarter.js';
import type { RuleContext } from '../../context.js';
import type { ConductRating } from '../../facts.js';
import type { QuarterBand, SentenceBand } from '../../round/round-parameters.js';
import { result, type Citation, type Rule, type RuleResult } from '../../rule.js';
import { unknownParam } from './params.js';

export const GOOD_RATINGS: ReadonlySet<ConductRating> = new Set(['TOT', 'KHA']);
const BAD_RATINGS: ReadonlySet<ConductRating> = new Set(['TRUNG_BINH', 'KEM']);

export const RATING_LABELS: Readonly<Record<ConductRating, string>> = {
  TOT: 'Tốt',
  KHA: 'Khá',
  TRUNG_BINH: 'Trung bình',
  KEM: 'Kém',
  NOT_CLASSIFIED: 'Chưa đủ thời gian xếp loại',
};

export function quarterLabel(index: number): string {
  return `quý ${(index % 4) + 1}/${Math.floor(index / 4)}`;
}

// The band a sentence falls in: life commuted to a fixed term has its own band; others by length of term.
export function bandFor<B extends SentenceBand>(ctx: RuleContext, bands: readonly B[]): B | null {
  const t = ctx.time;
  if (t.sentenceKind === 'LIFE_COMMUTED') return bands.find((b) => b.life) ?? null;
  if (t.sentenceKind !== 'FIXED' || !t.term) return null;
  const term = t.term;
  return (
    bands.find(
      (b) =>
        !b.life &&
        (b.overYears === null || compareYmd(term, yearsYmd(b.overYears)) > 0) &&
        (b.upToYears === null || compareYmd(term, yearsYmd(b.upToYears)) <= 0),
    ) ?? null
  );
}

export function bandLabel(b: SentenceBand): string {
  if (b.life) return 'tù chung thân đã giảm xuống tù có thời hạn';
  if (b.overYears === null) return `đến ${b.upToYears} năm`;
  if (b.upToYears === null) return `trên ${b.overYears} năm`;
  return `trên ${b.overYears} năm đến ${b.upToYears} năm`;
}

interface LastQuarter {
  index: number;
  calendar: QuarterCalendar;
  note: string;
}

// For a suspended person only the quarters before the suspension count (Law 30/2018 Art 11(2)(a)).
function lastQuarter(rule: Rule, ctx: RuleContext): LastQuarter | RuleResult {
  const cal = ctx.round.conduct.calendar;
  if (cal.value === null) return unknownParam(rule, 'Cách tính quý xếp loại', cal);
  if (ctx.facts.status === 'SUSPENDED') {
    const starts = ctx.facts.intervals
      .filter((iv) => iv.kind === 'SUSPENSION')
      .map((iv) => tryDayNumber(iv.from))
      .filter((d): d is number => d !== null && d <= ctx.cutoffDay);
    if (starts.length === 0) {
      return result(
        rule,
        'NEEDS_EVIDENCE',
        'Người đang tạm đình chỉ nhưng hồ sơ không có ngày bắt đầu tạm đình chỉ.',
        [],
        {
          missingEvidence: ['Quyết định tạm đình chỉ chấp hành án phạt tù'],
        },
      );
    }
    const start = Math.max(...starts);
    return {
      index: quarterContaining(start, cal.value) - 1,
      calendar: cal.value,
      note: `trước ngày tạm đình chỉ ${formatDayVi(start)}`,
    };
  }
  const lq = ctx.round.conduct.lastQuarter;
  if (lq.value === null) return unknownParam(rule, 'Quý xếp loại cuối cùng được xét', lq);
  const index = quarterIndex(lq.value);
  if (index === null) return unknownParam(rule, 'Quý xếp loại cuối cùng được xét', { ...lq, value: null });
  return { index, calendar: cal.value, note: `đến hết ${quarterLabel(index)}` };
}

// A dossier's quarterly ratings in quarter order: ratings[k] is the rating of quarter `first + k`, undefined when none is
// on file. A quarter listed twice keeps its later entry.
interface QuarterRatings {
  first: number;
  ratings: Array<ConductRating | undefined>;
  invalid: string[];
}

function ratingsByIndex(ctx: RuleContext): QuarterRatings {
  const quarters = ctx.facts.conduct.quarters;
  let first = Infinity;
  let last = -Infinity;
  const invalid: string[] = [];
  for (const q of quarters) {
    const i = quarterIndex(q.period);
    if (i === null) {
      invalid.push(q.period);
      continue;
    }
    if (i < first) first = i;
    if (i > last) last = i;
  }
  if (first > last) return { first: 0, ratings: [], invalid };
  const ratings = new Array<ConductRating | undefined>(last - first + 1).fill(undefined);
  for (const q of quarters) {
    const i = quarterIndex(q.period);
    if (i !== null) ratings[i - first] = q.rating;
  }
  return { first, ratings, invalid };
}

function ratingAt(r: QuarterRatings, index: number): ConductRating | undefined {
  const k = index - r.first;
  return k >= 0 && k < r.ratings.length ? r.ratings[k] : undefined;
}

function evaluateAll(rule: Rule, ctx: RuleContext, last: LastQuarter, rated: QuarterRatings): RuleResult {
  let first: number | null = null;
  const bad: string[] = [];
  let classified = 0;
  for (let k = 0; k < rated.ratings.length; k++) {
    const rating = rated.ratings[k];
    const i = rated.first + k;
    if (i > last.index) break;
    if (rating === undefined) continue;
    first ??= i;
    if (rating !== 'NOT_CLASSIFIED') classified++;
    if (BAD_RATINGS.has(rating)) bad.push(`${quarterLabel(i)}: ${RATING_LABELS[rating]}`);
  }
  const inputs = [
    { label: 'Số quý xếp loại Trung bình hoặc Kém', actual: bad.length, operator: '=' as const, expected: 0 },
  ];
  if (bad.length > 0) {
    return result(
      rule,
      'FAIL',
      `Có quý xếp loại dưới mức Khá (${bad.join('; ')}); điều kiện đòi hỏi mọi quý đủ thời gian xếp loại đều đạt Khá hoặc Tốt, nên không thể đáp ứng trong thời gian chấp hành án này.`,
      inputs,
      { metOn: null },
    );
  }
  if (first === null || classified === 0) {
    return result(rule, 'NEEDS_EVIDENCE', `Chưa có kết quả xếp loại quý nào ${last.note}.`, inputs, {
      missingEvidence: ['Kết quả xếp loại chấp hành án phạt tù theo quý'],
    });
  }
  const missing: string[] = [];
  for (let i = first; i <= last.index; i++) if (ratingAt(rated, i) === undefined) missing.push(quarterLabel(i));
  if (missing.length > 0) {
    return result(rule, 'NEEDS_EVIDENCE', `Thiếu kết quả xếp loại của ${missing.join(', ')}.`, inputs, {
      missingEvidence: missing.map((m) => `Kết quả xếp loại ${m}`),
    });
  }
  return result(
    rule,
    'PASS',
    `Mọi quý đủ thời gian xếp loại từ ${quarterLabel(first)} ${last.note} đều đạt Khá hoặc Tốt (${classified} quý).`,
    inputs,
  );
}

function evaluateConsecutive(rule: Rule, ctx: RuleContext, last: LastQuarter, rated: QuarterRatings): RuleResult {
  const bands: QuarterBand[] = ctx.round.conduct.consecutiveBands;
  const band = bandFor(ctx, bands);
  if (band === null)
    return unknownParam(rule, 'Số quý liên tục phải xếp loại Khá, Tốt cho mức án này', {
      value: null,
      source: 'bảng số quý của đợt',
      confidence: '?',
    });
  const n = band.quarters;
  if (n.value === null)
    return unknownParam(rule, `Số quý liên tục phải xếp loại Khá, Tốt (mức án ${bandLabel(band)})`, n);
  const from = last.index - n.value + 1;
  const missing: string[] = [];
  const failing: string[] = [];
  for (let i = from; i <= last.index; i++) {
    const r = ratingAt(rated, i);
    if (r === undefined) missing.push(quarterLabel(i));
    else if (!GOOD_RATINGS.has(r)) failing.push(`${quarterLabel(i)}: ${RATING_LABELS[r]}`);
  }
  let run = 0;
  for (let i = last.index; i >= from && GOOD_RATINGS.has(ratingAt(rated, i) as ConductRating); i--) run++;
  const inputs = [
    {
      label: `Số quý liên tục liền trước đạt Khá, Tốt (mức án ${bandLabel(band)})`,
      actual: run,
      operator: '>=' as const,
      expected: n.value,
      source: n.source,
      confidence: n.confidence,
    },
  ];
  if (failing.length > 0) {
    const metDay = quarterEndDay(last.index + (n.value - run), last.calendar);
    return result(
      rule,
      'FAIL',
      `Trong ${n.value} quý liền trước ${last.note} có quý không đạt Khá, Tốt (${failing.join('; ')}); mới có ${run} quý liên tục đạt yêu cầu, nếu các quý tiếp theo đều đạt Khá, Tốt thì đủ vào ngày ${formatDayVi(metDay)}.`,
      inputs,
      { metOn: isoOf(metDay) },
    );
  }
  if (missing.length > 0) {
    return result(rule, 'NEEDS_EVIDENCE', `Thiếu kết quả xếp loại của ${missing.join(', ')}.`, inputs, {
      missingEvidence: missing.map((m) => `Kết quả xếp loại ${m}`),
    });
  }
  return result(
    rule,
    'PASS',
    `${n.value} quý liên tục liền trước ${last.note} đều đạt Khá hoặc Tốt (mức án ${bandLabel(band)}).`,
    inputs,
  );
}

export function conductQuartersRule(spec: {
  id: string;
  title: string;
  citation: Citation;
  alsoCites?: Citation[];
}): Rule {
  const rule: Rule = {
    ...spec,
    kind: 'CONDITION',
    evaluate(ctx) {
      const mode = ctx.round.conduct.mode;
      if (mode.value === null) return unknownParam(rule, 'Cách xét điều kiện xếp loại chấp hành án', mode);
      const last = lastQuarter(rule, ctx);
      if ('outcome' in last) return last;
      const rated = ratingsByIndex(ctx);
      if (rated.invalid.length > 0) {
        return result(
          rule,
          'NEEDS_EVIDENCE',
          `Kỳ xếp loại ghi không đúng dạng YYYY-Qn: ${rated.invalid.join(', ')}.`,
          [],
          {
            missingEvidence: ['Kết quả xếp loại chấp hành án phạt tù theo quý'],
          },
        );
      }
      // A suspended person is judged on the whole time served before the suspension.
      return mode.value === 'ALL_FULL_QUARTERS' || ctx.facts.status === 'SUSPENDED'
        ? evaluateAll(rule, ctx, last, rated)
        : evaluateConsecutive(rule, ctx, last, rated);
    },
  };
  return rule;
}

// The stretch after the last classified quarter up to the council's meeting must also be rated Khá or Tốt.
export function conductSinceLastQuarterRule(spec: {
  id: string;
  title: string;
  citation: Citation;
  alsoCites?: Citation[];
}): Rule {
  const rule: Rule = {
    ...spec,
    kind: 'CONDITION',
    notApplicable(ctx) {
      if (ctx.facts.status === 'SUSPENDED') return 'Người đang tạm đình chỉ chỉ xét xếp loại trước khi tạm đình chỉ.';
      return ctx.round.conduct.requireSinceLastQuarter.value === false
        ? 'Quyết định của đợt không yêu cầu đánh giá sau quý cuối.'
        : null;
    },
    evaluate(ctx) {
      const req = ctx.round.conduct.requireSinceLastQuarter;
      if (req.value === null) return unknownParam(rule, 'Yêu cầu đánh giá sau quý xếp loại cuối', req);
      const cal = ctx.round.conduct.calendar.value;
      const lq = ctx.round.conduct.lastQuarter;
      const index = lq.value === null ? null : quarterIndex(lq.value);
      if (cal === null || index === null) return unknownParam(rule, 'Quý xếp loại cuối cùng được xét', lq);
      const startDay = quarterEndDay(index, cal) + 1;
      const since = ctx.facts.conduct.sinceLastQuarter;
      const need = `Kết quả đánh giá chấp hành án từ ngày ${formatDayVi(startDay)} đến ngày họp Hội đồng xét đề nghị đặc xá`;
      if (since === null)
        return result(rule, 'NEEDS_EVIDENCE', `Chưa có ${need.charAt(0).toLowerCase()}${need.slice(1)}.`, [], {
          missingEvidence: [need],
        });
      const from = tryDayNumber(since.from);
      const inputs = [
        {
          label: 'Xếp loại sau quý cuối',
          actual: RATING_LABELS[since.rating],
          operator: 'in' as const,
          expected: 'Khá, Tốt',
        },
        { label: 'Ngày bắt đầu đánh giá', actual: since.from, operator: '<=' as const, expected: isoOf(startDay) },
      ];
      if (from === null || from > startDay) {
        return result(
          rule,
          'NEEDS_EVIDENCE',
          `Kết quả đánh giá sau quý cuối không bao trùm từ ngày ${formatDayVi(startDay)}.`,
          inputs,
          { missingEvidence: [need] },
        );
      }
      if (since.rating === 'NOT_CLASSIFIED')
        return result(rule, 'NEEDS_REVIEW', 'Giai đoạn sau quý cuối chưa được đánh giá xếp loại.', inputs);
      if (!GOOD_RATINGS.has(since.rating)) {
        return result(
          rule,
          'FAIL',
          `Giai đoạn từ ngày ${formatDayVi(startDay)} được đánh giá ${RATING_LABELS[since.rating]}, không đạt Khá hoặc Tốt.`,
          inputs,
          { metOn: null },
        );
      }
      return result(
        rule,
        'PASS',
        `Giai đoạn từ ngày ${formatDayVi(startDay)} đến khi họp Hội đồng được đánh giá ${RATING_LABELS[since.rating]}.`,
        inputs,
      );
    },
  };
  return rule;
}
