import type { EntityManager } from 'typeorm';
import { ONE_STATEMENT_MAX, type R, readApart, readTogether } from './dossier-tables.repository.js';
import type {
  DossierDocument,
  EvidenceDocument,
  Judgment,
  Obligation,
  Offence,
  PriorConviction,
  Sentence,
  SpecialCircumstance,
} from './dossier-format.js';

// Reads dossiers back from the normalised tables into the exchange format: the inverse of dossier-rows.ts.
// Optional fields that are NULL in the database are omitted, so import → export → import is lossless.
export async function readDossierDocuments(
  manager: EntityManager,
  ids: string[],
): Promise<Map<string, DossierDocument>> {
  if (!ids.length) return new Map();
  return toDossierDocuments(
    ids.length <= ONE_STATEMENT_MAX ? await readTogether(manager, ids) : await readApart(manager, ids),
  );
}

// The rows of each table (in dossier-tables.repository.ts's order) as documents by dossier id.
export function toDossierDocuments(results: R[][]): Map<string, DossierDocument> {
  const out = new Map<string, DossierDocument>();
  const [
    mains,
    judgments,
    offences,
    intervals,
    reductions,
    ratings,
    discipline,
    priors,
    obligations,
    decisions,
    circumstances,
    evidence,
  ] = results;

  const by = (rows: R[], key: string) => {
    const map = new Map<string, R[]>();
    for (const row of rows) {
      const list = map.get(row[key]);
      if (list) list.push(row);
      else map.set(row[key], [row]);
    }
    return map;
  };
  const offencesByJudgment = by(offences, 'judgment_id');
  const decisionsByObligation = by(decisions, 'obligation_id');
  const evidenceByOwner = by(
    evidence.filter((e) => e.owner_id),
    'owner_id',
  );
  const suspensionByDossier = new Map(
    evidence.filter((e) => e.owner_type === 'SUSPENSION').map((e) => [e.dossier_id, e]),
  );
  const identityByDossier = new Map(evidence.filter((e) => e.owner_type === 'IDENTITY').map((e) => [e.dossier_id, e]));
  const judgmentsBy = by(judgments, 'dossier_id');
  const intervalsBy = by(intervals, 'dossier_id');
  const reductionsBy = by(reductions, 'dossier_id');
  const ratingsBy = by(ratings, 'dossier_id');
  const disciplineBy = by(discipline, 'dossier_id');
  const priorsBy = by(priors, 'dossier_id');
  const obligationsBy = by(obligations, 'dossier_id');
  const circumstancesBy = by(circumstances, 'dossier_id');

  for (const m of mains) {
    const id: string = m.id;
    const doc: DossierDocument = {
      formatVersion: 1,
      roundCode: m.round_code,
      facilityCode: m.facility_code,
      ...(m.team_code ? { teamCode: m.team_code } : {}),
      inmateNumber: m.inmate_number,
      status: m.status,
      person: {
        fullName: m.full_name,
        aliases: m.aliases,
        birthDate: m.birth_date,
        sex: m.sex,
        ethnicity: m.ethnicity,
        nationality: m.nationality,
        ...(m.id_number ? { idNumber: m.id_number } : {}),
        registeredResidence: m.registered_residence,
        residenceAfterRelease: m.residence_after_release,
      },
      judgments: (judgmentsBy.get(id) ?? []).map((j): Judgment => ({
        number: j.number,
        date: j.jd,
        court: j.court,
        ...(j.fd ? { finalDate: j.fd } : {}),
        offences: (offencesByJudgment.get(j.id) ?? []).map(toOffence),
        sentence: j.sentence as Sentence,
      })),
      aggregateSentence:
        m.sentence_kind === 'FIXED'
          ? { kind: 'FIXED', years: m.sentence_years, months: m.sentence_months, days: m.sentence_days }
          : { kind: 'LIFE', ...(m.commutation ? { commutation: m.commutation } : {}) },
      intervals: (intervalsBy.get(id) ?? []).map((v) => ({ kind: v.kind, from: v.f, ...(v.t ? { to: v.t } : {}) })),
      reductions: (reductionsBy.get(id) ?? []).map((v) => ({
        decisionNumber: v.decision_number,
        date: v.dd,
        issuer: v.issuer,
        term: { years: v.years, months: v.months, days: v.days },
      })),
      conductRatings: (ratingsBy.get(id) ?? []).map((v) => ({ period: v.period, rating: v.rating })),
      ...(m.post_quarter_evaluation ? { postQuarterEvaluation: m.post_quarter_evaluation } : {}),
      discipline: (disciplineBy.get(id) ?? []).map((v) => ({ date: v.rd, kind: v.kind, description: v.description })),
      drugUseEvidence: m.drug_use_evidence,
      priorConvictions: (priorsBy.get(id) ?? []).map((v): PriorConviction => {
        const proof = evidenceByOwner.get(v.id)?.[0];
        return {
          judgmentNumber: v.judgment_number,
          date: v.jd,
          court: v.court,
          offence: v.offence,
          expunged: v.expunged,
          ...(proof ? { proof: toEvidence(proof) } : {}),
        };
      }),
      ...(m.earlier_amnesty ? { earlierAmnesty: m.earlier_amnesty } : {}),
      pendingProsecution: m.pending_prosecution,
      ...(m.pending_protest ? { pendingProtest: m.pending_protest } : {}),
      obligations: (obligationsBy.get(id) ?? []).map((v): Obligation => ({
        kind: v.kind,
        creditor: v.creditor,
        amountDue: Number(v.amount_due),
        amountPaid: Number(v.amount_paid),
        status: v.status,
        decisions: (decisionsByObligation.get(v.id) ?? []).map((e) => ({
          kind: e.kind,
          ...(e.number ? { number: e.number } : {}),
          date: e.dd,
          issuer: e.issuer,
          ...(e.certified !== null ? { certified: e.certified } : {}),
        })),
      })),
      specialCircumstances: (circumstancesBy.get(id) ?? []).map((v): SpecialCircumstance => ({
        category: v.category,
        details: v.details,
        evidence: (evidenceByOwner.get(v.id) ?? []).map(toEvidence),
      })),
      ...(m.application ? { application: m.application } : {}),
      ...(m.commitment ? { commitment: m.commitment } : {}),
      ...(suspensionByDossier.has(id) ? { suspensionCertification: toEvidence(suspensionByDossier.get(id)!) } : {}),
      ...(identityByDossier.has(id) ? { identityPaper: toEvidence(identityByDossier.get(id)!) } : {}),
      ...(m.security_concern ? { securityConcern: m.security_concern } : {}),
      ...(m.cmd ? { councilMeetingDate: m.cmd } : {}),
    };
    out.set(id, doc);
  }
  return out;
}

function toOffence(o: R): Offence {
  return {
    ...(o.criminal_code ? { criminalCode: o.criminal_code } : {}),
    article: o.article,
    ...(o.clause !== null ? { clause: o.clause } : {}),
    ...(o.point !== null ? { point: o.point } : {}),
    chapter: o.chapter,
    name: o.name,
    ...(o.od ? { offenceDate: o.od } : {}),
    intentional: o.intentional,
    drug: o.drug,
    corruption: o.corruption,
    nationalSecurity: o.national_security,
    ...(o.grade ? { grade: o.grade } : {}),
    aggravations: o.aggravations,
    ...(o.victims !== null ? { victims: o.victims } : {}),
    sentence: o.sentence as Sentence,
  };
}

function toEvidence(e: R): EvidenceDocument {
  return {
    kind: e.kind,
    ...(e.number ? { number: e.number } : {}),
    ...(e.dd ? { date: e.dd } : {}),
    issuer: e.issuer,
    issuerLevel: e.issuer_level,
    readable: e.readable,
    ...(e.note ? { note: e.note } : {}),
    ...(e.code ? { code: e.code } : {}),
    ...(e.also_serves_as ? { alsoServesAs: e.also_serves_as } : {}),
  };
}
