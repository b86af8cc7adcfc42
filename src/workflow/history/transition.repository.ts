import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { lockedHead, lockHeadColumn } from '../../audit/audit.repository.js';
import { textOf } from '../../audit/protected-rows.js';
import type { TransitionContext } from '../core/transition-context.js';
import { ROUND_ROW_JSON, type RoundRow } from '../common/round.repository.js';

export interface DossierHead {
  id: string;
  roundId: string;
  facilityId: string;
  teamId: string | null;
  stage: string;
  version: number;
  createdBy: string | null;
  updatedBy: string | null;
  fullName: string;
  // What `lockHeads` was asked to read with the lock (see HeadReads).
  applicationDate?: string | null;
  inmateStatus?: TransitionContext['inmateStatus'];
  heldAtCourt?: boolean;
  round?: RoundRow;
  // An id reserved for the dossier's history row, and the transaction's time as the history stores it.
  historyId?: string;
  occurredAt?: string;
}

// Facts of each dossier read in the locking statement itself, so a stage command does not spend a round trip on each.
export interface HeadReads {
  // The application's date (the application window's guard).
  application?: boolean;
  // The inmate's status and whether a court holds the dossier.
  custody?: boolean;
  // The round's row, for its rules.
  round?: boolean;
  // An id for the history row each dossier will get, and the time it will record (the rows are hashed before they are
  // stored: see `advance`).
  history?: boolean;
}

// One history row as stored, every value in the text form `selectList` reads it back in: the row's content hash is
// computed from these values while the statement that stores them runs.
export type HistoryRecord = Record<
  | 'id'
  | 'dossier_id'
  | 'round_id'
  | 'event'
  | 'from_stage'
  | 'to_stage'
  | 'version_read'
  | 'version_written'
  | 'actor_id'
  | 'actor_role'
  | 'actor_unit_id'
  | 'reason_code'
  | 'reason'
  | 'list_id'
  | 'occurred_at',
  string | null
>;

