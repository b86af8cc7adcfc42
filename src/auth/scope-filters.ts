import { Stage } from '../workflow/core/stages.js';
import { beforeAppraisalTeam, ineligibleBeforeTeam } from './scope-appraisal.js';
import { Role } from './user.entity.js';

// Who may read what, as SQL conditions over one row of each kind of record. This file is the scope rule of the whole
// application: services, repositories and pages ask ScopeService for these conditions instead of writing their own.

// National bodies see a dossier once it has reached them (DOMAIN §9: appraisal team → standing body → council).
export const NATIONAL_VISIBLE_STAGES: readonly string[] = [
  Stage.APPRAISAL,
  Stage.STANDING_BODY,
  Stage.ADVISORY_COUNCIL,
  Stage.PRESIDENT,
  Stage.GRANTED,
  Stage.RELEASED,
  Stage.PRESENTED,
  Stage.COUNCIL_INELIGIBLE,
  Stage.NOT_GRANTED,
];

export const NATIONAL_ROLES: ReadonlySet<Role> = new Set([
  Role.APPRAISER,
  Role.COUNCIL_STANDING_OFFICER,
  Role.COUNCIL_MEMBER,
]);
export const UNIT_ROLES: ReadonlySet<Role> = new Set([
  Role.TEAM_OFFICER,
  Role.CAMP_COUNCIL_MEMBER,
  Role.WARDEN,
  Role.DEPARTMENT_OFFICER,
  Role.MINISTRY_OFFICER,
  // A court sees the dossiers of persons on suspension it lists (its own unit).
  Role.COURT_OFFICER,
  Role.COURT_PRESIDENT,
]);

// The Supreme People's Court guides and checks the provincial and military-region courts' lists (Luật Đặc xá 2018,
// Điều 29, khoản 2) and decides the second complaints about them (Điều 37, khoản 2): it reads the dossiers the courts
// hold and the courts' lists, and nothing of the camps.
export const SUPREME_COURT_ROLES: ReadonlySet<Role> = new Set([Role.SUPREME_COURT_OFFICER]);
const COURT_UNITS = `SELECT sc.id FROM org_units sc WHERE sc.kind = 'COURT'`;
const heldByCourt = (column: string): SqlFilter => ({
  sql: `coalesce(${column} IN (${COURT_UNITS}), false)`,
  params: [],
});

// The commune's People's Committee or the military unit where a person presents the certificate (Luật Đặc xá 2018,
// Điều 20, khoản 2, điểm a): it reads the certificates that name it and nothing of the dossiers behind them (the
// certificate is all the law sends it, Điều 18, khoản 4).
export const LOCAL_UNIT_ROLES: ReadonlySet<Role> = new Set([Role.LOCAL_UNIT_OFFICER]);

export interface SqlFilter {
  sql: string;
  params: unknown[];
}

// Who is asking, as far as scope goes: a role and a place in the organisation tree.
export interface ScopeSubject {
  role: Role;
  orgUnitPath: string;
}

// The kinds of record a scope rule exists for; each is read from its own table by id.
export enum ScopedRecord {
  DOSSIER = 'dossier',
  LIST = 'list',
  // A camp's council decisions on its facility's dossiers, reached through one of the camp's lists.
  CAMP_COUNCIL = 'camp-council',
  TEAM_MEETING = 'team-meeting',
  CERTIFICATE = 'certificate',
  EXPLANATORY_REPORT = 'explanatory-report',
  SCREENING = 'screening',
  DOCUMENT = 'document',
  DOCUMENT_JOB = 'document-job',
  COMPLAINT = 'complaint',
  PROCURACY_NOTICE = 'procuracy-notice',
  COURT_PROPOSAL = 'court-proposal',
  APPRAISAL_RECORD = 'appraisal-record',
  // A dossier the appraisal team works on (scope-appraisal.ts): read and given findings and opinions at the team's desk.
  APPRAISED_DOSSIER = 'appraised-dossier',
  APPRAISAL_FLAG = 'appraisal-flag',
  DECISION_POSTING = 'decision-posting',
  FOREIGN_MINISTRY_NOTICE = 'foreign-ministry-notice',
  CERTIFICATE_BATCH = 'certificate-batch',
}

