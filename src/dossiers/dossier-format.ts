// The dossier exchange format (version 1): one JSON document per candidate, used for import, export and the
// eligibility API. docs/dossier-format.md explains each field; docs/dossier.schema.json is its JSON Schema.
// Dates are ISO calendar dates 'YYYY-MM-DD' (no time zone); a birth date may be a year alone 'YYYY'.
// Money is whole VND. Durations are years/months/days.

export const DOSSIER_FORMAT_VERSION = 1;

export type IsoDate = string;

export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
export enum InmateStatus {
  SERVING = 'SERVING',
  SUSPENDED = 'SUSPENDED',
  POSTPONED = 'POSTPONED',
}
export enum IssuerLevel {
  COMMUNE = 'COMMUNE',
  DISTRICT = 'DISTRICT',
  PROVINCE = 'PROVINCE',
  MILITARY_REGION = 'MILITARY_REGION',
  CENTRAL = 'CENTRAL',
  // A prison, detention centre or its officers (a reward proposal, the warden's confirmation).
  CAMP = 'CAMP',
  // A private person (the inmate's own statement, a family's petition, a creditor's letter).
  PRIVATE = 'PRIVATE',
}
export enum IntervalKind {
  POLICE_CUSTODY = 'POLICE_CUSTODY',
  PRE_TRIAL_DETENTION = 'PRE_TRIAL_DETENTION',
  CAMP = 'CAMP',
  COMPULSORY_TREATMENT = 'COMPULSORY_TREATMENT',
  BAIL = 'BAIL',
  POSTPONEMENT = 'POSTPONEMENT',
  SUSPENSION = 'SUSPENSION',
}
export const COUNTED_INTERVAL_KINDS: readonly IntervalKind[] = [
  IntervalKind.POLICE_CUSTODY,
  IntervalKind.PRE_TRIAL_DETENTION,
  IntervalKind.CAMP,
  IntervalKind.COMPULSORY_TREATMENT,
];
export enum ConductRating {
  TOT = 'TOT',
  KHA = 'KHA',
  TRUNG_BINH = 'TRUNG_BINH',
  KEM = 'KEM',
  // A quarter the person was not classified in (bail, postponement, suspension; too short a stay): not a gap.
  NOT_CLASSIFIED = 'NOT_CLASSIFIED',
}
export enum ObligationKind {
  FINE = 'FINE',
  COURT_FEE = 'COURT_FEE',
  RESTITUTION = 'RESTITUTION',
  COMPENSATION = 'COMPENSATION',
  OTHER_CIVIL = 'OTHER_CIVIL',
}
export enum CreditorKind {
  STATE = 'STATE',
  NON_STATE = 'NON_STATE',
}
export enum ObligationStatus {
  UNPAID = 'UNPAID',
  PARTIAL = 'PARTIAL',
  PAID = 'PAID',
  EXEMPTED = 'EXEMPTED',
  WAIVED = 'WAIVED',
  ENFORCEMENT_TERMINATED = 'ENFORCEMENT_TERMINATED',
}
export enum EnforcementDecisionKind {
  RECEIPT = 'RECEIPT',
  EXEMPTION = 'EXEMPTION',
  TERMINATION = 'TERMINATION',
  NOT_YET_ENFORCEABLE = 'NOT_YET_ENFORCEABLE',
  CREDITOR_WAIVER = 'CREDITOR_WAIVER',
  POSTPONEMENT_AGREEMENT = 'POSTPONEMENT_AGREEMENT',
  // The civil-enforcement agency's written confirmation of partial payment and hardship (Decree 52/2019 Art 5(3)(g)).
  HARDSHIP_CONFIRMATION = 'HARDSHIP_CONFIRMATION',
}
// Which Criminal Code an offence's article numbers refer to.
export enum CriminalCode {
  BLHS_2015 = 'BLHS_2015',
  BLHS_1999 = 'BLHS_1999',
}
export enum SpecialCategory {
  MAJOR_MERIT = 'MAJOR_MERIT',
  WAR_INVALID_OR_DECORATED = 'WAR_INVALID_OR_DECORATED',
  SERIOUS_ILLNESS = 'SERIOUS_ILLNESS',
  FREQUENT_ILLNESS = 'FREQUENT_ILLNESS',
  SEVERE_DISABILITY = 'SEVERE_DISABILITY',
  AGE_70_PLUS = 'AGE_70_PLUS',
  UNDER_18_AT_OFFENCE = 'UNDER_18_AT_OFFENCE',
  FAMILY_HARDSHIP_SOLE_BREADWINNER = 'FAMILY_HARDSHIP_SOLE_BREADWINNER',
  PREGNANT_OR_CHILD_UNDER_36_MONTHS = 'PREGNANT_OR_CHILD_UNDER_36_MONTHS',
}
export enum ProtestKind {
  CASSATION = 'CASSATION',
  REOPENING = 'REOPENING',
}
export enum OffenceGrade {
  LESS_SERIOUS = 'LESS_SERIOUS',
  SERIOUS = 'SERIOUS',
  VERY_SERIOUS = 'VERY_SERIOUS',
  ESPECIALLY_SERIOUS = 'ESPECIALLY_SERIOUS',
}