// A uuid as PostgreSQL writes it back (lower case, hyphenated), whichever of its accepted input forms was given.
export function storedUuid(id: string): string {
  const hex = id.replace(/[{}-]/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// A text as PostgreSQL stores it: sent as UTF-8, so a lone surrogate half becomes U+FFFD.
export function storedText(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

// The columns every row of one batch shares, in the order of the statement's parameters $9…$14.
const SHARED_COLUMNS = ['event', 'actor_id', 'actor_role', 'actor_unit_id', 'list_id', 'occurred_at'] as const;

const HEAD_COLUMNS = `d.id, d.round_id AS "roundId", d.facility_id AS "facilityId", d.team_id AS "teamId", d.stage, d.version,
  d.created_by AS "createdBy", d.updated_by AS "updatedBy", d.full_name AS "fullName"`;

@Injectable()
export class TransitionRepository {
  // Locks the rows in id order, so that two transitions of the same dossier queue instead of both passing the version
  // check, and two overlapping sets cannot deadlock.
  async lockHeads(
    manager: EntityManager,
    ids: readonly string[],
    scope: { sql: string; params: unknown[] },
    reads: HeadReads = {},
  ): Promise<DossierHead[]> {
    const columns = [
      HEAD_COLUMNS,
      ...(reads.application ? [`d.application->>'date' AS "applicationDate"`] : []),
      ...(reads.custody ? [`d.status AS "inmateStatus"`, `hf.kind = 'COURT' AS "heldAtCourt"`] : []),
      ...(reads.round ? [`(SELECT ${ROUND_ROW_JSON} FROM rounds r WHERE r.id = d.round_id) AS round`] : []),
      // The sequence is looked up and the time written once per statement (sub-selects), not once per dossier.
      ...(reads.history
        ? [
            `nextval((SELECT pg_get_serial_sequence('workflow_history', 'id')::regclass))::text AS "historyId"`,
            `(SELECT ${textOf('now()', 'timestamptz')}) AS "occurredAt"`,
          ]
        : []),
    ];
    const facility = reads.custody ? 'JOIN org_units hf ON hf.id = d.facility_id' : '';
    return manager.query(
      `SELECT ${columns.join(', ')} FROM dossiers d ${facility} WHERE d.id = ANY($1::uuid[]) AND ${scope.sql}
       ORDER BY d.id FOR UPDATE OF d`,
      [ids, ...scope.params],
    );
  }

  // Every one of these dossiers, whatever the caller's scope: for a command whose scope was checked on its list.
  lockAll(manager: EntityManager, ids: readonly string[]): Promise<DossierHead[]> {
    return this.lockHeads(manager, ids, { sql: 'true', params: [] });
  }

  // The guarded write and its history in one statement: only rows still at the version and stage the caller read
  // are moved, and each moved row gets its history row exactly as given (ids and time reserved by `lockHeads`), so the
  // caller can hash the rows while they are written. Returns how many dossiers moved.
  // With `lockAudit` it also takes the audit chain's lock and reads its head (the append is all that is left to do).
  async advance(
    manager: EntityManager,
    rows: readonly HistoryRecord[],
    lockAudit: boolean,
  ): Promise<{ moved: number; audit: ReturnType<typeof lockedHead> }> {
    if (rows.length === 0) return { moved: 0, audit: undefined };
    const auditHead = lockAudit ? lockHeadColumn(15) : { sql: 'NULL::jsonb', params: [] };
    const first = rows[0];
    const col = (k: keyof HistoryRecord) => rows.map((r) => r[k]);
    for (const k of SHARED_COLUMNS) {
      if (rows.some((r) => r[k] !== first[k])) throw new Error(`History rows of one batch differ in ${k}`);
    }
    const [{ moved, audit }]: { moved: number; audit: Parameters<typeof lockedHead>[0] | null }[] = await manager.query(
      `WITH moved AS (
         UPDATE dossiers d SET stage = x.to_stage, version = d.version + 1, updated_at = now()
         -- The rows are moved in the order they lie in the table (the caller locked them, so they stay where they
         -- are): a list's order scattered the writes over the heap and its indexes, which made the move cost up to a
         -- third more.
         FROM (SELECT x.*, t.ctid AS at FROM dossiers t
               JOIN unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[])
                 AS x(id, dossier_id, round_id, version_read, from_stage, to_stage, reason_code, reason) ON t.id = x.dossier_id
               WHERE t.id = ANY($2::uuid[]) ORDER BY t.ctid) x
         -- The ids again as a list: the batch's rows are found through the primary key, not by scanning every dossier.
         WHERE d.id = ANY($2::uuid[]) AND d.ctid = x.at AND d.id = x.dossier_id AND d.round_id = x.round_id
           AND d.version = x.version_read AND d.stage = x.from_stage
         RETURNING x.*
       ), history AS (
         INSERT INTO workflow_history (id, dossier_id, round_id, event, from_stage, to_stage, version_read, version_written,
           actor_id, actor_role, actor_unit_id, reason_code, reason, list_id, occurred_at)
         OVERRIDING SYSTEM VALUE
         SELECT id, dossier_id, round_id, $9, from_stage, to_stage, version_read, version_read + 1, $10, $11, $12,
           reason_code, reason, $13, $14::timestamptz
         FROM moved
         RETURNING 1
       )
       SELECT count(*)::int AS moved, ${auditHead.sql} AS audit FROM history`,
      [
        col('id'),
        col('dossier_id'),
        col('round_id'),
        col('version_read'),
        col('from_stage'),
        col('to_stage'),
        col('reason_code'),
        col('reason'),
        ...SHARED_COLUMNS.map((k) => first[k]),
        ...auditHead.params,
      ],
    );
    return { moved, audit: audit === null ? undefined : lockedHead(audit) };
  }

  // Whether the engine has evaluated each dossier's latest content version.
  async evaluatedLatest(manager: EntityManager, ids: readonly string[]): Promise<Map<string, boolean>> {
    const rows: { id: string; ok: boolean }[] = await manager.query(
      `SELECT x.id, coalesce((SELECT max(dossier_version) FROM eligibility_results r WHERE r.dossier_id = x.id)
           >= (SELECT max(version) FROM dossier_versions v WHERE v.dossier_id = x.id), false) AS ok
       FROM unnest($1::uuid[]) AS x(id)`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.ok]));
  }

  // The stage that last sent each dossier back to the camp, and the unit that did it.
  async lastSendBacks(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<Map<string, { fromStage: string; unitId: string }>> {
    const rows: { dossier_id: string; from_stage: string; actor_unit_id: string }[] = await manager.query(
      `SELECT DISTINCT ON (dossier_id) dossier_id, from_stage, actor_unit_id FROM workflow_history
       WHERE dossier_id = ANY($1::uuid[]) AND event = 'send_back' ORDER BY dossier_id, id DESC`,
      [ids],
    );
    return new Map(rows.map((r) => [r.dossier_id, { fromStage: r.from_stage, unitId: r.actor_unit_id }]));
  }

  // The agencies of the appraisal team that have given their opinion on each dossier.
  async opinionAgencies(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string[]>> {
    const rows: { dossier_id: string; agencies: string[] }[] = await manager.query(
      `SELECT dossier_id, array_agg(agency ORDER BY agency) AS agencies FROM appraisal_opinions
       WHERE dossier_id = ANY($1::uuid[]) GROUP BY dossier_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.dossier_id, r.agencies]));
  }

  async history(manager: EntityManager, dossierId: string) {
    return manager.query(
      `SELECT h.id, h.event, h.from_stage AS "fromStage", h.to_stage AS "toStage", h.version_read AS "versionRead",
         h.version_written AS "versionWritten", h.actor_id AS "actorId", u.full_name AS "actorName", h.actor_role AS "actorRole",
         h.reason_code AS "reasonCode", h.reason, h.list_id AS "listId", h.occurred_at AS "occurredAt"
       FROM workflow_history h JOIN users u ON u.id = h.actor_id WHERE h.dossier_id = $1 ORDER BY h.id`,
      [dossierId],
    );
  }
}