export const RECORD_TABLES: Record<ScopedRecord, string> = {
  [ScopedRecord.DOSSIER]: 'dossiers',
  [ScopedRecord.LIST]: 'list_snapshots',
  [ScopedRecord.CAMP_COUNCIL]: 'list_snapshots',
  [ScopedRecord.TEAM_MEETING]: 'team_meetings',
  [ScopedRecord.CERTIFICATE]: 'amnesty_certificates',
  [ScopedRecord.EXPLANATORY_REPORT]: 'explanatory_reports',
  [ScopedRecord.SCREENING]: 'screenings',
  [ScopedRecord.DOCUMENT]: 'documents',
  [ScopedRecord.DOCUMENT_JOB]: 'document_jobs',
  [ScopedRecord.COMPLAINT]: 'complaints',
  [ScopedRecord.PROCURACY_NOTICE]: 'procuracy_notices',
  [ScopedRecord.COURT_PROPOSAL]: 'court_proposals',
  [ScopedRecord.APPRAISAL_RECORD]: 'appraisal_records',
  [ScopedRecord.APPRAISED_DOSSIER]: 'dossiers',
  [ScopedRecord.APPRAISAL_FLAG]: 'appraisal_flags',
  [ScopedRecord.DECISION_POSTING]: 'decision_postings',
  [ScopedRecord.FOREIGN_MINISTRY_NOTICE]: 'foreign_ministry_notices',
  [ScopedRecord.CERTIFICATE_BATCH]: 'certificate_batches',
};

// A document is seen by whoever may read what it was made from. Council minutes are made from a camp list but print
// every decision of the camp's council, the ineligible ones too: they follow the council's decisions, not the list.
// Keys are the documents feature's source types and kinds (DocumentSourceType, DocumentKind).
export const DOCUMENT_SOURCES: readonly { sourceType: string; kind?: string; record: ScopedRecord }[] = [
  { sourceType: 'list-snapshot', kind: 'council-minutes', record: ScopedRecord.CAMP_COUNCIL },
  { sourceType: 'list-snapshot', record: ScopedRecord.LIST },
  { sourceType: 'team-meeting', record: ScopedRecord.TEAM_MEETING },
  { sourceType: 'dossier', record: ScopedRecord.DOSSIER },
  { sourceType: 'certificate', record: ScopedRecord.CERTIFICATE },
  { sourceType: 'explanatory-report', record: ScopedRecord.EXPLANATORY_REPORT },
  { sourceType: 'complaint', record: ScopedRecord.COMPLAINT },
  { sourceType: 'procuracy-notice', record: ScopedRecord.PROCURACY_NOTICE },
  { sourceType: 'appraisal-record', record: ScopedRecord.APPRAISAL_RECORD },
  { sourceType: 'certificate-batch', record: ScopedRecord.CERTIFICATE_BATCH },
];

export function documentSourceRecord(sourceType: string, kind: string): ScopedRecord | null {
  const found = DOCUMENT_SOURCES.find((s) => s.sourceType === sourceType && (s.kind === undefined || s.kind === kind));
  return found?.record ?? null;
}

const NONE: SqlFilter = { sql: 'false', params: [] };
const subtree = (subject: ScopeSubject) => `${subject.orgUnitPath}%`;

// One of the record's units lies in the subject's subtree. Each column is tested against the subtree's units as a
// set (PostgreSQL hashes the sub-select once per statement), not by a look-up per row: a ministry's list reads a
// hundred thousand dossiers. coalesce keeps it a plain true/false where a column is NULL.
function unitIn(subject: ScopeSubject, unitIds: string, p: number): SqlFilter {
  const tests = unitIds
    .split(',')
    .map((c) => `coalesce(${c.trim()} IN (SELECT su.id FROM org_units su WHERE su.path LIKE $${p}), false)`);
  return { sql: `(${tests.join(' OR ')})`, params: [subtree(subject)] };
}

