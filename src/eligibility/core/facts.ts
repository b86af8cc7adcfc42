import type { IsoDate } from '../../kernel/calendar-date.js';
import type { Ymd } from './calendar/duration.js';
import type { QuarterId } from './calendar/quarter.js';

// Everything the rules read, already normalised from a dossier. Nothing here is optional by accident:
// an unknown value is null, and the rule that needs it says what evidence is missing.

export type InmateStatus = 'SERVING' | 'SUSPENDED' | 'POSTPONED';
export type Sex = 'MALE' | 'FEMALE';
// CAMP: a prison, detention centre or its officers; PRIVATE: a private person (the inmate's own statement, a
// creditor's letter). Neither is a level of State administration: a rule asking for a minimum level refuses both.
export type IssuerLevel = 'COMMUNE' | 'DISTRICT' | 'PROVINCE' | 'MILITARY_REGION' | 'CENTRAL' | 'CAMP' | 'PRIVATE';
export type ConductRating = 'TOT' | 'KHA' | 'TRUNG_BINH' | 'KEM' | 'NOT_CLASSIFIED';
export type CriminalCode = 'BLHS_2015' | 'BLHS_1999';
export type OffenceGrade = 'LESS_SERIOUS' | 'SERIOUS' | 'VERY_SERIOUS' | 'ESPECIALLY_SERIOUS';
export type OffenceFlag =
  | 'ORGANISED'
  | 'THUGGISH'
  | 'BARBARIC'
  | 'REPEATED'
  | 'MULTIPLE_VICTIMS'
  | 'ACID_OR_CHEMICAL'
  | 'INCEST'
  | 'VICTIM_UNDER_16';

export type Sentence =
  | { kind: 'FIXED'; term: Ymd }
  | { kind: 'LIFE'; commutation: { decisionNumber: string; date: IsoDate; term: Ymd } | null };

export interface Offence {
  criminalCode: CriminalCode;
  article: number;
  clause: number | null;
  chapter: number;
  name: string;
  offenceDate: IsoDate | null;
  intentional: boolean;
  // Classification flags set where the dossier marks them; the packs also classify by article.
  drug: boolean;
  corruption: boolean;
  nationalSecurity: boolean;
  grade: OffenceGrade | null;
  flags: OffenceFlag[];
  victims: number | null;
  // The penalty for this offence (before aggregation); null when the judgment gives only the total.
  sentence: Sentence | null;
}

export interface Judgment {
  number: string;
  date: IsoDate;
  offences: Offence[];
  sentence: Sentence;
}

export type CountedIntervalKind = 'POLICE_CUSTODY' | 'PRE_TRIAL_DETENTION' | 'CAMP' | 'COMPULSORY_TREATMENT';
export type ExcludedIntervalKind = 'BAIL' | 'POSTPONEMENT' | 'SUSPENSION';
export type IntervalKind = CountedIntervalKind | ExcludedIntervalKind;

export interface Interval {
  kind: IntervalKind;
  from: IsoDate;
  // Both ends count; an open interval runs to the cut-off date.
  to: IsoDate | null;
}

export interface Reduction {
  decisionNumber: string;
  date: IsoDate;
  term: Ymd;
}

export interface QuarterRating {
  period: QuarterId;
  rating: ConductRating;
}

export interface PeriodRating {
  from: IsoDate;
  to: IsoDate;
  rating: ConductRating;
}

// The kind names the document and, where the law cares, who issued it (a medical-assessment council's
// conclusion and a hospital's conclusion are different kinds).
export type EvidenceKind =
  | 'MEDICAL_ASSESSMENT_CONCLUSION'
  | 'HOSPITAL_CONCLUSION'
  | 'MEDICAL_RECORD_COPY'
  | 'HEALTH_AGENCY_CONFIRMATION'
  | 'HIV_TEST'
  | 'HEALTH_CENTRE_CONCLUSION'
  | 'MERIT_STATEMENT'
  | 'REWARD_PROPOSAL'
  | 'MERIT_CONFIRMATION'
  | 'REWARD_DECISION'
  | 'MERIT_STATUS_PROOF'
  | 'DECORATION_COPY'
  | 'RELATIVE_CERTIFICATION'
  | 'FAMILY_PETITION'
  | 'COMMUNE_CERTIFICATION'
  | 'DISABILITY_CERTIFICATE'
  | 'COURT_DECISION'
  | 'BIRTH_CERTIFICATE'
  | 'JUDGMENT_EXTRACT'
  | 'CHILD_BIRTH_CERTIFICATE'
  | 'PREGNANCY_CONCLUSION'
  | 'ROUND_CATEGORY_PROOF'
  | 'EXPUNGEMENT_CERTIFICATE'
  | 'CRIMINAL_RECORD_EXTRACT'
  | 'RECEIPT'
  | 'EXEMPTION_DECISION'
  | 'THADS_TERMINATION_DECISION'
  | 'THADS_NOT_YET_ENFORCEABLE_DECISION'
  | 'THADS_HARDSHIP_CONFIRMATION'
  | 'CREDITOR_CONSENT'
  | 'SUSPENSION_CONDUCT_COMMENT'
  // A copy of a foreigner's passport or other international travel document (Decree 52/2019 Art 5(6)).
  | 'IDENTITY_PAPER_COPY'
  // A document the rules have no use for; kept so the hash covers what the dossier held.
  | 'OTHER';

