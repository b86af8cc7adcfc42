import type { Agency } from '../../../kernel/agencies.js';
import type { AppraisalConclusionRule } from '../../../kernel/appraisal-conclusion.js';
import type { IsoDate } from '../../../kernel/calendar-date.js';
import type { Ymd } from '../calendar/duration.js';
import type { QuarterCalendar, QuarterId } from '../calendar/quarter.js';
import type { OffenceFlag, OffenceGrade } from '../facts.js';
import type { CategoryCode } from '../categories.js';
import type { OffenceGroup } from '../offences/offence-groups.js';
import type { Citation } from '../rule.js';

// V = seen in a source; K = known from background, consistent with sources but not re-read;
// ? = unknown or conflicting. An unknown value is null with confidence '?', never a guess.
export type Confidence = 'V' | 'K' | '?';
export const CONFIDENCES: readonly Confidence[] = ['V', 'K', '?'];

export interface Param<T> {
  value: T | null;
  source: string;
  confidence: Confidence;
}

export interface Fraction {
  numerator: number;
  denominator: number;
}

export interface TimeThreshold {
  fraction: Param<Fraction>;
  lifeYears: Param<number>;
}

// A band of sentence lengths in whole years: over `overYears` (exclusive) up to `upToYears` (inclusive);
// `life` marks the band for life sentences commuted to a fixed term.
export interface SentenceBand {
  overYears: number | null;
  upToYears: number | null;
  life: boolean;
}

export interface QuarterBand extends SentenceBand {
  quarters: Param<number>;
}

export interface DrugBand extends SentenceBand {
  remainingCap: Param<Ymd>;
}

export type BallotThreshold =
  | { kind: 'SIMPLE_MAJORITY_OF_VALID' }
  | { kind: 'FRACTION_OF_VALID'; numerator: number; denominator: number; inclusive: boolean };

export interface OffenceMatcher {
  groups: OffenceGroup[];
  // Any one of these makes a match; when none is given, belonging to a group is enough.
  anyFlags?: OffenceFlag[];
  minVictims?: number;
  minGrade?: OffenceGrade;
}

interface ExclusionBase {
  id: string;
  label: string;
  citation: Citation;
  source: string;
  confidence: Confidence;
}

// The President's own list (Law 30/2018 Art 12(6); Law 07/2007 Art 11(đ)). The kinds are what the engine can
// test; which ones a round uses, and with what values, is data.
export type RoundExclusion =
  | (ExclusionBase & { kind: 'REMAINING_TERM_CAP'; general: Param<Ymd>; special: Param<Ymd> })
  | (ExclusionBase & { kind: 'DRUG_REMAINING_CAP'; bands: DrugBand[] })
  | (ExclusionBase & { kind: 'OFFENCE_MATCH'; matchers: OffenceMatcher[] })
  | (ExclusionBase & { kind: 'DRUG_USE_EVIDENCE' })
  | (ExclusionBase & { kind: 'OFFENCE_COUNT'; minOffences: number; minIntentional: number })
  | (ExclusionBase & { kind: 'PRIOR_AND_INTENTIONAL'; minPriorConvictions: number });

export type RoundExclusionKind = RoundExclusion['kind'];

export interface RoundParameters {
  code: string;
  title: string;
  rulePack: string;
  decision: { number: Param<string>; date: Param<IsoDate>; guidance: Param<string> };
  // Time served is counted up to and including this day.
  cutoffDate: Param<IsoDate>;
  time: {
    general: TimeThreshold;
    // Law 30/2018 Art 11(1)(b) second paragraph; null fractions in decree-era rounds, which had no such group.
    heavy: TimeThreshold;
    special: TimeThreshold;
    specialHeavy: TimeThreshold;
  };
  specialCategories: Param<CategoryCode[]>;
  // How the round reads words its decree leaves unquantified; optional in rounds stored before it existed.
  readings?: {
    // Decree 76/2008 Art 5(2)(c) "nhiều lần": the least number of in-patient stays.
    frequentIllnessMinStays?: Param<number>;
  };
  roundDefinedCategories: Param<Array<{ code: string; label: string }>>;
  conduct: {
    mode: Param<'ALL_FULL_QUARTERS' | 'CONSECUTIVE_QUARTERS'>;
    calendar: Param<QuarterCalendar>;
    lastQuarter: Param<QuarterId>;
    consecutiveBands: QuarterBand[];
    requireSinceLastQuarter: Param<boolean>;
  };
  // Law 30/2018 Art 11(1)(d): offences besides corruption that need full civil performance in this round.
  fullPaymentGroups: Param<OffenceGroup[]>;
  exclusions: { items: RoundExclusion[]; complete: Param<boolean> };
  ballot: { threshold: Param<BallotThreshold> };
  deadlines: {
    applicationDays: Param<number>;
    listPreparationDays: Param<number>;
    courtListDays: Param<number>;
    appraisalDays: Param<number>;
    complaintDays: Param<number>;
    complaintDecisionDays: Param<number>;
    // Law 30/2018 Art 37(2): the second complaint to the Minister and its decision. Optional in rounds stored before
    // they existed; absent reads as unknown, and a complaint then waits for the round to hold them.
    secondComplaintDays?: Param<number>;
    secondComplaintDecisionDays?: Param<number>;
    // Law 30/2018 Art 20(2)(a): the person presents the certificate to the commune or military unit; the law sets no
    // period, so the round's guidance gives it (usually unknown: '?'). Optional in rounds stored before it existed.
    certificatePresentationDays?: Param<number>;
  };
  // Law 30/2018 Art 10(3); Art 16(2): the agencies whose representatives form the appraisal team; the team concludes
  // on a name only with every one's opinion. Optional in rounds stored before it existed; absent, the team cannot
  // conclude and says which parameter is missing.
  // Which share of them must agree for the team to conclude a name is eligible (Nghị định 52/2019, Điều 8, khoản 3
  // records the shares without saying which decides); absent or unknown, the service reads "more agree than not".
  appraisal?: { requiredAgencies: Param<Agency[]>; conclusion?: Param<AppraisalConclusionRule> };
  // What the law leaves open and the round decides. Decree 52/2019 Art 7(3) has the camp head decide "on the basis
  // of" the team's ballot, so a round may let the camp council reconsider a person the team did not put forward.
  procedure?: { campCouncilMayReconsider: Param<boolean> };
  // Whether the responsible officer informs the Ministry of Foreign Affairs of the foreigners on the President's
  // decision. No source read says the law requires it (the Ministry sits on the Council, Luật Đặc xá 2018, Điều 10,
  // khoản 1, điểm g, and helps announce the decision, Nghị định 76/2008, Điều 4): the round's choice, off unless its
  // guidance asks for it. Optional in rounds stored before it existed; absent reads as off.
  foreigners?: { notifyForeignMinistry: Param<boolean> };
  dates: {
    // The day the camps' councils (Hội đồng xét đề nghị đặc xá) are planned to meet: medical papers are dated
    // against it until a council records its actual meeting date (Decree 52/2019 Art 5(3)(c)). Optional in rounds
    // stored before it existed; absent reads as unknown.
    campCouncil?: Param<IsoDate>;
    councilReview: Param<IsoDate>;
    grantDecision: Param<IsoDate>;
    effective: Param<IsoDate>;
  };
}
