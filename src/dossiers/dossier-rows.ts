import { randomUUID } from 'node:crypto';
import type { DossierDocument, EvidenceDocument, Sentence } from './dossier-format.js';
import { storedFacts } from '../eligibility/stored-facts.js';

// Turns exchange-format documents into flat rows, one array per table, ready for one bulk INSERT per table.
export interface ResolvedDossier {
  id: string;
  document: DossierDocument;
  roundId: string;
  facilityId: string;
  teamId: string | null;
  actorId: string | null;
  version: number;
  contentHash: string;
  stage?: string;
  // The ids of the child rows (random by default): a bulk load passes time-ordered ones, so that every primary-key
  // index grows at its right edge.
  newId?: () => string;
}

export type Row = Record<string, unknown>;

export interface DossierRows {
  dossiers: Row[];
  judgments: Row[];
  offences: Row[];
  intervals: Row[];
  reductions: Row[];
  ratings: Row[];
  discipline: Row[];
  priorConvictions: Row[];
  obligations: Row[];
  decisions: Row[];
  circumstances: Row[];
  evidence: Row[];
  versions: Row[];
  // The engine's facts of each version written (dossier_facts), so that they are current wherever content is.
  facts: Row[];
}

export function emptyRows(): DossierRows {
  return {
    dossiers: [],
    judgments: [],
    offences: [],
    intervals: [],
    reductions: [],
    ratings: [],
    discipline: [],
    priorConvictions: [],
    obligations: [],
    decisions: [],
    circumstances: [],
    evidence: [],
    versions: [],
    facts: [],
  };
}

function sentenceJson(s: Sentence): Row {
  return s.kind === 'FIXED'
    ? { kind: 'FIXED', years: s.years, months: s.months, days: s.days }
    : { kind: 'LIFE', ...(s.commutation ? { commutation: s.commutation } : {}) };
}

function evidenceRow(
  newId: () => string,
  dossierId: string,
  ordinal: number,
  ownerType: string,
  ownerId: string | null,
  e: EvidenceDocument,
): Row {
  return {
    id: newId(),
    dossier_id: dossierId,
    ordinal,
    owner_type: ownerType,
    owner_id: ownerId,
    kind: e.kind,
    number: e.number ?? null,
    document_date: e.date ?? null,
    issuer: e.issuer,
    issuer_level: e.issuerLevel,
    readable: e.readable,
    note: e.note ?? null,
    code: e.code ?? null,
    also_serves_as: e.alsoServesAs ?? null,
  };
}

