import type { Param } from '../../round/round-parameters.js';
import { result, type Rule, type RuleResult } from '../../rule.js';

// A rule whose round value is unknown says so and stops: no silent default.
export function unknownParam(rule: Pick<Rule, 'id'>, label: string, param: Param<unknown>): RuleResult {
  return result(
    rule,
    'NEEDS_REVIEW',
    `Quyết định của đợt chưa xác định "${label}" (nguồn: ${param.source || 'chưa có'}); cần đối chiếu văn bản gốc trước khi kết luận.`,
    [{ label, actual: null, operator: '=', expected: null, source: param.source, confidence: param.confidence }],
  );
}
