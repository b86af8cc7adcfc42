import { formatDayVi, isoOf, tryDayNumber } from '../../../../kernel/calendar-date.js';
import { result, type Citation, type Comparison, type Rule } from '../../rule.js';

// The written application (signed or fingerprinted) and the commitment are required documents; the filing window
// runs from the day the decision is posted in the facility.
export function applicationRule(spec: {
  id: string;
  citation: Citation;
  alsoCites?: Citation[];
  commitmentRequired: boolean;
}): Rule {
  const rule: Rule = {
    id: spec.id,
    title: 'Đơn đề nghị đặc xá và bản cam kết',
    kind: 'DOSSIER',
    citation: spec.citation,
    alsoCites: spec.alsoCites,
    evaluate(ctx) {
      const a = ctx.facts.application;
      const c = ctx.facts.commitment;
      const missing: string[] = [];
      if (!a) missing.push('Đơn đề nghị đặc xá');
      else if (!a.signedOrFingerprinted) missing.push('Đơn đề nghị đặc xá có chữ ký hoặc điểm chỉ của người đề nghị');
      if (spec.commitmentRequired && (!c || !c.signed)) missing.push('Bản cam kết có chữ ký của người đề nghị');
      const inputs: Comparison[] = [
        {
          label: 'Có đơn đề nghị đặc xá hợp lệ',
          actual: a !== null && a.signedOrFingerprinted,
          operator: '=',
          expected: true,
        },
      ];
      if (missing.length > 0)
        return result(rule, 'NEEDS_EVIDENCE', `Thiếu ${missing.join('; ').toLowerCase()}.`, inputs, {
          missingEvidence: missing,
        });
      const app = a!;
      const window = ctx.round.deadlines.applicationDays;
      const posted = tryDayNumber(app.postedOn);
      const filed = tryDayNumber(app.date);
      if (window.value === null || posted === null || filed === null) {
        return result(
          rule,
          'TO_CONFIRM',
          'Có đơn và bản cam kết; Hội đồng xác nhận đơn được viết trong thời hạn kể từ ngày niêm yết Quyết định về đặc xá.',
          inputs,
        );
      }
      const deadline = posted + window.value;
      inputs.push({
        label: 'Ngày viết đơn',
        actual: app.date,
        operator: '<=',
        expected: isoOf(deadline),
        source: window.source,
        confidence: window.confidence,
      });
      if (filed > deadline) {
        return result(
          rule,
          'NEEDS_REVIEW',
          `Đơn viết ngày ${formatDayVi(filed)}, sau thời hạn ${window.value} ngày kể từ ngày niêm yết ${formatDayVi(posted)} (hết ngày ${formatDayVi(deadline)}).`,
          inputs,
        );
      }
      return result(
        rule,
        'PASS',
        `Đơn viết ngày ${formatDayVi(filed)}, trong thời hạn ${window.value} ngày kể từ ngày niêm yết ${formatDayVi(posted)}; có bản cam kết.`,
        inputs,
      );
    },
  };
  return rule;
}
