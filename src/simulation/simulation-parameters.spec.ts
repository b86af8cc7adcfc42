import { ROUND_PRESETS } from '../eligibility/core/index.js';
import { verdictChange, type SideOutcome } from './simulation-outcome.js';
import { applyChanges, diffParameters } from './simulation-parameters.js';

const base = ROUND_PRESETS['QD-1244-2025'];

describe('draft parameters', () => {
  it('replaces only values the base has, and reports each difference at the parameter', () => {
    const { draft, errors } = applyChanges(base, [
      { path: 'time.general.fraction.value', value: { numerator: 1, denominator: 2 } },
      { path: 'exclusions.items', value: base.exclusions.items.slice(1) },
    ]);
    expect(errors).toEqual([]);
    expect(base.time.general.fraction.value).toEqual({ numerator: 1, denominator: 3 });
    expect(diffParameters(base, draft).map((d) => d.path)).toEqual(['exclusions.items', 'time.general.fraction.value']);
  });

  it.each([
    ['time.general.fractoin.value', 'unknownParameter'],
    ['exclusions.items[99]', 'unknownParameter'],
    ['code', 'invalidPath'],
    ['time..general', 'invalidPath'],
    ['__proto__.polluted', 'invalidPath'],
    ['constructor.prototype.toString', 'unknownParameter'],
  ])('refuses the path %s', (path, code) => {
    const { errors } = applyChanges(base, [{ path, value: 1 }]);
    expect(errors).toEqual([expect.objectContaining({ path: 'changes[0].path', code })]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof Object.prototype.toString).toBe('function');
  });
});

const side = (status: SideOutcome['status'], findings: SideOutcome['findings'] = []): SideOutcome => ({
  status,
  category: 'GENERAL',
  findings,
  relies: [],
});

describe('the rule that made the difference', () => {
  it('names the rule that newly blocks under a stricter draft, and the one that no longer blocks under a lenient one', () => {
    const time = { ruleId: 'R-COND-B', outcome: 'FAIL', reason: 'chưa đủ 1/2' };
    const conduct = { ruleId: 'R-COND-A', outcome: 'FAIL', reason: 'thiếu quý' };
    expect(verdictChange(side('INELIGIBLE', [conduct]), side('INELIGIBLE', [conduct, time]))).toBeNull();
    expect(verdictChange(side('NEEDS_REVIEW'), side('INELIGIBLE', [time]))).toEqual({
      ruleId: 'R-COND-B',
      reason: 'chưa đủ 1/2',
    });
    expect(verdictChange(side('INELIGIBLE', [conduct, time]), side('INELIGIBLE', [conduct]))).toBeNull();
    expect(verdictChange(side('INELIGIBLE', [time]), side('ELIGIBLE'))).toEqual({
      ruleId: 'R-COND-B',
      reason: 'chưa đủ 1/2',
    });
  });
});