// Units see their own subtree of the organisation (a team officer their team, a warden the facility, a department
// its facilities); national bodies see what reached them — the names proposed and, once a facility's or a court's lists
// reached the appraisal team, the names it proposed as not eligible (scope-appraisal.ts) — and keep seeing what they
// sent back or removed.
function dossier(subject: ScopeSubject, a: string, p: number): SqlFilter {
  if (UNIT_ROLES.has(subject.role)) return unitIn(subject, `${a}.facility_id, ${a}.team_id`, p);
  if (NATIONAL_ROLES.has(subject.role)) {
    return {
      sql: `(${a}.stage = ANY($${p}::text[]) OR ${ineligibleBeforeTeam(a)}
             OR (${a}.stage IN ('correction', 'removed', 'withdrawn') AND EXISTS (
              SELECT 1 FROM workflow_history sh WHERE sh.dossier_id = ${a}.id AND sh.from_stage = ANY($${p}::text[]))))`,
      params: [NATIONAL_VISIBLE_STAGES],
    };
  }
  if (SUPREME_COURT_ROLES.has(subject.role)) return heldByCourt(`${a}.facility_id`);
  return NONE;
}

// A unit sees the lists it or a unit below it made or received. National bodies see a list once it was sent to or made
// by a national body, and every list it was consolidated from; a camp list that never reached them stays hidden.
function list(subject: ScopeSubject, a: string, p: number): SqlFilter {
  if (UNIT_ROLES.has(subject.role)) return unitIn(subject, `${a}.owner_unit_id, ${a}.recipient_unit_id`, p);
  if (NATIONAL_ROLES.has(subject.role)) {
    return {
      sql: `EXISTS (
              WITH RECURSIVE reached (id) AS (
                SELECT ${a}.id
                UNION
                SELECT ls.list_id FROM list_sources ls JOIN reached r ON ls.source_list_id = r.id
              )
              SELECT 1 FROM reached r JOIN list_snapshots rl ON rl.id = r.id
                JOIN org_units ro ON ro.id = rl.owner_unit_id LEFT JOIN org_units rr ON rr.id = rl.recipient_unit_id
               WHERE ro.kind = 'NATIONAL_BODY' OR rr.kind = 'NATIONAL_BODY')`,
      params: [],
    };
  }
  if (SUPREME_COURT_ROLES.has(subject.role)) {
    // The courts' lists, and the one-name lists its own accepted complaints wrote.
    const own = unitIn(subject, `${a}.owner_unit_id`, p);
    return { sql: `(${heldByCourt(`${a}.owner_unit_id`).sql} OR ${own.sql})`, params: own.params };
  }
  return NONE;
}

// The camp council's decisions never leave the camp's chain of command: its minutes are for the facility and above.
function campCouncil(subject: ScopeSubject, a: string, p: number): SqlFilter {
  if (!UNIT_ROLES.has(subject.role)) return NONE;
  const owner = unitIn(subject, `${a}.owner_unit_id`, p);
  return { sql: `(${a}.kind IN ('CAMP_ELIGIBLE', 'CAMP_INELIGIBLE') AND ${owner.sql})`, params: owner.params };
}

// A team's meeting and its ballot tallies stay with the team and the units above it.
function teamMeeting(subject: ScopeSubject, a: string, p: number): SqlFilter {
  return UNIT_ROLES.has(subject.role) ? unitIn(subject, `${a}.team_id`, p) : NONE;
}

// A certificate or a complaint is read by whoever may read the dossier it concerns (a complaint's deciding ministry
// reads it through the facility below it).
function ofDossier(subject: ScopeSubject, a: string, p: number): SqlFilter {
  const inner = dossier(subject, 'cd', p);
  return {
    sql: `EXISTS (SELECT 1 FROM dossiers cd WHERE cd.id = ${a}.dossier_id AND ${inner.sql})`,
    params: inner.params,
  };
}

