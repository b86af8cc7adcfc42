import { FactsFactory } from '../../../../test/golden/facts.factory.js';
import { dayNumber } from '../../../kernel/calendar-date.js';
import { computeTimeFigures } from './time-figures.js';

describe('shared time figures', () => {
  it('reproduces the guidance example: 12 years, 9 served, 2 reduced → 9/12 served, 1 year remaining', () => {
    const facts = FactsFactory.build({
      intervals: [{ kind: 'CAMP', from: '2016-09-01', to: null }],
      reductions: [
        { decisionNumber: '12/QĐ-GT', date: '2020-09-01', term: { years: 1, months: 0, days: 0 } },
        { decisionNumber: '34/QĐ-GT', date: '2023-09-01', term: { years: 1, months: 0, days: 0 } },
      ],
    });
    const t = computeTimeFigures(facts, dayNumber('2025-08-31'), 30);
    expect(t.served).toEqual({ years: 9, months: 0, days: 0 });
    expect(t.reductions).toEqual({ years: 2, months: 0, days: 0 });
    expect(t.remaining).toEqual({ years: 1, months: 0, days: 0 });
    expect(t.fractionServed).toBe(0.75);
  });

  it('applies only reductions granted after a life sentence was commuted', () => {
    const facts = FactsFactory.build({
      judgments: [
        FactsFactory.judgment({
          kind: 'LIFE',
          commutation: { decisionNumber: '5/QĐ', date: '2015-05-01', term: { years: 30, months: 0, days: 0 } },
        }),
      ],
      intervals: [{ kind: 'CAMP', from: '2005-03-01', to: null }],
      reductions: [
        { decisionNumber: 'A', date: '2014-01-01', term: { years: 1, months: 0, days: 0 } },
        { decisionNumber: 'B', date: '2018-01-01', term: { years: 2, months: 0, days: 0 } },
      ],
    });
    const t = computeTimeFigures(facts, dayNumber('2025-08-31'), 30);
    expect(t.sentenceKind).toBe('LIFE_COMMUTED');
    expect(t.reductions).toEqual({ years: 2, months: 0, days: 0 });
    expect(t.term).toEqual({ years: 30, months: 0, days: 0 });
  });

  it('adds several judgments without an aggregation decision and caps the total at 30 years', () => {
    const facts = FactsFactory.build({
      judgments: [
        FactsFactory.judgment(FactsFactory.fixed(20)),
        FactsFactory.judgment(FactsFactory.fixed(15), { number: '02/2020/HS-ST' }),
      ],
    });
    const t = computeTimeFigures(facts, dayNumber('2025-08-31'), 30);
    expect(t.sentenceSource).toBe('SUM_OF_JUDGMENTS');
    expect(t.aggregationCapped).toBe(true);
    expect(t.term).toEqual({ years: 30, months: 0, days: 0 });
  });

  it('prefers the aggregation decision over the judgments', () => {
    const facts = FactsFactory.build({
      judgments: [FactsFactory.judgment(FactsFactory.fixed(5)), FactsFactory.judgment(FactsFactory.fixed(4))],
      aggregateSentence: FactsFactory.fixed(8, 6),
    });
    const t = computeTimeFigures(facts, dayNumber('2025-08-31'), 30);
    expect(t.sentenceSource).toBe('AGGREGATE_DECISION');
    expect(t.term).toEqual({ years: 8, months: 6, days: 0 });
  });

  it('has no remaining term for an uncommuted life sentence', () => {
    const facts = FactsFactory.build({ judgments: [FactsFactory.judgment({ kind: 'LIFE', commutation: null })] });
    const t = computeTimeFigures(facts, dayNumber('2025-08-31'), 30);
    expect(t.sentenceKind).toBe('LIFE');
    expect(t.remaining).toBeNull();
    expect(t.fractionServed).toBeNull();
  });
});
