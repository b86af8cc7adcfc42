import { addYmd, diffYmd } from '../../src/eligibility/core/calendar/duration.js';
import { dayNumber, isoOf } from '../../src/kernel/calendar-date.js';
import { buildDossierContext } from '../../src/eligibility/core/context.js';
import {
  evaluateDossier,
  factsHash,
  packFor,
  ROUND_PRESETS,
  type DossierEvaluation,
  type EligibilityFacts,
} from '../../src/eligibility/core/index.js';
import { fixedResult, result } from '../../src/eligibility/core/rule.js';
import { prng, type Prng } from '../../src/eligibility/core/synthetic/prng.js';
import { syntheticFacts } from '../../src/eligibility/core/synthetic/synthetic-facts.js';

const ROUNDS = [ROUND_PRESETS['QD-266-2025'], ROUND_PRESETS['QD-1244-2025']];
const RUNS = 400;

function general(ev: DossierEvaluation) {
  return ev.attempts.find((a) => a.category === 'GENERAL')!;
}

// Reorders every object's keys at every depth; the content stays the same.
function shuffleKeys(value: unknown, r: Prng): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, r));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [entries[i], entries[j]] = [entries[j], entries[i]];
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, r)]));
}

describe.each(ROUNDS.map((round) => [round.code, round] as const))(
  'eligibility properties under %s',
  (_code, round) => {
    const cutoff = round.cutoffDate.value!;

    it('never turns a time pass into a failure when more time is served', () => {
      const r = prng(11);
      let checked = 0;
      for (let i = 0; i < RUNS; i++) {
        const facts = syntheticFacts(r, cutoff);
        const before = general(evaluateDossier(facts, round)).failingRuleIds.includes('R-COND-B');
        const longer: EligibilityFacts = structuredClone(facts);
        longer.intervals[0].from = isoOf(dayNumber(longer.intervals[0].from) - r.int(1, 2000));
        const after = general(evaluateDossier(longer, round)).failingRuleIds.includes('R-COND-B');
        if (!before) {
          checked++;
          expect(after).toBe(false);
        }
      }
      expect(checked).toBeGreaterThan(RUNS / 10);
    });

    it('never turns a conduct failure into a pass when a bad quarter is added', () => {
      const r = prng(23);
      let checked = 0;
      for (let i = 0; i < RUNS; i++) {
        const facts = syntheticFacts(r, cutoff);
        if (facts.conduct.quarters.length === 0) continue;
        const failed = general(evaluateDossier(facts, round)).failingRuleIds.includes('R-COND-A');
        const worse: EligibilityFacts = structuredClone(facts);
        const k = r.int(0, worse.conduct.quarters.length - 1);
        worse.conduct.quarters[k] = { ...worse.conduct.quarters[k], rating: r.pick(['TRUNG_BINH', 'KEM'] as const) };
        const stillFailed = general(evaluateDossier(worse, round)).failingRuleIds.includes('R-COND-A');
        if (failed) {
          checked++;
          expect(stillFailed).toBe(true);
        }
      }
      expect(checked).toBeGreaterThan(0);
    });

    it('hashes the facts the same whatever the key order, and evaluates them the same', () => {
      const r = prng(37);
      for (let i = 0; i < RUNS / 4; i++) {
        const facts = syntheticFacts(r, cutoff);
        const shuffled = shuffleKeys(facts, r) as EligibilityFacts;
        expect(factsHash(shuffled)).toBe(factsHash(facts));
        expect(evaluateDossier(shuffled, round)).toEqual(evaluateDossier(facts, round));
      }
    });

    it('keeps the status consistent with the rule outcomes and returns one result per rule', () => {
      const r = prng(41);
      for (let i = 0; i < RUNS; i++) {
        const ev = evaluateDossier(syntheticFacts(r, cutoff), round);
        const outcomes = ev.results.map((x) => x.outcome);
        const expected = outcomes.includes('FAIL')
          ? 'INELIGIBLE'
          : outcomes.some((o) => o === 'NEEDS_EVIDENCE' || o === 'NEEDS_REVIEW')
            ? 'NEEDS_REVIEW'
            : 'ELIGIBLE';
        expect(ev.status).toBe(expected);
        expect(new Set(ev.results.map((x) => x.ruleId)).size).toBe(ev.results.length);
        // A conduct threshold can complete with the quarter that ends on the cut-off day itself (31/08 in 1244/2025).
        for (const a of ev.almostEligible) if (a.metOn !== null) expect(a.metOn >= cutoff).toBe(true);
      }
    });

    it('gives every category tried the verdict that running each rule afresh under it gives', () => {
      // The engine reuses, across categories, the results of rules that did not read the category.
      const r = prng(43);
      const pack = packFor(round);
      const rules = [...pack.rules, ...pack.roundRules(round)];
      let multi = 0;
      for (let i = 0; i < RUNS; i++) {
        const facts = syntheticFacts(r, cutoff);
        const ev = evaluateDossier(facts, round);
        if (ev.attempts.length < 2) continue;
        multi++;
        const base = buildDossierContext(facts, round, pack, dayNumber(cutoff));
        for (const a of ev.attempts) {
          const ctx = { ...base, category: a.category };
          const outcomes = rules.map((rule) =>
            rule.notApplicable?.(ctx) != null ? 'NOT_APPLICABLE' : rule.evaluate(ctx).outcome,
          );
          expect(a.failingRuleIds).toEqual(rules.filter((_, k) => outcomes[k] === 'FAIL').map((x) => x.id));
          expect(a.reviewRuleIds).toEqual(
            rules.filter((_, k) => outcomes[k] === 'NEEDS_EVIDENCE' || outcomes[k] === 'NEEDS_REVIEW').map((x) => x.id),
          );
        }
      }
      expect(multi).toBeGreaterThan(20);
    });
  },
);

