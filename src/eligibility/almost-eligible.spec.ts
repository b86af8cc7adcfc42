import { almostEligibleOn } from './almost-eligible.js';

describe('the day an almost-eligible candidate qualifies', () => {
  it('is the last day among the failed thresholds when every failure has one', () => {
    expect(
      almostEligibleOn({
        failingRuleIds: ['R-COND-B', 'R-COND-C'],
        almostEligible: [
          { ruleId: 'R-COND-B', metOn: '2026-11-04' },
          { ruleId: 'R-COND-C', metOn: '2026-03-01' },
        ],
      }),
    ).toBe('2026-11-04');
  });

  it('does not exist when one failure will never be met or has no day', () => {
    expect(
      almostEligibleOn({ failingRuleIds: ['R-COND-B'], almostEligible: [{ ruleId: 'R-COND-B', metOn: null }] }),
    ).toBeNull();
    expect(
      almostEligibleOn({
        failingRuleIds: ['R-COND-B', 'R-EXC-3'],
        almostEligible: [{ ruleId: 'R-COND-B', metOn: '2026-11-04' }],
      }),
    ).toBeNull();
  });

  it('does not exist for a dossier that fails nothing or has no result', () => {
    expect(almostEligibleOn({ failingRuleIds: [], almostEligible: [] })).toBeNull();
    expect(almostEligibleOn(null)).toBeNull();
  });
});