// A certificate is read by whoever may read its dossier, and by the commune or military unit it names for the
// presentation (that unit reads no dossier).
function certificate(subject: ScopeSubject, a: string, p: number): SqlFilter {
  if (LOCAL_UNIT_ROLES.has(subject.role)) return unitIn(subject, `${a}.presentation_unit_id`, p);
  return ofDossier(subject, a, p);
}

// The dossiers a caller may move through the transition table: those they may read, and for the commune or military
// unit the dossiers of the certificates naming it (it records their presentation without reading them).
export function actionableDossierFilter(subject: ScopeSubject, a: string, p: number): SqlFilter {
  if (!LOCAL_UNIT_ROLES.has(subject.role)) return dossier(subject, a, p);
  const named = unitIn(subject, 'pc.presentation_unit_id', p);
  return {
    sql: `EXISTS (SELECT 1 FROM amnesty_certificates pc WHERE pc.dossier_id = ${a}.id AND ${named.sql})`,
    params: named.params,
  };
}

// The standing body's explanatory reports are written for the council and discussed among the national bodies only.
function explanatoryReport(subject: ScopeSubject): SqlFilter {
  return NATIONAL_ROLES.has(subject.role) ? { sql: 'true', params: [] } : NONE;
}

// A screening belongs to the unit that started it: it is read there and above, never beside.
function screening(subject: ScopeSubject, a: string, p: number): SqlFilter {
  return unitIn(subject, `${a}.scope_unit_id`, p);
}

function document(subject: ScopeSubject, a: string, p: number): SqlFilter {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const source of DOCUMENT_SOURCES) {
    const inner = recordFilter(source.record, subject, 'ds', p + params.length);
    if (inner.sql === 'false') continue;
    params.push(...inner.params);
    const kind = source.kind
      ? ` AND ${a}.kind = '${source.kind}'`
      : DOCUMENT_SOURCES.filter((s) => s.sourceType === source.sourceType && s.kind)
          .map((s) => ` AND ${a}.kind <> '${s.kind}'`)
          .join('');
    parts.push(
      `(${a}.source_type = '${source.sourceType}'${kind} AND EXISTS (SELECT 1 FROM ${RECORD_TABLES[source.record]} ds WHERE ds.id = ${a}.source_id AND ${inner.sql}))`,
    );
  }
  return parts.length ? { sql: `(${parts.join(' OR ')})`, params } : NONE;
}

function documentJob(subject: ScopeSubject, a: string, p: number): SqlFilter {
  const inner = document(subject, 'jd', p);
  return {
    sql: `EXISTS (SELECT 1 FROM documents jd WHERE jd.id = ${a}.document_id AND ${inner.sql})`,
    params: inner.params,
  };
}

// The facilities (rows `alias` of org_units) that can hold a dossier the dossier rule lets `subject` read: for a unit,
// those whose subtree meets its own (a facility in it, or the facility it works in), since a dossier's team lies
// within its facility. A necessary condition only, so that a page walking facilities skips those it would find
// nothing in; the dossier rule still decides each dossier.
export function dossierFacilityFilter(subject: ScopeSubject, alias: string, firstParam: number): SqlFilter {
  if (!UNIT_ROLES.has(subject.role)) return { sql: 'true', params: [] };
  const p = `$${firstParam}::text`;
  return {
    sql: `(starts_with(${alias}.path, ${p}) OR starts_with(${p}, ${alias}.path))`,
    params: [subject.orgUnitPath],
  };
}

// The organisation units (rows `alias` of org_units) a caller works in: their own subtree; the national bodies and
// the administrator all of them. Used for what belongs to a unit rather than to a dossier (simulations, the
// facilities a draft round is tried on).
export function unitFilter(subject: ScopeSubject, alias: string, firstParam: number): SqlFilter {
  if (UNIT_ROLES.has(subject.role)) return { sql: `${alias}.path LIKE $${firstParam}`, params: [subtree(subject)] };
  if (subject.role === Role.ADMIN || NATIONAL_ROLES.has(subject.role)) return { sql: 'true', params: [] };
  return NONE;
}

