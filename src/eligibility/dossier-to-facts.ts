import { isForeignNationality } from '../kernel/nationality.js';
import type {
  DossierDocument,
  EvidenceDocument as DossierEvidence,
  Offence as DossierOffence,
  Sentence as DossierSentence,
  SpecialCircumstance as DossierCircumstance,
} from '../dossiers/dossier-format.js';
import { SpecialCategory } from '../dossiers/dossier-format.js';
import { evidenceKindOf, type EvidenceContext } from './dossier-evidence-kinds.js';
import type {
  CriminalCode,
  DiagnosisCode,
  DisabilityLevel,
  EligibilityFacts,
  EvidenceDocument,
  EvidenceKind,
  FamilyRelation,
  HardshipCause,
  HospitalStay,
  IsoDate,
  MeritContext,
  MeritKind,
  MeritoriousStatus,
  Offence,
  OffenceFlag,
  Sentence,
  SpecialCircumstance,
} from './core/index.js';

// Maps the exchange format (src/dossiers/dossier-format.ts) onto the engine's facts. Nothing is guessed: a value the
// dossier does not carry becomes null, and the rule that needs it asks for the evidence.

export interface DossierToFactsOptions {
  // The camp council's meeting date recorded with its decision (workflow); it takes precedence over the date the
  // dossier carries. Medical papers must be at most 6 months old on it.
  councilMeetingDate?: IsoDate | null;
}

const EVIDENCE_KINDS: ReadonlySet<string> = new Set<EvidenceKind>([
  'MEDICAL_ASSESSMENT_CONCLUSION',
  'HOSPITAL_CONCLUSION',
  'MEDICAL_RECORD_COPY',
  'HEALTH_AGENCY_CONFIRMATION',
  'HIV_TEST',
  'HEALTH_CENTRE_CONCLUSION',
  'MERIT_STATEMENT',
  'REWARD_PROPOSAL',
  'MERIT_CONFIRMATION',
  'REWARD_DECISION',
  'MERIT_STATUS_PROOF',
  'DECORATION_COPY',
  'RELATIVE_CERTIFICATION',
  'FAMILY_PETITION',
  'COMMUNE_CERTIFICATION',
  'DISABILITY_CERTIFICATE',
  'COURT_DECISION',
  'BIRTH_CERTIFICATE',
  'JUDGMENT_EXTRACT',
  'CHILD_BIRTH_CERTIFICATE',
  'PREGNANCY_CONCLUSION',
  'ROUND_CATEGORY_PROOF',
  'EXPUNGEMENT_CERTIFICATE',
  'CRIMINAL_RECORD_EXTRACT',
  'RECEIPT',
  'EXEMPTION_DECISION',
  'THADS_TERMINATION_DECISION',
  'THADS_NOT_YET_ENFORCEABLE_DECISION',
  'THADS_HARDSHIP_CONFIRMATION',
  'CREDITOR_CONSENT',
  'SUSPENSION_CONDUCT_COMMENT',
  'IDENTITY_PAPER_COPY',
]);

// Enforcement decisions of the format, by the evidence kind the obligation rules look for.
const DECISION_KINDS: Readonly<Record<string, EvidenceKind>> = {
  RECEIPT: 'RECEIPT',
  EXEMPTION: 'EXEMPTION_DECISION',
  TERMINATION: 'THADS_TERMINATION_DECISION',
  NOT_YET_ENFORCEABLE: 'THADS_NOT_YET_ENFORCEABLE_DECISION',
  HARDSHIP_CONFIRMATION: 'THADS_HARDSHIP_CONFIRMATION',
  CREDITOR_WAIVER: 'CREDITOR_CONSENT',
  POSTPONEMENT_AGREEMENT: 'CREDITOR_CONSENT',
};

const FLAGS: Readonly<Record<string, OffenceFlag>> = {
  ORGANISED: 'ORGANISED',
  THUGGISH: 'THUGGISH',
  BARBARIC: 'BARBARIC',
  REPEATED: 'REPEATED',
  MULTIPLE_VICTIMS: 'MULTIPLE_VICTIMS',
  ACID: 'ACID_OR_CHEMICAL',
  ACID_OR_CHEMICAL: 'ACID_OR_CHEMICAL',
  INCEST: 'INCEST',
  VICTIM_UNDER_16: 'VICTIM_UNDER_16',
};