export function addDossierRows(rows: DossierRows, r: ResolvedDossier, includeMain = true): void {
  const d = r.document;
  const id = r.id;
  const newId = r.newId ?? randomUUID;
  const agg = d.aggregateSentence;
  if (includeMain) {
    rows.dossiers.push({
      id,
      round_id: r.roundId,
      facility_id: r.facilityId,
      team_id: r.teamId,
      inmate_number: d.inmateNumber,
      status: d.status,
      full_name: d.person.fullName,
      aliases: d.person.aliases,
      birth_date: d.person.birthDate,
      sex: d.person.sex,
      ethnicity: d.person.ethnicity,
      nationality: d.person.nationality,
      id_number: d.person.idNumber ?? null,
      registered_residence: d.person.registeredResidence,
      residence_after_release: d.person.residenceAfterRelease,
      sentence_kind: agg.kind,
      sentence_years: agg.kind === 'FIXED' ? agg.years : null,
      sentence_months: agg.kind === 'FIXED' ? agg.months : null,
      sentence_days: agg.kind === 'FIXED' ? agg.days : null,
      commutation: agg.kind === 'LIFE' ? (agg.commutation ?? null) : null,
      drug_use_evidence: d.drugUseEvidence,
      earlier_amnesty: d.earlierAmnesty ?? null,
      pending_prosecution: d.pendingProsecution,
      pending_protest: d.pendingProtest ?? null,
      post_quarter_evaluation: d.postQuarterEvaluation ?? null,
      application: d.application ?? null,
      commitment: d.commitment ?? null,
      security_concern: d.securityConcern ?? null,
      council_meeting_date: d.councilMeetingDate ?? null,
      stage: r.stage ?? 'application',
      version: r.version,
      created_by: r.actorId,
      updated_by: r.actorId,
    });
  }
  d.judgments.forEach((j, ji) => {
    const judgmentId = newId();
    rows.judgments.push({
      id: judgmentId,
      dossier_id: id,
      ordinal: ji,
      number: j.number,
      judgment_date: j.date,
      court: j.court,
      final_date: j.finalDate ?? null,
      sentence: sentenceJson(j.sentence),
    });
    j.offences.forEach((o, oi) =>
      rows.offences.push({
        id: newId(),
        dossier_id: id,
        ordinal: oi,
        judgment_id: judgmentId,
        criminal_code: o.criminalCode ?? null,
        article: o.article,
        clause: o.clause ?? null,
        point: o.point ?? null,
        chapter: o.chapter,
        name: o.name,
        offence_date: o.offenceDate ?? null,
        intentional: o.intentional,
        drug: o.drug,
        corruption: o.corruption,
        national_security: o.nationalSecurity,
        grade: o.grade ?? null,
        aggravations: o.aggravations,
        victims: o.victims ?? null,
        sentence: sentenceJson(o.sentence),
      }),
    );
  });
  d.intervals.forEach((v, i) =>
    rows.intervals.push({
      id: newId(),
      dossier_id: id,
      ordinal: i,
      kind: v.kind,
      date_from: v.from,
      date_to: v.to ?? null,
    }),
  );
  d.reductions.forEach((v, i) =>
    rows.reductions.push({
      id: newId(),
      dossier_id: id,
      ordinal: i,
      decision_number: v.decisionNumber,
      decision_date: v.date,
      issuer: v.issuer,
      years: v.term.years,
      months: v.term.months,
      days: v.term.days,
    }),
  );
  d.conductRatings.forEach((v, i) =>
    rows.ratings.push({ id: newId(), dossier_id: id, ordinal: i, period: v.period, rating: v.rating }),
  );
  d.discipline.forEach((v, i) =>
    rows.discipline.push({
      id: newId(),
      dossier_id: id,
      ordinal: i,
      record_date: v.date,
      kind: v.kind,
      description: v.description,
    }),
  );
  let evidenceOrdinal = 0;
  d.priorConvictions.forEach((v, i) => {
    const pcId = newId();
    rows.priorConvictions.push({
      id: pcId,
      dossier_id: id,
      ordinal: i,
      judgment_number: v.judgmentNumber,
      judgment_date: v.date,
      court: v.court,
      offence: v.offence,
      expunged: v.expunged,
    });
    if (v.proof) rows.evidence.push(evidenceRow(newId, id, evidenceOrdinal++, 'PRIOR_CONVICTION', pcId, v.proof));
  });
  d.obligations.forEach((v, i) => {
    const obligationId = newId();
    rows.obligations.push({
      id: obligationId,
      dossier_id: id,
      ordinal: i,
      kind: v.kind,
      creditor: v.creditor,
      amount_due: v.amountDue,
      amount_paid: v.amountPaid,
      status: v.status,
    });
    v.decisions.forEach((e, ei) =>
      rows.decisions.push({
        id: newId(),
        dossier_id: id,
        ordinal: ei,
        obligation_id: obligationId,
        kind: e.kind,
        number: e.number ?? null,
        decision_date: e.date,
        issuer: e.issuer,
        certified: e.certified ?? null,
      }),
    );
  });
  d.specialCircumstances.forEach((v, i) => {
    const circumstanceId = newId();
    rows.circumstances.push({
      id: circumstanceId,
      dossier_id: id,
      ordinal: i,
      category: v.category,
      details: v.details,
    });
    v.evidence.forEach((e) =>
      rows.evidence.push(evidenceRow(newId, id, evidenceOrdinal++, 'CIRCUMSTANCE', circumstanceId, e)),
    );
  });
  if (d.suspensionCertification)
    rows.evidence.push(evidenceRow(newId, id, evidenceOrdinal++, 'SUSPENSION', null, d.suspensionCertification));
  if (d.identityPaper) rows.evidence.push(evidenceRow(newId, id, evidenceOrdinal++, 'IDENTITY', null, d.identityPaper));
  rows.versions.push({
    dossier_id: id,
    version: r.version,
    document: d,
    content_hash: r.contentHash,
    created_by: r.actorId,
  });
  const facts = storedFacts(d);
  if (facts) rows.facts.push({ dossier_id: id, version: r.version, ...facts });
}
