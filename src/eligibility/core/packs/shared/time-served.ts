import { formatDayVi, isoOf, tryDayNumber } from '../../../../kernel/calendar-date.js';
import { addYmd, fractionOfYmd, type Ymd } from '../../calendar/duration.js';
import type { RuleContext } from '../../context.js';
import type { TimeThreshold } from '../../round/round-parameters.js';
import { result, type Citation, type Rule, type RuleResult } from '../../rule.js';
import { formatDaysVi, formatFractionVi, formatYmdVi } from '../../text/format-vi.js';
import { unknownParam } from './params.js';

export interface ThresholdChoice {
  threshold: TimeThreshold;
  // e.g. 'trường hợp chung', 'nhóm tội quy định tại đoạn 2 điểm b khoản 1 Điều 11'
  label: string;
  // When the facts cannot tell which threshold applies, the stricter one is tried: meeting it settles the question,
  // falling short returns this result instead of a failure.
  unresolved?: RuleResult;
}

export interface TimeServedSpec {
  id: string;
  title: string;
  citation: Citation;
  alsoCites?: Citation[];
  notApplicable: (ctx: RuleContext) => string | null;
  // The threshold that applies, or a finished result when the facts cannot tell (e.g. missing per-offence penalty).
  choose: (ctx: RuleContext) => ThresholdChoice | RuleResult;
}

// The general-time rule applies to the general case, the reduced-time rule to a special category; neither to a life
// sentence not yet commuted.
export function timeRuleScope(general: boolean, specialText: string) {
  return (ctx: RuleContext): string | null => {
    if (ctx.time.sentenceKind === 'LIFE') return 'Án tù chung thân chưa được giảm xuống tù có thời hạn.';
    if (general && ctx.category !== 'GENERAL') return specialText;
    if (!general && ctx.category === 'GENERAL') return 'Xét theo trường hợp chung.';
    return null;
  };
}

export function servedText(ctx: RuleContext): string {
  return `${formatYmdVi(ctx.time.served)} (${formatDaysVi(ctx.time.servedDays)})`;
}

// Time served against a fraction of the term, or against years for a life sentence commuted to a fixed term.
// The requirement is laid on the calendar from the first day served; see the core README.
export function timeServedRule(spec: TimeServedSpec): Rule {
  const rule: Rule = {
    id: spec.id,
    title: spec.title,
    kind: 'CONDITION',
    citation: spec.citation,
    alsoCites: spec.alsoCites,
    notApplicable: spec.notApplicable,
    evaluate(ctx) {
      const t = ctx.time;
      if (t.invalidDates.length > 0) {
        return result(
          rule,
          'NEEDS_EVIDENCE',
          `Có ngày không hợp lệ trong quá trình chấp hành án: ${t.invalidDates.join(', ')}.`,
          [],
          {
            missingEvidence: ['Quyết định, lệnh tạm giữ, tạm giam, thi hành án ghi đúng ngày'],
          },
        );
      }
      if (t.anchor === null || t.sentenceKind === 'UNKNOWN') {
        return result(
          rule,
          'NEEDS_EVIDENCE',
          'Chưa có thời gian tạm giữ, tạm giam, chấp hành án hoặc mức hình phạt để tính thời gian đã chấp hành.',
          [],
          {
            missingEvidence: ['Bản án, quyết định thi hành án và lý lịch tạm giữ, tạm giam'],
          },
        );
      }
      const choice = spec.choose(ctx);
      if ('outcome' in choice) return choice;
      let required: Ymd;
      let expectedText: string;
      let param;
      if (t.sentenceKind === 'FIXED' && t.term) {
        param = choice.threshold.fraction;
        if (param.value === null) return unknownParam(rule, `Tỷ lệ thời gian phải chấp hành (${choice.label})`, param);
        required = fractionOfYmd(t.term, param.value.numerator, param.value.denominator);
        expectedText = `${formatFractionVi(param.value)} mức hình phạt ${formatYmdVi(t.term)}, tức ${formatYmdVi(required)}`;
      } else {
        param = choice.threshold.lifeYears;
        if (param.value === null)
          return unknownParam(rule, `Số năm phải chấp hành đối với án chung thân đã giảm (${choice.label})`, param);
        required = { years: param.value, months: 0, days: 0 };
        expectedText = `${param.value} năm đối với người bị phạt tù chung thân đã được giảm xuống tù có thời hạn`;
      }
      const anchorDay = tryDayNumber(t.anchor) as number;
      const requiredDays = addYmd(anchorDay, required) - anchorDay;
      const inputs = [
        {
          label: `Thời gian đã chấp hành (ngày) so với mức phải chấp hành (${choice.label})`,
          actual: t.servedDays,
          operator: '>=' as const,
          expected: requiredDays,
          source: param.source,
          confidence: param.confidence,
        },
        {
          label: 'Thời gian đã chấp hành (năm, tháng, ngày)',
          actual: formatYmdVi(t.served),
          operator: '>=' as const,
          expected: formatYmdVi(required),
        },
      ];
      const base = `Đã chấp hành ${servedText(ctx)} tính đến hết ngày ${formatDayVi(ctx.cutoffDay)}`;
      const need = `${expectedText} (${formatDaysVi(requiredDays)}), áp dụng ${choice.label}`;
      if (t.servedDays >= requiredDays) return result(rule, 'PASS', `${base}, không ít hơn ${need}.`, inputs);
      if (choice.unresolved) return choice.unresolved;
      const short = requiredDays - t.servedDays;
      const metOn = t.accruing ? isoOf(ctx.cutoffDay + short) : null;
      const when = metOn
        ? `; còn thiếu ${formatDaysVi(short)}, sẽ đủ vào ngày ${formatDayVi(ctx.cutoffDay + short)}`
        : `; còn thiếu ${formatDaysVi(short)}, không tính được ngày đủ vì hiện không chấp hành án liên tục`;
      return result(rule, 'FAIL', `${base}, chưa đủ ${need}${when}.`, inputs, { metOn });
    },
  };
  return rule;
}