describe('results shared between dossiers', () => {
  it('builds a fixed result once and freezes it to the last comparison', () => {
    let built = 0;
    const shared = fixedResult(() => {
      built++;
      return result(
        { id: 'R-TEST' },
        'PASS',
        'Không thuộc trường hợp.',
        [{ label: 'x', actual: null, operator: '=', expected: null }],
        { missingEvidence: ['y'] },
      );
    });
    const a = shared();
    expect(shared()).toBe(a);
    expect(built).toBe(1);
    expect(() => {
      (a as { reason: string }).reason = 'khác';
    }).toThrow(TypeError);
    expect(() => {
      a.inputs.push({ label: 'z', actual: 1, operator: '=', expected: 1 });
    }).toThrow(TypeError);
    expect(() => {
      (a.inputs[0] as { actual: unknown }).actual = 1;
    }).toThrow(TypeError);
    expect(() => {
      a.missingEvidence!.push('z');
    }).toThrow(TypeError);
  });

  it.each(ROUNDS.map((round) => [round.code, round] as const))(
    'gives dossiers outside an exclusion under %s one frozen result, the one the rule states',
    (_code, round) => {
      const r = prng(61);
      const clear = (ev: DossierEvaluation) => ev.results.find((x) => x.ruleId === 'R-EXC-03')!;
      const evaluations = Array.from({ length: 200 }, () =>
        evaluateDossier(syntheticFacts(r, round.cutoffDate.value!), round),
      ).filter((ev) => clear(ev).outcome === 'PASS');
      expect(evaluations.length).toBeGreaterThan(150);
      const first = clear(evaluations[0]);
      for (const ev of evaluations) expect(clear(ev)).toBe(first);
      expect(Object.isFrozen(first) && Object.isFrozen(first.inputs) && Object.isFrozen(first.inputs[0])).toBe(true);
      expect(first).toEqual({
        ruleId: 'R-EXC-03',
        outcome: 'PASS',
        reason: 'Không bị truy cứu trách nhiệm hình sự về hành vi phạm tội khác.',
        inputs: [
          {
            label: 'Đang bị truy cứu trách nhiệm hình sự về tội phạm khác',
            actual: false,
            operator: '=',
            expected: false,
          },
        ],
      });
    },
  );
});

describe('calendar properties', () => {
  it('adds back the difference between any two dates', () => {
    const r = prng(53);
    for (let i = 0; i < 5000; i++) {
      const a = dayNumber('1950-01-01') + r.int(0, 40000);
      const b = a + r.int(0, 15000);
      expect(addYmd(a, diffYmd(a, b))).toBe(b);
    }
  });
});
