import { formatCitation, packFor, type DossierEvaluation, type RoundParameters, type Rule } from './core/index.js';
import { COUNCIL_DATE_LABELS, type CouncilDate } from './council-date.js';

// The answer of POST /api/eligibility/evaluate: the evaluation, each rule's result with its title and citation (the
// pack's rules and the round's own exclusion items), and which council date the medical papers were dated against.
export function explainEvaluation(e: DossierEvaluation, round: RoundParameters, council: CouncilDate) {
  const pack = packFor(round);
  const rules = new Map<string, Rule>([...pack.rules, ...pack.roundRules(round)].map((r) => [r.id, r]));
  const cite = (id: string) => {
    const rule = rules.get(id);
    return rule
      ? {
          title: rule.title,
          citation: formatCitation(rule.citation),
          alsoCites: (rule.alsoCites ?? []).map(formatCitation),
        }
      : { title: id, citation: '', alsoCites: [] };
  };
  return {
    ...JSON.parse(JSON.stringify(e)),
    results: e.results.map((r) => ({ ...r, ...cite(r.ruleId) })),
    council: { ...council, label: COUNCIL_DATE_LABELS[council.source] },
  };
}
