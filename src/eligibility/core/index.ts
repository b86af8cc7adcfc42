// The eligibility engine's public surface: pure functions and data, no framework and no I/O.
export { evaluateDossier, packFor, EligibilityInputError } from './engine.js';
export { RULE_PACKS } from './packs/index.js';
export { ROUND_PRESETS } from './presets/index.js';
export { validateRoundParameters, type RoundValidationIssue } from './round/round-parameters.validator.js';
export { canonicalJson } from '../../kernel/canonical-json.js';
export { factsHash } from './hash/facts-hash.js';
export { CATEGORY_LABELS, SPECIAL_CATEGORY_CODES, type CategoryCode, type SpecialCategoryCode } from './categories.js';
export { formatCitation } from './rule.js';
export type { Citation, Comparison, Outcome, Rule, RuleKind, RuleResult } from './rule.js';
export type { CategoryAttempt, DossierEvaluation, DossierStatus } from './evaluation.js';
export type { RulePack, CategoryDefinition, LawMinimums } from './packs/rule-pack.js';
export type * from './facts.js';
export type * from './round/round-parameters.js';
export type { TimeFigures, SentenceKind } from './time/time-figures.js';
export type { Ymd } from './calendar/duration.js';
export type { IsoDate } from '../../kernel/calendar-date.js';
export type { QuarterId, QuarterCalendar } from './calendar/quarter.js';
export { OFFENCE_GROUPS, OFFENCE_GROUP_LABELS, type OffenceGroup } from './offences/offence-groups.js';
