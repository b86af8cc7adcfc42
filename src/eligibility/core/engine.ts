import { tryDayNumber } from '../../kernel/calendar-date.js';
import { CATEGORY_LABELS, type CategoryCode } from './categories.js';
import { buildDossierContext, type DossierContext, type RuleContext } from './context.js';
import type { CategoryAttempt, DossierEvaluation, DossierStatus } from './evaluation.js';
import type { EligibilityFacts } from './facts.js';
import { factsHash } from './hash/facts-hash.js';
import { RULE_PACKS } from './packs/index.js';
import type { RulePack } from './packs/rule-pack.js';
import type { RoundParameters } from './round/round-parameters.js';
import { freezeResult, result, type Rule, type RuleResult } from './rule.js';

export class EligibilityInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EligibilityInputError';
  }
}

// The rules of a pack and round, each with its own store of "does not apply" results: those come from a few fixed
// sentences, and sharing one frozen object per sentence spares a hundred thousand dossiers a dozen allocations each.
interface RoundRules {
  pack: RulePack;
  rules: Rule[];
  notApplicable: Map<string, RuleResult>[];
}

const roundRuleCache = new WeakMap<RoundParameters, RoundRules>();

function rulesFor(pack: RulePack, round: RoundParameters): RoundRules {
  const cached = roundRuleCache.get(round);
  if (cached && cached.pack === pack) return cached;
  const rules = [...pack.rules, ...pack.roundRules(round)];
  const built = { pack, rules, notApplicable: rules.map(() => new Map<string, RuleResult>()) };
  roundRuleCache.set(round, built);
  return built;
}

function notApplicable(rule: Rule, byReason: Map<string, RuleResult>, why: string): RuleResult {
  let r = byReason.get(why);
  if (!r) {
    r = freezeResult(result(rule, 'NOT_APPLICABLE', why, []));
    if (byReason.size < 64) byReason.set(why, r);
  }
  return r;
}

function runRule(rule: Rule, byReason: Map<string, RuleResult>, ctx: RuleContext): RuleResult {
  try {
    const why = rule.notApplicable ? rule.notApplicable(ctx) : null;
    if (why !== null) return notApplicable(rule, byReason, why);
    const r = rule.evaluate(ctx);
    return r.outcome === 'NOT_APPLICABLE' && r.inputs.length === 0 ? notApplicable(rule, byReason, r.reason) : r;
  } catch (error) {
    // One malformed dossier must not stop a screening of a hundred thousand: it goes to people instead.
    const message = error instanceof Error ? error.message : String(error);
    return result(rule, 'NEEDS_REVIEW', `Không đánh giá được do dữ liệu không hợp lệ: ${message}`, []);
  }
}

interface Attempt {
  category: CategoryCode;
  results: RuleResult[];
  status: DossierStatus;
  fails: number;
  reviews: number;
}

// A rule that never reads the category it is tried under gives the same result for every category (rules are pure
// functions of their context), so a later attempt reuses it: the context reports whether the category was read.
// A class rather than a spread literal with a getter, which V8 builds property by property; the dossier's fields are
// DossierContext's (merged into the class), all copied by the constructor.
interface AttemptContext extends DossierContext {}
class AttemptContext implements RuleContext {
  categoryRead = false;

  constructor(
    base: DossierContext,
    private readonly tried: CategoryCode,
  ) {
    this.facts = base.facts;
    this.round = base.round;
    this.pack = base.pack;
    this.cutoffDay = base.cutoffDay;
    this.time = base.time;
    this.offences = base.offences;
    this.groupMask = base.groupMask;
    this.birthDay = base.birthDay;
    this.councilDay = base.councilDay;
    this.councilPlanned = base.councilPlanned;
  }

  get category(): CategoryCode {
    this.categoryRead = true;
    return this.tried;
  }
}

function attempt(
  { rules, notApplicable: byRule }: RoundRules,
  base: DossierContext,
  category: CategoryCode,
  first: Attempt | null,
  independent: boolean[],
): Attempt {
  const ctx = new AttemptContext(base, category);
  const results = new Array<RuleResult>(rules.length);
  let fails = 0;
  let reviews = 0;
  for (let i = 0; i < rules.length; i++) {
    let r: RuleResult;
    if (first !== null && independent[i]) {
      r = first.results[i];
    } else {
      ctx.categoryRead = false;
      r = runRule(rules[i], byRule[i], ctx);
      if (first === null) independent[i] = !ctx.categoryRead;
    }
    results[i] = r;
    if (r.outcome === 'FAIL') fails++;
    else if (r.outcome === 'NEEDS_EVIDENCE' || r.outcome === 'NEEDS_REVIEW') reviews++;
  }
  const status: DossierStatus = fails > 0 ? 'INELIGIBLE' : reviews > 0 ? 'NEEDS_REVIEW' : 'ELIGIBLE';
  return { category, results, status, fails, reviews };
}

// The hash of the facts costs about as much as the rules themselves (canonical JSON of ~2 KB, then SHA-256), and only
// a stored result needs it: it is computed on first read and kept. Facts are never changed once evaluated. A class
// rather than a literal with a getter: such literals are built property by property, at ~2 µs each.
// The fields are the interface's (merged into the class), all set by the constructor.
interface Evaluation extends Omit<DossierEvaluation, 'factsHash'> {}
class Evaluation implements DossierEvaluation {
  #facts: EligibilityFacts;
  #hash: string | null = null;