// A notice about one list (a camp's to the procuracy, the standing body's to the Ministry of Foreign Affairs) is read by
// whoever may read that list.
function ofList(subject: ScopeSubject, a: string, p: number): SqlFilter {
  const inner = list(subject, 'nl', p);
  return {
    sql: `EXISTS (SELECT 1 FROM list_snapshots nl WHERE nl.id = ${a}.list_id AND ${inner.sql})`,
    params: inner.params,
  };
}

// The appraisal team's record goes to the standing body and the council (Luật Đặc xá 2018, Điều 16, khoản 2; Điều 17):
// the national bodies read it. The camps learn the team's results through the lists that come back, not the record.
function appraisalRecord(subject: ScopeSubject): SqlFilter {
  return NATIONAL_ROLES.has(subject.role) ? { sql: 'true', params: [] } : NONE;
}

// The dossiers at the appraisal team's desk (its stage, the standing body's, and the ineligible names before it): the
// national bodies open them there, and the team's members give their findings and opinions on them.
function appraisedDossier(subject: ScopeSubject, a: string): SqlFilter {
  return NATIONAL_ROLES.has(subject.role) ? { sql: beforeAppraisalTeam(a), params: [] } : NONE;
}

// A camp's posting of the President's decision is the camp's: it is read there and by the units above it, and by the
// standing body that follows the decision's execution.
function decisionPosting(subject: ScopeSubject, a: string, p: number): SqlFilter {
  if (subject.role === Role.COUNCIL_STANDING_OFFICER) return { sql: 'true', params: [] };
  return UNIT_ROLES.has(subject.role) ? unitIn(subject, `${a}.facility_id`, p) : NONE;
}

// A facility's batch of certificates is read where its certificates are: in the facility and the units above it.
function certificateBatch(subject: ScopeSubject, a: string, p: number): SqlFilter {
  return UNIT_ROLES.has(subject.role) ? unitIn(subject, `${a}.facility_id`, p) : NONE;
}

type Rule = (subject: ScopeSubject, alias: string, firstParam: number) => SqlFilter;

// One rule per kind of record; the Record type makes a new kind without a rule a compile error.
const RULES: Record<ScopedRecord, Rule> = {
  [ScopedRecord.DOSSIER]: dossier,
  [ScopedRecord.LIST]: list,
  [ScopedRecord.CAMP_COUNCIL]: campCouncil,
  [ScopedRecord.TEAM_MEETING]: teamMeeting,
  [ScopedRecord.CERTIFICATE]: certificate,
  [ScopedRecord.EXPLANATORY_REPORT]: explanatoryReport,
  [ScopedRecord.SCREENING]: screening,
  [ScopedRecord.DOCUMENT]: document,
  [ScopedRecord.DOCUMENT_JOB]: documentJob,
  [ScopedRecord.COMPLAINT]: ofDossier,
  [ScopedRecord.PROCURACY_NOTICE]: ofList,
  // A court's proposal is read by whoever may read the dossier it concerns.
  [ScopedRecord.COURT_PROPOSAL]: ofDossier,
  [ScopedRecord.APPRAISAL_RECORD]: appraisalRecord,
  [ScopedRecord.APPRAISED_DOSSIER]: appraisedDossier,
  // A finding is read and settled by whoever may read the dossier it is about.
  [ScopedRecord.APPRAISAL_FLAG]: ofDossier,
  [ScopedRecord.DECISION_POSTING]: decisionPosting,
  [ScopedRecord.FOREIGN_MINISTRY_NOTICE]: ofList,
  [ScopedRecord.CERTIFICATE_BATCH]: certificateBatch,
};

// The condition under which `subject` may read the row `alias` of the record's table; its parameters are numbered
// from `firstParam`.
export function recordFilter(
  record: ScopedRecord,
  subject: ScopeSubject,
  alias: string,
  firstParam: number,
): SqlFilter {
  return RULES[record](subject, alias, firstParam);
}
