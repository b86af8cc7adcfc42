import { compareYmd, sumYmd, yearsYmd, type Ymd } from '../calendar/duration.js';
import type { EligibilityFacts, Sentence } from '../facts.js';

export type SentenceSource = 'AGGREGATE_DECISION' | 'SINGLE_JUDGMENT' | 'SUM_OF_JUDGMENTS' | 'NONE';

export interface ResolvedSentence {
  sentence: Sentence | null;
  source: SentenceSource;
  capped: boolean;
}

// The sentence being served: the court's aggregation decision when there is one; otherwise the single
// judgment; otherwise the judgments added up and capped as the Criminal Code caps an aggregated prison term
// (2015 code Art 55(a), Art 56; the cap comes from the rule pack).
export function resolveSentence(facts: EligibilityFacts, capYears: number): ResolvedSentence {
  if (facts.aggregateSentence)
    return { sentence: facts.aggregateSentence, source: 'AGGREGATE_DECISION', capped: false };
  const js = facts.judgments;
  if (js.length === 0) return { sentence: null, source: 'NONE', capped: false };
  if (js.length === 1) return { sentence: js[0].sentence, source: 'SINGLE_JUDGMENT', capped: false };
  const life = js.find((j) => j.sentence.kind === 'LIFE');
  if (life) return { sentence: life.sentence, source: 'SUM_OF_JUDGMENTS', capped: false };
  const terms: Ymd[] = js.map((j) => (j.sentence.kind === 'FIXED' ? j.sentence.term : yearsYmd(0)));
  const total = sumYmd(terms);
  const cap = yearsYmd(capYears);
  const capped = compareYmd(total, cap) > 0;
  return { sentence: { kind: 'FIXED', term: capped ? cap : total }, source: 'SUM_OF_JUDGMENTS', capped };
}

// The fixed term the remaining time is measured against: the term itself, or the commuted term of a life sentence.
export function termOf(sentence: Sentence | null): Ymd | null {
  if (!sentence) return null;
  if (sentence.kind === 'FIXED') return sentence.term;
  return sentence.commutation ? sentence.commutation.term : null;
}
