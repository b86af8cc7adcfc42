import { DECISION_266_2025 } from '../presets/decision-266-2025.js';
import type { RoundParameters } from './round-parameters.js';
import { validateRoundParameters } from './round-parameters.validator.js';

// The appraisal team's conclusion rule is a round parameter like any other: stated with its source, or unknown.
describe('the round parameter appraisal.conclusion', () => {
  const base = DECISION_266_2025;
  const withConclusion = (conclusion: unknown): RoundParameters =>
    ({ ...base, appraisal: { ...base.appraisal!, conclusion } }) as RoundParameters;
  const errorsAt = (round: RoundParameters) =>
    validateRoundParameters(round)
      .filter((i) => i.severity === 'error' && i.path.startsWith('appraisal.conclusion'))
      .map((i) => [i.path, i.message]);

  it('is unknown in the Law 30/2018 presets, with the decree article that leaves it open', () => {
    expect(base.appraisal?.conclusion).toMatchObject({ value: null, confidence: '?' });
    expect(base.appraisal?.conclusion?.source).toContain('Nghị định 52/2019/NĐ-CP, Điều 8 khoản 3');
    expect(errorsAt(base)).toEqual([]);
  });

  it('accepts a stated rule with its source and refuses one it cannot apply, naming the field', () => {
    const source = 'Hướng dẫn của Thường trực Hội đồng tư vấn đặc xá';
    expect(errorsAt(withConclusion({ value: { rule: 'UNANIMOUS' }, source, confidence: 'K' }))).toEqual([]);
    expect(
      errorsAt(
        withConclusion({ value: { rule: 'AT_LEAST_SHARE', numerator: 2, denominator: 3 }, source, confidence: 'V' }),
      ),
    ).toEqual([]);
    const wrong = errorsAt(withConclusion({ value: { rule: 'HALF' }, source, confidence: 'K' }));
    expect(wrong).toHaveLength(1);
    expect(wrong[0][0]).toBe('appraisal.conclusion.value');
    expect(wrong[0][1]).toContain('phải là một trong');
    expect(errorsAt(withConclusion({ value: { rule: 'UNANIMOUS' }, source: '', confidence: 'K' }))).toEqual([
      ['appraisal.conclusion.source', 'Phải ghi nguồn của giá trị.'],
    ]);
  });
});
