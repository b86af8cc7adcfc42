import { ConductRating, EvidenceCode, InmateStatus, IssuerLevel, Sex } from '../../src/dossiers/dossier-format.js';
import type { DossierDocument } from '../../src/dossiers/dossier-format.js';
import { buildConduct, ConductPlan } from './conduct.js';
import { addDays, addMonths } from './dates.js';
import { buildObligations, CivilPlan } from './obligations.js';
import { buildPerson, vietnameseName } from './person.js';
import type { Rng } from './prng.js';
import { buildTimeline, offenceSentenceMonths, OffencePick } from './timeline.js';
import type { Catalogue } from './data/offences.js';

// What a dossier builder needs to know about the round: the cut-off for time served, when the decision was posted,
// when the camp council meets, and the last classified quarter.
export interface RoundCalendar {
  code: string;
  cutoffDate: string;
  postingDate: string;
  councilMeetingDate: string;
  lastQuarter: string;
  // Start of the evaluation after the last quarter (null in rounds that had none).
  sinceLastQuarterFrom: string | null;
}

export interface Placement {
  facilityCode: string;
  teamCode?: string;
  inmateNumber: string;
  province: string;
  militaryRegion?: string;
}

export interface DossierPlan {
  // Articles in the numbering of `catalogue` (Criminal Code 2015 unless told otherwise).
  offences: OffencePick[];
  catalogue?: Catalogue;
  // Share of the fixed term actually served at the cut-off; ignored when servedMonths is given.
  servedFraction?: number;
  servedMonths?: number;
  sex?: Sex;
  ageAtCutoff?: number;
  // Age on the offence date, for the under-18 category; wins over ageAtCutoff.
  ageAtOffence?: number;
  yearOnlyBirth?: boolean;
  foreigner?: boolean;
  bail?: boolean;
  reductions?: boolean;
  conduct?: ConductPlan;
  civil?: CivilPlan;
  maxQuarters?: number;
  application?: boolean;
}

export function buildDossier(rng: Rng, round: RoundCalendar, place: Placement, plan: DossierPlan): DossierDocument {
  const picks = plan.offences.map((p) => {
    if (p.life) return p;
    const drawn = offenceSentenceMonths(rng, p, plan.catalogue);
    return { ...p, clause: drawn.clause, months: drawn.months };
  });
  const termMonths = Math.min(
    picks.reduce((s, p) => s + (p.months ?? 0), 0),
    360,
  );
  const servedMonths = plan.servedMonths ?? Math.max(3, Math.round(termMonths * (plan.servedFraction ?? 0.4)));
  const timeline = buildTimeline(rng, {
    cutoffDate: round.cutoffDate,
    offences: picks,
    servedMonths,
    bail: plan.bail,
    reductions: plan.reductions,
    catalogue: plan.catalogue,
    notAfter: round.councilMeetingDate,
    court: { province: place.province, militaryRegion: place.militaryRegion },
  });
  const offenceDate = timeline.judgments[0].offences[0].offenceDate ?? timeline.arrestDate;
  const birthDate =
    plan.ageAtOffence !== undefined
      ? addDays(addMonths(offenceDate, -12 * plan.ageAtOffence), -rng.int(30, 300))
      : addDays(
          addMonths(round.cutoffDate, -12 * (plan.ageAtCutoff ?? defaultAge(rng, servedMonths))),
          -rng.int(0, 360),
        );
  const person = buildPerson(rng, {
    sex: plan.sex ?? (place.militaryRegion || rng.chance(0.93) ? Sex.MALE : Sex.FEMALE),
    birthDate,
    yearOnly: plan.yearOnlyBirth,
    foreigner: plan.foreigner,
  });
  const conduct = buildConduct(rng, {
    campEntry: timeline.campEntry,
    lastQuarter: round.lastQuarter,
    plan: plan.conduct ?? 'GOOD',
    maxQuarters: plan.maxQuarters,
  });
  const obligations = buildObligations(rng, {
    articles: picks.map((p) => p.article),
    judgmentDate: timeline.judgments[0].date,
    province: place.province,
    plan: plan.civil ?? 'PAID',
    catalogue: plan.catalogue,
    notAfter: round.councilMeetingDate,
    victimName: vietnameseName(rng, rng.chance(0.6) ? Sex.MALE : Sex.FEMALE),
  });
  const applicationDate = addDays(round.postingDate, rng.int(1, 4));
  const doc: DossierDocument = {
    formatVersion: 1,
    roundCode: round.code,
    facilityCode: place.facilityCode,
    inmateNumber: place.inmateNumber,
    status: InmateStatus.SERVING,
    person,
    judgments: timeline.judgments,
    aggregateSentence: timeline.aggregate,
    intervals: timeline.intervals,
    reductions: timeline.reductions,
    conductRatings: conduct.ratings,
    discipline: conduct.discipline,
    drugUseEvidence: false,
    priorConvictions: [],
    pendingProsecution: false,
    obligations,
    specialCircumstances: [],
  };
  if (place.teamCode) doc.teamCode = place.teamCode;
  // A foreigner's dossier holds a copy of the passport (Decree 52/2019 Art 5(6)); drawn without the generator, so the
  // rest of the data stays as it was.
  if (plan.foreigner) {
    doc.identityPaper = {
      kind: 'Bản sao hộ chiếu',
      code: EvidenceCode.IDENTITY_PAPER_COPY,
      number: `HC-${place.inmateNumber}`,
      date: addMonths(timeline.intervals[0].from, -18),
      issuer: `Cơ quan cấp hộ chiếu nước ${person.nationality}`,
      issuerLevel: IssuerLevel.CENTRAL,
      readable: true,
    };
  }
  if (round.sinceLastQuarterFrom) {
    doc.postQuarterEvaluation = {
      from: round.sinceLastQuarterFrom,
      to: round.councilMeetingDate,
      rating: rng.chance(0.6) ? ConductRating.TOT : ConductRating.KHA,
    };
  }
  if (plan.application !== false) {
    doc.application = { date: applicationDate, signed: true, fingerprinted: rng.chance(0.7) };
    doc.commitment = { date: applicationDate, signed: true };
  }
  return doc;
}

// Camps hold mostly people in their twenties and thirties; nobody is younger than 18 plus the time served.
function defaultAge(rng: Rng, servedMonths: number): number {
  const age = rng.weighted([
    [rng.int(20, 29), 35],
    [rng.int(30, 39), 35],
    [rng.int(40, 49), 18],
    [rng.int(50, 64), 12],
  ] as const);
  return Math.max(age, Math.ceil(servedMonths / 12) + 19);
}
