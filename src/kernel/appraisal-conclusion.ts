// Which share of the required agencies must agree for the team to conclude a name is eligible. Decree 52/2019 Art
// 8(3) has the team record each agency's opinion and, where they differ, the shares; it does not say which share
// decides, so the round may state it (from its guidance), and without one the service reads "more agree than not".
export type AppraisalConclusionRule =
  | { rule: 'MORE_AGREE_THAN_NOT' }
  | { rule: 'UNANIMOUS' }
  | { rule: 'AT_LEAST_SHARE'; numerator: number; denominator: number };

const RULE_CHOICES =
  'MORE_AGREE_THAN_NOT (số cơ quan đồng ý nhiều hơn số không đồng ý), UNANIMOUS (tất cả đồng ý) hoặc ' +
  'AT_LEAST_SHARE (ít nhất một tỷ lệ, ghi "numerator" và "denominator")';

// The rule as stored in a round's parameters, or the problem with it in words the administrator can act on.
export function parseConclusionRule(raw: unknown): { rule: AppraisalConclusionRule } | { problem: string } {
  const v = raw as { rule?: unknown; numerator?: unknown; denominator?: unknown } | null;
  if (!v || typeof v !== 'object') return { problem: `Phải nêu cách kết luận: ${RULE_CHOICES}.` };
  if (v.rule === 'MORE_AGREE_THAN_NOT' || v.rule === 'UNANIMOUS') return { rule: { rule: v.rule } };
  if (v.rule !== 'AT_LEAST_SHARE') return { problem: `Cách kết luận ("rule") phải là một trong: ${RULE_CHOICES}.` };
  const { numerator, denominator } = v;
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || (denominator as number) <= 0)
    return { problem: 'Tỷ lệ phải có tử số và mẫu số là số nguyên, mẫu số lớn hơn 0.' };
  if ((numerator as number) * 2 <= (denominator as number) || (numerator as number) > (denominator as number))
    return { problem: 'Tỷ lệ đồng ý phải lớn hơn một nửa và không quá toàn bộ các cơ quan.' };
  return { rule: { rule: 'AT_LEAST_SHARE', numerator: numerator as number, denominator: denominator as number } };
}