export interface EvidenceDocument {
  kind: EvidenceKind;
  number: string | null;
  date: IsoDate | null;
  issuer: string;
  issuerLevel: IssuerLevel | null;
  readable: boolean;
  // A creditor's consent counts only when certified by the commune or the enforcement agency (D52 5(4)).
  certified?: boolean;
  // One paper serving as several documents, e.g. a family's petition certified on its face by the commune.
  alsoKinds?: EvidenceKind[];
}

export interface PriorConviction {
  judgmentNumber: string;
  date: IsoDate;
  expunged: boolean;
  proof: EvidenceDocument | null;
}

export type ObligationKind = 'FINE' | 'COURT_FEE' | 'RESTITUTION' | 'COMPENSATION' | 'OTHER_CIVIL';

export interface Obligation {
  kind: ObligationKind;
  creditor: 'STATE' | 'NON_STATE';
  amountDue: number;
  amountPaid: number;
  evidence: EvidenceDocument[];
}

// CANCER: a cancer whose stage the conclusion does not call late (Decree 76/2008 Art 5(2)(b) names "ung thư"
// without a stage; Decree 52/2019 Art 4(5) names "ung thư giai đoạn cuối").
export type DiagnosisCode =
  | 'CANCER'
  | 'LATE_STAGE_CANCER'
  | 'PARALYSIS'
  | 'SEVERE_DRUG_RESISTANT_TB'
  | 'CIRRHOSIS_WITH_ASCITES'
  | 'HEART_FAILURE_GRADE_3_PLUS'
  | 'KIDNEY_FAILURE_GRADE_4_PLUS'
  | 'HIV_STAGE_4_OPPORTUNISTIC'
  | 'OTHER';

export type MeritKind = 'CRIME_DETECTION' | 'SAVED_LIFE' | 'SAVED_PROPERTY' | 'INVENTION' | 'OUTSTANDING_ACHIEVEMENT';
// Where a life or property was saved: Decree 52/2019 Art 4(4)(b) counts only a natural disaster or a fire.
export type MeritContext = 'NATURAL_DISASTER' | 'FIRE' | 'OTHER';
export type MeritoriousStatus =
  | 'REVOLUTIONARY_MERIT'
  | 'WAR_INVALID'
  | 'SICK_SOLDIER'
  | 'DUNG_SI'
  | 'LABOUR_HERO'
  | 'ORDER_OR_RESISTANCE_MEDAL'
  | 'MARTYR_RELATIVE'
  | 'HEROIC_MOTHER_CHILD'
  | 'REVOLUTION_HELPER_RELATIVE';
// OTHER: a cause the decree does not name (a failed business, debts): not a ground of Decree 52/2019 Art 4(7).
export type HardshipCause =
  'ACCIDENT' | 'ILLNESS' | 'NATURAL_DISASTER' | 'FIRE' | 'FORCE_MAJEURE' | 'RELATIVE_SERIOUSLY_ILL' | 'OTHER';
// The ill relative of the carer ground: Decree 52/2019 Art 4(7) names father, mother, spouse, child; Decree 76/2008
// Art 5(2)(d) names the natural father and mother ("bố đẻ, mẹ đẻ"), spouse, child.
export type FamilyRelation =
  'PARENT' | 'ADOPTIVE_PARENT' | 'SPOUSE' | 'CHILD' | 'SIBLING' | 'GRANDPARENT' | 'GRANDCHILD' | 'OTHER';