export interface Address {
  detail?: string;
  commune: string;
  province: string;
}

// What a document is, from a closed list (labels in evidence-codes.ts); `kind` stays the title as written on it.
export enum EvidenceCode {
  MEDICAL_ASSESSMENT_CONCLUSION = 'MEDICAL_ASSESSMENT_CONCLUSION',
  HOSPITAL_CONCLUSION = 'HOSPITAL_CONCLUSION',
  MEDICAL_RECORD_COPY = 'MEDICAL_RECORD_COPY',
  HEALTH_AGENCY_CONFIRMATION = 'HEALTH_AGENCY_CONFIRMATION',
  HIV_TEST = 'HIV_TEST',
  HEALTH_CENTRE_CONCLUSION = 'HEALTH_CENTRE_CONCLUSION',
  PREGNANCY_CONCLUSION = 'PREGNANCY_CONCLUSION',
  MERIT_STATEMENT = 'MERIT_STATEMENT',
  REWARD_PROPOSAL = 'REWARD_PROPOSAL',
  MERIT_CONFIRMATION = 'MERIT_CONFIRMATION',
  REWARD_DECISION = 'REWARD_DECISION',
  MERIT_STATUS_PROOF = 'MERIT_STATUS_PROOF',
  DECORATION_COPY = 'DECORATION_COPY',
  RELATIVE_CERTIFICATION = 'RELATIVE_CERTIFICATION',
  FAMILY_PETITION = 'FAMILY_PETITION',
  COMMUNE_CERTIFICATION = 'COMMUNE_CERTIFICATION',
  DISABILITY_CERTIFICATE = 'DISABILITY_CERTIFICATE',
  COURT_DECISION = 'COURT_DECISION',
  BIRTH_CERTIFICATE = 'BIRTH_CERTIFICATE',
  JUDGMENT_EXTRACT = 'JUDGMENT_EXTRACT',
  CHILD_BIRTH_CERTIFICATE = 'CHILD_BIRTH_CERTIFICATE',
  ROUND_CATEGORY_PROOF = 'ROUND_CATEGORY_PROOF',
  EXPUNGEMENT_CERTIFICATE = 'EXPUNGEMENT_CERTIFICATE',
  CRIMINAL_RECORD_EXTRACT = 'CRIMINAL_RECORD_EXTRACT',
  SUSPENSION_CONDUCT_COMMENT = 'SUSPENSION_CONDUCT_COMMENT',
  IDENTITY_PAPER_COPY = 'IDENTITY_PAPER_COPY',
  OTHER = 'OTHER',
}

export interface EvidenceDocument {
  // The document's title as written on it (free text); without `code` it is also read for the kind.
  kind: string;
  code?: EvidenceCode;
  // One paper that is also another document, e.g. a family's petition certified on its face by the commune.
  alsoServesAs?: EvidenceCode[];
  number?: string;
  date?: IsoDate;
  issuer: string;
  issuerLevel: IssuerLevel;
  readable: boolean;
  note?: string;
}

export interface Duration {
  years: number;
  months: number;
  days: number;
}

export type Sentence =
  | ({ kind: 'FIXED' } & Duration)
  | { kind: 'LIFE'; commutation?: { decisionNumber: string; date: IsoDate; term: Duration } };

export interface Offence {
  // Omitted: the engine assumes the 1999 Code for judgments before 2018 and the 2015 Code after.
  criminalCode?: CriminalCode;
  article: number;
  clause?: number;
  point?: string;
  chapter: number;
  name: string;
  offenceDate?: IsoDate;
  intentional: boolean;
  drug: boolean;
  corruption: boolean;
  nationalSecurity: boolean;
  grade?: OffenceGrade;
  // Aggravating circumstances the round's exclusion list looks at, e.g. 'ORGANISED', 'THUGGISH', 'BARBARIC',
  // 'ACID', 'INCEST', 'VICTIM_UNDER_16', 'REPEATED'.
  aggravations: string[];
  victims?: number;
  sentence: Sentence;
}

