import {
  evaluateDossier,
  validateRoundParameters,
  type DossierEvaluation,
  type Ymd,
} from '../../src/eligibility/core/index.js';
import { factsOf, loadGoldenCases, roundOf } from './golden-case.js';

const cases = loadGoldenCases();

// Durations are written [years, months, days] in the case files.
function figure(ev: DossierEvaluation, key: string): unknown {
  const v = (ev.figures as unknown as Record<string, unknown>)[key];
  if (v !== null && typeof v === 'object' && 'years' in (v as object)) {
    const d = v as Ymd;
    return [d.years, d.months, d.days];
  }
  return v;
}

describe('golden eligibility cases', () => {
  it('has at least 80 worked examples', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
  });

  describe.each(cases.map((c) => [c.file.replace(/\.json$/, ''), c] as const))('%s', (_name, c) => {
    const round = roundOf(c);
    const ev = evaluateDossier(factsOf(c), round);
    const x = c.expect;

    it('uses a round whose parameters are valid', () => {
      expect(validateRoundParameters(round).filter((i) => i.severity === 'error')).toEqual([]);
    });

    it(`concludes ${x.status}${x.category ? ` under ${x.category}` : ''} with the expected failing rules`, () => {
      expect({ status: ev.status, failing: ev.failingRuleIds }).toEqual({ status: x.status, failing: x.failingRules });
      if (x.category) expect(ev.category).toBe(x.category);
      if (x.reviewRules) expect(ev.reviewRuleIds).toEqual(x.reviewRules);
    });

    it('reports every rule once, each with a reason', () => {
      const ids = ev.results.map((r) => r.ruleId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const r of ev.results) expect(r.reason.length).toBeGreaterThan(0);
    });

    if (x.outcomes) {
      it('gives the expected outcome for the rules named', () => {
        const got = Object.fromEntries(
          Object.keys(x.outcomes!).map((id) => [id, ev.results.find((r) => r.ruleId === id)?.outcome]),
        );
        expect(got).toEqual(x.outcomes);
      });
    }

    if (x.figures) {
      it('computes the key figures', () => {
        const got = Object.fromEntries(Object.keys(x.figures!).map((k) => [k, figure(ev, k)]));
        expect(got).toEqual(x.figures);
      });
    }

    if (x.missingEvidence) {
      it('names the missing evidence', () => {
        for (const m of x.missingEvidence!) expect(ev.missingEvidence.some((e) => e.includes(m))).toBe(true);
      });
    }

    if (x.almostEligible) {
      it('gives the date each unmet threshold will be met', () => {
        expect(Object.fromEntries(ev.almostEligible.map((a) => [a.ruleId, a.metOn]))).toEqual(x.almostEligible);
      });
    }

    if (x.toConfirm) {
      it('lists the judgment calls for the council', () => {
        expect(ev.toConfirm.map((t) => t.ruleId)).toEqual(x.toConfirm);
      });
    }

    if (x.attempts) {
      it('tries the expected categories', () => {
        expect(ev.attempts.map((a) => `${a.category}:${a.status}`)).toEqual(x.attempts);
      });
    }
  });
});