export interface IllRelative {
  relation: FamilyRelation | null;
  seriousLongTermIllness: boolean | null;
  noOtherCarer: boolean | null;
}
export type DisabilityLevel = 'MILD' | 'MODERATE' | 'SEVERE' | 'ESPECIALLY_SEVERE';

export interface HospitalStay {
  facility: 'INFIRMARY' | 'HOSPITAL';
  from: IsoDate;
  to: IsoDate;
}

// One variant per special category; the fields are what the decree's definition tests.
export type SpecialCircumstance =
  | {
      category: 'MAJOR_MERIT';
      meritKind: MeritKind | null;
      propertyValue: number | null;
      // Optional in recorded facts written before the format carried them; absent reads as null.
      meritContext?: MeritContext | null;
      meritDate?: IsoDate | null;
      evidence: EvidenceDocument[];
    }
  | { category: 'MERITORIOUS_PERSON'; status: MeritoriousStatus | null; evidence: EvidenceDocument[] }
  | {
      category: 'SERIOUS_ILLNESS';
      // null when the dossier gives only the diagnosis in words.
      diagnosis: DiagnosisCode | null;
      diagnosisText: string;
      selfCareUnable: boolean | null;
      highDeathRisk: boolean | null;
      evidence: EvidenceDocument[];
    }
  | {
      category: 'FREQUENT_ILLNESS';
      stays: HospitalStay[];
      // A summary for dossiers that do not list the stays; null when not given.
      stayCount: number | null;
      longestStayDays: number | null;
      hospitalStaysOfAtLeastOneMonth: number | null;
      selfCareUnable: boolean | null;
      unableToWork: boolean | null;
      noLongerDangerous: boolean | null;
      evidence: EvidenceDocument[];
    }
  | {
      category: 'FAMILY_HARDSHIP';
      cause: HardshipCause | null;
      noSignificantProperty: boolean | null;
      incomeBelowPovertyLine: boolean | null;
      soleWorker: boolean | null;
      // The ill relative, for the carer ground; absent reads as null.
      relative?: IllRelative | null;
      evidence: EvidenceDocument[];
    }
  | {
      category: 'PREGNANT_OR_YOUNG_CHILD';
      pregnant: boolean;
      childBirthDate: IsoDate | null;
      childLivesWithMother: boolean | null;
      evidence: EvidenceDocument[];
    }
  | {
      category: 'SEVERE_DISABILITY';
      level: DisabilityLevel | null;
      perceptionDifficulty: boolean;
      evidence: EvidenceDocument[];
    }
  | { category: 'ROUND_DEFINED'; roundCategoryCode: string; evidence: EvidenceDocument[] };

export type ClaimedCategory = SpecialCircumstance['category'];

export interface EligibilityFacts {
  status: InmateStatus;
  person: {
    sex: Sex;
    // A full date when known; otherwise only the year (birthDate null).
    birthDate: IsoDate | null;
    birthYear: number | null;
    foreigner: boolean;
    // A foreigner's passport or travel-document copy; set for foreigners only, so that the facts (and their hash) of
    // every other dossier stay as they were. Absent or null: no copy in the dossier.
    identityPaper?: EvidenceDocument | null;
  };
  judgments: Judgment[];
  // The aggregated sentence from the court's aggregation decision; null when there is none on file.
  aggregateSentence: Sentence | null;
  intervals: Interval[];
  reductions: Reduction[];
  conduct: {
    quarters: QuarterRating[];
    sinceLastQuarter: PeriodRating | null;
    drugUseEvidence: boolean;
  };
  priorConvictions: PriorConviction[];
  earlierAmnesty: { decisionNumber: string; date: IsoDate } | null;
  pendingProsecution: boolean;
  // aggravating: null when the protest's direction is not yet known.
  pendingProtests: Array<{ kind: 'CASSATION' | 'REOPENING'; aggravating: boolean | null; date: IsoDate | null }>;
  obligations: Obligation[];
  specialCircumstances: SpecialCircumstance[];
  application: { date: IsoDate; signedOrFingerprinted: boolean; postedOn: IsoDate | null } | null;
  commitment: { date: IsoDate; signed: boolean } | null;
  suspension: { certification: EvidenceDocument | null; lawfulConduct: boolean | null } | null;
  // The date the facility's amnesty council met (recorded with its decision, or carried by the dossier): medical
  // papers must be at most 6 months old on it. Null before the meeting: the round's planned date is used instead.
  councilMeetingDate: IsoDate | null;
  // A concern recorded against a judgment-call condition (e.g. security and order).
  securityConcern: string | null;
}