export interface Judgment {
  number: string;
  date: IsoDate;
  court: string;
  finalDate?: IsoDate;
  offences: Offence[];
  sentence: Sentence;
}

export interface Interval {
  kind: IntervalKind;
  from: IsoDate;
  // An open interval (still in the camp) runs to the round's cut-off date.
  to?: IsoDate;
}

export interface Reduction {
  decisionNumber: string;
  date: IsoDate;
  issuer: string;
  term: Duration;
}

export interface QuarterRating {
  // Classification quarter per Decree 118/2024 Art 18(1): 'YYYY-Qn' where Q1 = 1 Dec (YYYY-1) – end Feb YYYY.
  period: string;
  rating: ConductRating;
}

export interface PostQuarterEvaluation {
  from: IsoDate;
  to: IsoDate;
  rating: ConductRating;
}

export interface DisciplineRecord {
  date: IsoDate;
  kind: string;
  description: string;
}

export interface PriorConviction {
  judgmentNumber: string;
  date: IsoDate;
  court: string;
  offence: string;
  expunged: boolean;
  proof?: EvidenceDocument;
}

export interface EnforcementDecision {
  kind: EnforcementDecisionKind;
  number?: string;
  date: IsoDate;
  issuer: string;
  // For a creditor's waiver or postponement: certified by the commune People's Committee or the enforcement agency.
  certified?: boolean;
}

export interface Obligation {
  kind: ObligationKind;
  creditor: CreditorKind;
  amountDue: number;
  amountPaid: number;
  status: ObligationStatus;
  decisions: EnforcementDecision[];
}

export interface HospitalStay {
  facility: 'INFIRMARY' | 'HOSPITAL';
  from: IsoDate;
  to: IsoDate;
}

// Category-specific facts under closed keys with closed code lists (src/dossiers/circumstance-details.ts, the
// format docs): e.g. { diagnosisCode: 'LATE_STAGE_CANCER', selfCareUnable: true } for illness,
// { cause: 'RELATIVE_SERIOUSLY_ILL', relativeRelation: 'PARENT', … } for family hardship,
// { hospitalStays: [{ facility: 'HOSPITAL', from, to }] } for frequent illness.
export type CircumstanceDetails = Record<string, string | number | boolean | HospitalStay[]>;

export interface SpecialCircumstance {
  category: SpecialCategory;
  details: CircumstanceDetails;
  evidence: EvidenceDocument[];
}

export interface Application {
  date: IsoDate;
  signed: boolean;
  fingerprinted: boolean;
  // The day the camp posted the President's decision: the application is due within 5 days of it (Law 30/2018
  // Art 15(1) second paragraph).
  decisionPostedOn?: IsoDate;
}

export interface Commitment {
  date: IsoDate;
  signed: boolean;
}

export interface DossierDocument {
  formatVersion: 1;
  // Camp-side identifiers: required to import, optional for POST /api/eligibility/evaluate.
  roundCode: string;
  facilityCode: string;
  teamCode?: string;
  inmateNumber: string;
  status: InmateStatus;
  person: {
    fullName: string;
    aliases: string[];
    birthDate: string;
    sex: Sex;
    ethnicity: string;
    nationality: string;
    idNumber?: string;
    registeredResidence: Address;
    residenceAfterRelease: Address;
  };
  judgments: Judgment[];
  aggregateSentence: Sentence;
  intervals: Interval[];
  reductions: Reduction[];
  conductRatings: QuarterRating[];
  postQuarterEvaluation?: PostQuarterEvaluation;
  discipline: DisciplineRecord[];
  drugUseEvidence: boolean;
  priorConvictions: PriorConviction[];
  earlierAmnesty?: { decisionNumber: string; date: IsoDate };
  pendingProsecution: boolean;
  pendingProtest?: { kind: ProtestKind; aggravating: boolean; date: IsoDate };
  obligations: Obligation[];
  specialCircumstances: SpecialCircumstance[];
  application?: Application;
  commitment?: Commitment;
  suspensionCertification?: EvidenceDocument;
  // A foreigner's passport or international travel document, copied into the dossier (Decree 52/2019 Art 5(6)).
  identityPaper?: EvidenceDocument;
  // A concern recorded against a judgment-call condition (e.g. Art 11(1)(e)); it makes the result NEEDS_REVIEW.
  securityConcern?: string;
  // The day the camp's Hội đồng xét đề nghị đặc xá met on this dossier, when known to the producer; medical papers
  // must be at most 6 months old on it (Decree 52/2019 Art 5(3)(c)). A council decision recorded here takes
  // precedence; before either, the round's planned council date is used.
  councilMeetingDate?: IsoDate;
}
