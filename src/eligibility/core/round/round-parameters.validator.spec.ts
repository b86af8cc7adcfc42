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

  it('is optional: the presets leave it out (the decree does not say which share decides)', () => {
    expect(base.appraisal?.conclusion).toBeUndefined();
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

// The notice to the Ministry of Foreign Affairs is the round's choice: off in the presets, a yes or no when stated.
describe('the round parameter foreigners.notifyForeignMinistry', () => {
  const base = DECISION_266_2025;
  const errorsAt = (foreigners: unknown) =>
    validateRoundParameters({ ...base, foreigners } as RoundParameters)
      .filter((i) => i.severity === 'error' && i.path.startsWith('foreigners'))
      .map((i) => [i.path, i.message]);

  it('is off in the presets, with its source', () => {
    expect(base.foreigners?.notifyForeignMinistry).toMatchObject({ value: false, confidence: 'K' });
    expect(base.foreigners?.notifyForeignMinistry.source).toContain('Lựa chọn của đợt');
    expect(errorsAt(base.foreigners)).toEqual([]);
  });

  it('refuses a value that is not yes or no, naming the field', () => {
    const source = 'Hướng dẫn của Thường trực Hội đồng tư vấn đặc xá';
    expect(errorsAt({ notifyForeignMinistry: { value: true, source, confidence: 'K' } })).toEqual([]);
    expect(errorsAt({ notifyForeignMinistry: { value: 'có', source, confidence: 'K' } })).toEqual([
      ['foreigners.notifyForeignMinistry.value', 'Phải là có hoặc không.'],
    ]);
  });
});