// The 2015 Criminal Code took effect on 01/01/2018; a judgment before that cites the 1999 code's articles.
const CODE_2015_FROM = '2018-01-01';

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function bool(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

// `slot` names the kind when the format's field itself says what the document is (the suspension certification).
function evidence(d: DossierEvidence, context: EvidenceContext, slot?: EvidenceKind): EvidenceDocument {
  const extra = d as DossierEvidence & { certified?: unknown };
  const coded = d.code && EVIDENCE_KINDS.has(d.code) ? (d.code as EvidenceKind) : null;
  const doc: EvidenceDocument = {
    kind: slot ?? coded ?? evidenceKindOf(d.kind, context, EVIDENCE_KINDS),
    number: d.number ?? null,
    date: d.date ?? null,
    issuer: d.issuer,
    issuerLevel: d.issuerLevel ?? null,
    readable: d.readable,
  };
  if (typeof extra.certified === 'boolean') doc.certified = extra.certified;
  if (d.alsoServesAs?.length) doc.alsoKinds = d.alsoServesAs.filter((k) => EVIDENCE_KINDS.has(k)) as EvidenceKind[];
  return doc;
}

// A term copied from the document with its keys in the order PostgreSQL's jsonb keeps an object's keys (shorter
// first, then by their bytes): the engine passes a commuted term on into a result's figures, whose JSON is then the
// same text whether the facts were mapped from the document being saved (and stored, stored-facts.ts) or from the
// one read back from the database.
function jsonbOrdered<T extends object>(term: T): T {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(term).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  for (const k of keys) out[k] = (term as Record<string, unknown>)[k];
  return out as T;
}

function sentence(s: DossierSentence): Sentence {
  if (s.kind === 'FIXED') return { kind: 'FIXED', term: { years: s.years, months: s.months, days: s.days } };
  const c = s.commutation;
  return {
    kind: 'LIFE',
    commutation: c ? { decisionNumber: c.decisionNumber, date: c.date, term: jsonbOrdered(c.term) } : null,
  };
}

function offence(o: DossierOffence, judgmentDate: IsoDate): Offence {
  const declared = (o as DossierOffence & { criminalCode?: unknown }).criminalCode;
  const code: CriminalCode =
    oneOf<CriminalCode>(declared, ['BLHS_2015', 'BLHS_1999']) ??
    (judgmentDate < CODE_2015_FROM ? 'BLHS_1999' : 'BLHS_2015');
  return {
    criminalCode: code,
    article: o.article,
    clause: o.clause ?? null,
    chapter: o.chapter,
    name: o.name,
    offenceDate: o.offenceDate ?? null,
    intentional: o.intentional,
    drug: o.drug,
    corruption: o.corruption,
    nationalSecurity: o.nationalSecurity,
    grade: o.grade ?? null,
    flags: o.aggravations.map((a) => FLAGS[a]).filter((f): f is OffenceFlag => f !== undefined),
    victims: o.victims ?? null,
    sentence: sentence(o.sentence),
  };
}

function stays(c: DossierCircumstance): HospitalStay[] {
  const raw = c.details.hospitalStays;
  if (!Array.isArray(raw)) return [];
  return raw
    .map((s: unknown) => s as Record<string, unknown>)
    .map((s) => ({
      facility: oneOf<HospitalStay['facility']>(s?.facility, ['INFIRMARY', 'HOSPITAL']),
      from: str(s?.from),
      to: str(s?.to),
    }))
    .filter((s): s is HospitalStay => s.facility !== null && s.from !== null && s.to !== null);
}

const MERIT_KINDS: MeritKind[] = [
  'CRIME_DETECTION',
  'SAVED_LIFE',
  'SAVED_PROPERTY',
  'INVENTION',
  'OUTSTANDING_ACHIEVEMENT',
];
const STATUSES: MeritoriousStatus[] = [
  'REVOLUTIONARY_MERIT',
  'WAR_INVALID',
  'SICK_SOLDIER',
  'DUNG_SI',
  'LABOUR_HERO',
  'ORDER_OR_RESISTANCE_MEDAL',
  'MARTYR_RELATIVE',
  'HEROIC_MOTHER_CHILD',
  'REVOLUTION_HELPER_RELATIVE',
];
const DIAGNOSES: DiagnosisCode[] = [
  'LATE_STAGE_CANCER',
  'PARALYSIS',
  'SEVERE_DRUG_RESISTANT_TB',
  'CIRRHOSIS_WITH_ASCITES',
  'HEART_FAILURE_GRADE_3_PLUS',
  'KIDNEY_FAILURE_GRADE_4_PLUS',
  'HIV_STAGE_4_OPPORTUNISTIC',
  'OTHER',
  'CANCER',
];
const CAUSES: HardshipCause[] = [
  'ACCIDENT',
  'ILLNESS',
  'NATURAL_DISASTER',
  'FIRE',
  'FORCE_MAJEURE',
  'RELATIVE_SERIOUSLY_ILL',
  'OTHER',
];
const RELATIONS: FamilyRelation[] = [
  'PARENT',
  'ADOPTIVE_PARENT',
  'SPOUSE',
  'CHILD',
  'SIBLING',
  'GRANDPARENT',
  'GRANDCHILD',
  'OTHER',
];
const MERIT_CONTEXTS: MeritContext[] = ['NATURAL_DISASTER', 'FIRE', 'OTHER'];
const LEVELS: DisabilityLevel[] = ['MILD', 'MODERATE', 'SEVERE', 'ESPECIALLY_SEVERE'];

const CONTEXTS: Partial<Record<SpecialCategory, EvidenceContext>> = {
  [SpecialCategory.MAJOR_MERIT]: 'MAJOR_MERIT',
  [SpecialCategory.WAR_INVALID_OR_DECORATED]: 'MERITORIOUS_PERSON',
  [SpecialCategory.SERIOUS_ILLNESS]: 'MEDICAL',
  [SpecialCategory.FREQUENT_ILLNESS]: 'MEDICAL',
  [SpecialCategory.FAMILY_HARDSHIP_SOLE_BREADWINNER]: 'FAMILY_HARDSHIP',
  [SpecialCategory.PREGNANT_OR_CHILD_UNDER_36_MONTHS]: 'PREGNANT_OR_YOUNG_CHILD',
  [SpecialCategory.SEVERE_DISABILITY]: 'SEVERE_DISABILITY',
};

// Age groups (70+, under 18 at the offence) follow from the dates and need no circumstance.
function circumstance(c: DossierCircumstance): SpecialCircumstance | null {
  const d = c.details;
  const ev = c.evidence.map((e) => evidence(e, CONTEXTS[c.category] ?? 'GENERAL'));
  switch (c.category) {
    case SpecialCategory.MAJOR_MERIT:
      return {
        category: 'MAJOR_MERIT',
        meritKind: oneOf(d.meritType, MERIT_KINDS),
        propertyValue: num(d.propertyValue),
        meritContext: oneOf(d.meritContext, MERIT_CONTEXTS),
        meritDate: str(d.meritDate),
        evidence: ev,
      };
    case SpecialCategory.WAR_INVALID_OR_DECORATED:
      return { category: 'MERITORIOUS_PERSON', status: oneOf(d.status, STATUSES), evidence: ev };
    case SpecialCategory.SERIOUS_ILLNESS:
      return {
        category: 'SERIOUS_ILLNESS',
        diagnosis: oneOf(d.diagnosisCode, DIAGNOSES),
        diagnosisText: str(d.diagnosis) ?? '',
        selfCareUnable: bool(d.selfCareUnable),
        highDeathRisk: bool(d.highDeathRisk),
        evidence: ev,
      };
    case SpecialCategory.FREQUENT_ILLNESS:
      return {
        category: 'FREQUENT_ILLNESS',
        stays: stays(c),
        stayCount: num(d.stayCount),
        longestStayDays: num(d.longestStayDays),
        hospitalStaysOfAtLeastOneMonth: num(d.hospitalStaysOfAtLeastOneMonth),
        selfCareUnable: bool(d.selfCareUnable),
        unableToWork: bool(d.unableToWork),
        noLongerDangerous: bool(d.noLongerDangerous),
        evidence: ev,
      };
    case SpecialCategory.FAMILY_HARDSHIP_SOLE_BREADWINNER:
      return {
        category: 'FAMILY_HARDSHIP',
        cause: oneOf(d.cause, CAUSES),
        noSignificantProperty: bool(d.noSignificantProperty),
        incomeBelowPovertyLine: bool(d.incomeBelowPovertyLine),
        soleWorker: bool(d.soleWorker),
        relative:
          d.relativeRelation === undefined &&
          d.relativeSeriouslyIll === undefined &&
          d.relativeNoOtherCarer === undefined
            ? null
            : {
                relation: oneOf(d.relativeRelation, RELATIONS),
                seriousLongTermIllness: bool(d.relativeSeriouslyIll),
                noOtherCarer: bool(d.relativeNoOtherCarer),
              },
        evidence: ev,
      };
    case SpecialCategory.PREGNANT_OR_CHILD_UNDER_36_MONTHS:
      return {
        category: 'PREGNANT_OR_YOUNG_CHILD',
        pregnant: d.pregnant === true,
        childBirthDate: str(d.childBirthDate),
        childLivesWithMother: bool(d.childLivesWithMother),
        evidence: ev,
      };
    case SpecialCategory.SEVERE_DISABILITY:
      return {
        category: 'SEVERE_DISABILITY',
        level: oneOf(d.level, LEVELS),
        perceptionDifficulty: d.perceptionDifficulty === true,
        evidence: ev,
      };
    default:
      return null;
  }
}

function birth(value: string): { birthDate: IsoDate | null; birthYear: number | null } {
  if (/^\d{4}$/.test(value)) return { birthDate: null, birthYear: Number(value) };
  return { birthDate: value, birthYear: /^\d{4}-/.test(value) ? Number(value.slice(0, 4)) : null };
}

// A foreigner's passport copy is read for foreigners only; other persons' facts keep their shape and hash.
function person(doc: DossierDocument): EligibilityFacts['person'] {
  const p = doc.person;
  const foreigner = isForeignNationality(p.nationality);
  const base = { sex: p.sex, ...birth(p.birthDate), foreigner };
  if (!foreigner) return base;
  const paper = doc.identityPaper ? evidence(doc.identityPaper, 'GENERAL', 'IDENTITY_PAPER_COPY') : null;
  return { ...base, identityPaper: paper };
}

export function dossierToFacts(doc: DossierDocument, options: DossierToFactsOptions = {}): EligibilityFacts {
  const p = doc.person;
  return {
    status: doc.status,
    person: person(doc),
    judgments: doc.judgments.map((j) => ({
      number: j.number,
      date: j.date,
      offences: j.offences.map((o) => offence(o, j.date)),
      sentence: sentence(j.sentence),
    })),
    aggregateSentence: sentence(doc.aggregateSentence),
    intervals: doc.intervals.map((i) => ({ kind: i.kind, from: i.from, to: i.to ?? null })),
    reductions: doc.reductions.map((r) => ({
      decisionNumber: r.decisionNumber,
      date: r.date,
      term: jsonbOrdered(r.term),
    })),
    conduct: {
      quarters: doc.conductRatings.map((q) => ({ period: q.period, rating: q.rating })),
      sinceLastQuarter: doc.postQuarterEvaluation ? { ...doc.postQuarterEvaluation } : null,
      drugUseEvidence: doc.drugUseEvidence,
    },
    priorConvictions: doc.priorConvictions.map((c) => ({
      judgmentNumber: c.judgmentNumber,
      date: c.date,
      expunged: c.expunged,
      proof: c.proof ? evidence(c.proof, 'PRIOR_CONVICTION') : null,
    })),
    earlierAmnesty: doc.earlierAmnesty ? { ...doc.earlierAmnesty } : null,
    pendingProsecution: doc.pendingProsecution,
    pendingProtests: doc.pendingProtest
      ? [{ kind: doc.pendingProtest.kind, aggravating: doc.pendingProtest.aggravating, date: doc.pendingProtest.date }]
      : [],
    obligations: doc.obligations.map((o) => ({
      kind: o.kind,
      creditor: o.creditor,
      amountDue: o.amountDue,
      amountPaid: o.amountPaid,
      evidence: o.decisions.map((d) => ({
        kind: DECISION_KINDS[d.kind] ?? 'OTHER',
        number: d.number ?? null,
        date: d.date,
        issuer: d.issuer,
        issuerLevel: null,
        readable: true,
        // The format records no certification of a creditor's letter; it is read when a producer adds it.
        ...(typeof (d as { certified?: unknown }).certified === 'boolean'
          ? { certified: (d as { certified?: boolean }).certified }
          : {}),
      })),
    })),
    specialCircumstances: doc.specialCircumstances
      .map(circumstance)
      .filter((c): c is SpecialCircumstance => c !== null),
    application: doc.application
      ? {
          date: doc.application.date,
          signedOrFingerprinted: doc.application.signed || doc.application.fingerprinted,
          postedOn: doc.application.decisionPostedOn ?? null,
        }
      : null,
    commitment: doc.commitment ? { date: doc.commitment.date, signed: doc.commitment.signed } : null,
    // The format carries the commune's certification of lawful conduct, so its presence is the certification.
    suspension:
      doc.status === 'SUSPENDED'
        ? {
            certification: doc.suspensionCertification
              ? evidence(doc.suspensionCertification, 'GENERAL', 'SUSPENSION_CONDUCT_COMMENT')
              : null,
            lawfulConduct: doc.suspensionCertification ? true : null,
          }
        : null,
    councilMeetingDate: options.councilMeetingDate ?? doc.councilMeetingDate ?? null,
    securityConcern: doc.securityConcern ?? null,
  };
}