  constructor(
    chosen: Attempt,
    pack: RulePack,
    round: RoundParameters,
    base: DossierContext,
    attempts: CategoryAttempt[],
    facts: EligibilityFacts,
  ) {
    this.status = chosen.status;
    this.category = chosen.category;
    this.categoryLabel = CATEGORY_LABELS[chosen.category];
    this.packId = pack.id;
    this.packVersion = pack.version;
    this.roundCode = round.code;
    this.figures = base.time;
    this.results = chosen.results;
    this.attempts = attempts;
    this.failingRuleIds = [];
    this.reviewRuleIds = [];
    this.toConfirm = [];
    this.missingEvidence = [];
    this.almostEligible = [];
    this.reliesOn = [];
    this.#facts = facts;
  }

  get factsHash(): string {
    return (this.#hash ??= factsHash(this.#facts));
  }

  toJSON() {
    return { ...this, factsHash: this.factsHash };
  }
}

const STATUS_RANK: Record<DossierStatus, number> = { ELIGIBLE: 0, NEEDS_REVIEW: 1, INELIGIBLE: 2 };

function better(a: Attempt, b: Attempt): boolean {
  if (STATUS_RANK[a.status] !== STATUS_RANK[b.status]) return STATUS_RANK[a.status] < STATUS_RANK[b.status];
  if (a.fails !== b.fails) return a.fails < b.fails;
  return a.reviews < b.reviews;
}

// The general case first, then each special category the round admits and the facts claim or imply.
function candidateCategories(pack: RulePack, base: DossierContext): CategoryCode[] {
  const out: CategoryCode[] = ['GENERAL'];
  const admitted = base.round.specialCategories.value;
  for (const def of pack.categories) {
    if (admitted && !admitted.includes(def.code)) continue;
    const claimed =
      def.claimedAs !== undefined && base.facts.specialCircumstances.some((c) => c.category === def.claimedAs);
    if (claimed || (def.derived !== undefined && def.derived(base))) out.push(def.code);
  }
  return out;
}

function ids(results: RuleResult[], pick: (r: RuleResult) => boolean): string[] {
  const out: string[] = [];
  for (const r of results) if (pick(r)) out.push(r.ruleId);
  return out;
}

function summarise(a: Attempt): CategoryAttempt {
  return {
    category: a.category,
    status: a.status,
    failingRuleIds: ids(a.results, (r) => r.outcome === 'FAIL'),
    reviewRuleIds: ids(a.results, (r) => r.outcome === 'NEEDS_EVIDENCE' || r.outcome === 'NEEDS_REVIEW'),
  };
}

export function packFor(round: RoundParameters): RulePack {
  const pack = RULE_PACKS[round.rulePack];
  if (!pack) throw new EligibilityInputError(`Không có bộ quy tắc "${round.rulePack}" cho đợt ${round.code}`);
  return pack;
}

export function evaluateDossier(
  facts: EligibilityFacts,
  round: RoundParameters,
  pack: RulePack = packFor(round),
): DossierEvaluation {
  if (pack.id !== round.rulePack) {
    throw new EligibilityInputError(`Đợt ${round.code} dùng bộ quy tắc ${round.rulePack}, không phải ${pack.id}`);
  }
  const cutoffDay = tryDayNumber(round.cutoffDate.value);
  if (cutoffDay === null)
    throw new EligibilityInputError(`Đợt ${round.code} chưa có thời điểm tính thời gian chấp hành án`);
  const base = buildDossierContext(facts, round, pack, cutoffDay);
  const rules = rulesFor(pack, round);
  let best: Attempt | null = null;
  const attempts: Attempt[] = [];
  const independent = new Array<boolean>(rules.rules.length);
  for (const category of candidateCategories(pack, base)) {
    const a = attempt(rules, base, category, attempts[0] ?? null, independent);
    attempts.push(a);
    if (best === null || better(a, best)) best = a;
  }
  const chosen = best as Attempt;
  const evaluation = new Evaluation(chosen, pack, round, base, attempts.map(summarise), facts);
  for (const r of chosen.results) {
    if (r.outcome === 'FAIL') evaluation.failingRuleIds.push(r.ruleId);
    else if (r.outcome === 'NEEDS_EVIDENCE' || r.outcome === 'NEEDS_REVIEW') evaluation.reviewRuleIds.push(r.ruleId);
    else if (r.outcome === 'TO_CONFIRM') evaluation.toConfirm.push({ ruleId: r.ruleId, reason: r.reason });
    if (r.missingEvidence) evaluation.missingEvidence.push(...r.missingEvidence);
    if (r.outcome === 'FAIL' && r.metOn !== undefined)
      evaluation.almostEligible.push({ ruleId: r.ruleId, metOn: r.metOn });
    if (r.outcome === 'NOT_APPLICABLE') continue;
    // Indexed rather than for…of: inputs arrays come in several element kinds (empty, filled, frozen), and the
    // iterator path deoptimised this function on each new one.
    const inputs = r.inputs;
    for (let k = 0; k < inputs.length; k++) {
      const c = inputs[k];
      if (c.confidence && c.confidence !== 'V' && c.source) {
        evaluation.reliesOn.push({ ruleId: r.ruleId, label: c.label, source: c.source, confidence: c.confidence });
      }
    }
  }
  return evaluation;
}
