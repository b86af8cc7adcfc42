import type {
  CategoryCode,
  DossierEvaluation,
  DossierStatus,
  EligibilityFacts,
  OffenceGroup,
} from '../eligibility/core/index.js';
import { offenceGroupMask, GROUP_BIT } from '../eligibility/core/offences/offence-groups.js';

// What a simulation keeps of one dossier's evaluation under one set of parameters: the verdict, the category it was
// reached under, every rule that did not pass (with its reason, to say what made a verdict change) and the round
// values below 'V' confidence it rested on (the engine's `reliesOn`). Small enough to cache a whole round of them.
export interface Finding {
  ruleId: string;
  outcome: string;
  reason: string;
}

export interface SideOutcome {
  status: DossierStatus;
  category: CategoryCode;
  findings: Finding[];
  // 'ruleId␟label␟confidence␟source', one per distinct value relied on.
  relies: string[];
}

// The dossier's own breakdown keys, fixed for a dossier version.
export interface DossierDims {
  offenceGroup: string;
  sentenceBand: string;
}

export const RELY_SEPARATOR = '\u001f';
// Between the fields of one packed finding, and between the items of a packed list.
const FIELD = '\u001f';
const ITEM = '\u001e';

// A side outcome as the cache keeps and the threads send it: two strings instead of an array of objects each, so
// that a round of them held between runs is a few objects a dossier for the collector, not dozens.
export interface PackedOutcome {
  status: DossierStatus;
  category: CategoryCode;
  // 'ruleId␟outcome␟reason' per rule that did not pass, joined by ␞ ('' when every rule passed).
  findings: string;
  // The values relied on ('ruleId␟label␟confidence␟source', once each) joined by ␞: one key per distinct set.
  relies: string;
}

// The few distinct relied-on values of a round, each joined once: a dossier's list is looked up, not concatenated.
class ReliedKeys {
  private readonly keys = new Map<string, Map<string, Map<string, Map<string, string>>>>();

  key(ruleId: string, label: string, confidence: string, source: string): string {
    let byLabel = this.keys.get(ruleId);
    if (!byLabel) this.keys.set(ruleId, (byLabel = new Map()));
    let byConfidence = byLabel.get(label);
    if (!byConfidence) byLabel.set(label, (byConfidence = new Map()));
    let bySource = byConfidence.get(confidence);
    if (!bySource) byConfidence.set(confidence, (bySource = new Map()));
    let key = bySource.get(source);
    if (key === undefined) bySource.set(source, (key = ruleId + FIELD + label + FIELD + confidence + FIELD + source));
    return key;
  }
}

const relied = new ReliedKeys();

// The few distinct relied-on sets of a round, each joined once and found again by its (shared) keys: a thread neither
// joins nor hashes the long string again for every dossier.
interface ReliedSet {
  joined: string | null;
  next: Map<string, ReliedSet>;
}
const reliedSets = new Map<string, ReliedSet>();

function reliedSet(keys: string[]): string {
  let level = reliedSets;
  let set: ReliedSet | undefined;
  for (const key of keys) {
    set = level.get(key);
    if (!set) level.set(key, (set = { joined: null, next: new Map() }));
    level = set.next;
  }
  if (!set) return '';
  set.joined ??= keys.join(ITEM);
  return set.joined;
}

export function packOutcome(e: DossierEvaluation): PackedOutcome {
  let findings = '';
  for (const r of e.results) {
    if (r.outcome === 'FAIL' || r.outcome === 'NEEDS_EVIDENCE' || r.outcome === 'NEEDS_REVIEW')
      findings += (findings ? ITEM : '') + r.ruleId + FIELD + r.outcome + FIELD + r.reason;
  }
  // Once each, in the order first relied on (a dossier relies on a handful: a list beats a set).
  const relies: string[] = [];
  for (const r of e.reliesOn) {
    const key = relied.key(r.ruleId, r.label, r.confidence, r.source);
    if (!relies.includes(key)) relies.push(key);
  }
  return { status: e.status, category: e.category, findings, relies: reliedSet(relies) };
}

// What a verdict change is judged on: the verdict and the findings (without the values relied on).
export function findingsOf(p: PackedOutcome): Finding[] {
  return p.findings
    ? p.findings.split(ITEM).map((f) => {
        const [ruleId, outcome, reason] = f.split(FIELD);
        return { ruleId, outcome, reason };
      })
    : [];
}

// The keys of a packed `relies`, each 'ruleId␟label␟confidence␟source'.
export function reliedKeys(relies: string): string[] {
  return relies ? relies.split(ITEM) : [];
}

// The most specific group of the judgment's first offence: a dossier is counted once, under its main offence.
const GROUP_ORDER: readonly OffenceGroup[] = [
  'NATIONAL_SECURITY',
  'PEACE_HUMANITY_WAR',
  'MURDER',
  'CHILD_RAPE',
  'RAPE',
  'CHILD_TRAFFICKING',
  'HUMAN_TRAFFICKING',
  'INTENTIONAL_INJURY',
  'LIFE_HEALTH_DIGNITY',
  'ROBBERY',
  'KIDNAP_RANSOM',
  'DRUG_PRODUCTION',
  'DRUG_TRADE',
  'DRUG_APPROPRIATION',
  'DRUG_MIXED_1999',
  'DRUG',
  'CORRUPTION',
  'HEAVY_POLICY',
];
export const OTHER_GROUP = 'OTHER';

export function mainOffenceGroup(facts: EligibilityFacts): string {
  const offence = facts.judgments[0]?.offences[0];
  if (!offence) return OTHER_GROUP;
  const mask = offenceGroupMask(offence);
  return GROUP_ORDER.find((g) => (mask & GROUP_BIT[g]) !== 0) ?? OTHER_GROUP;
}

// Bands of the sentence served (after aggregation), in the steps the Criminal Code grades offences by.
export const SENTENCE_BANDS = [
  'UP_TO_3',
  'OVER_3_TO_7',
  'OVER_7_TO_15',
  'OVER_15_TO_20',
  'OVER_20',
  'LIFE',
  'UNKNOWN',
] as const;

export function sentenceBand(e: DossierEvaluation): string {
  const f = e.figures;
  if (f.sentenceKind === 'LIFE' || f.sentenceKind === 'LIFE_COMMUTED') return 'LIFE';
  if (f.sentenceKind === 'UNKNOWN' || !f.term) return 'UNKNOWN';
  const years = f.term.years + f.term.months / 12 + f.term.days / 365;
  if (years <= 3) return 'UP_TO_3';
  if (years <= 7) return 'OVER_3_TO_7';
  if (years <= 15) return 'OVER_7_TO_15';
  if (years <= 20) return 'OVER_15_TO_20';
  return 'OVER_20';
}

// A verdict for a dossier the engine could not read: it goes to people, like a rule that cannot be evaluated.
export function unreadable(error: unknown): PackedOutcome {
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: 'NEEDS_REVIEW',
    category: 'GENERAL',
    findings: ['R-DATA', 'NEEDS_REVIEW', `Không đánh giá được hồ sơ: ${message}`].join(FIELD),
    relies: '',
  };
}

const SEVERITY: Record<DossierStatus, number> = { ELIGIBLE: 0, NEEDS_REVIEW: 1, INELIGIBLE: 2 };

export interface VerdictChange {
  ruleId: string;
  reason: string;
}

// The rule that made the difference between two verdicts of one dossier: when the draft is stricter, the first rule
// that blocks under the draft and did not block the same way under the base; when it is more lenient, the first rule
// that blocked under the base and no longer does. Null when the verdict did not change.
export function verdictChange(
  base: Pick<SideOutcome, 'status' | 'findings'>,
  draft: Pick<SideOutcome, 'status' | 'findings'>,
): VerdictChange | null {
  if (base.status === draft.status) return null;
  const stricter = SEVERITY[draft.status] > SEVERITY[base.status];
  const [from, to] = stricter ? [draft, base] : [base, draft];
  const blocking = from.status === 'INELIGIBLE' ? ['FAIL'] : ['NEEDS_EVIDENCE', 'NEEDS_REVIEW'];
  const same = (f: Finding) => to.findings.some((g) => g.ruleId === f.ruleId && g.outcome === f.outcome);
  const decisive =
    from.findings.find((f) => blocking.includes(f.outcome) && !same(f)) ??
    from.findings.find((f) => blocking.includes(f.outcome));
  if (decisive) return { ruleId: decisive.ruleId, reason: decisive.reason };
  return { ruleId: 'R-CATEGORY', reason: 'Diện xét đặc xá của người này thay đổi theo tham số dự thảo.' };
}
