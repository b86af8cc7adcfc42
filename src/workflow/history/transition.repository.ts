import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { textOf } from '../../audit/protected-rows.js';
import type { TransitionContext } from '../core/transition-context.js';

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

// What a new batch of history rows shares, in its stored form: the ids it may take, the transaction's time, the actor's
// and list's ids as PostgreSQL writes them.
export interface HistoryReservation {
  ids: string[];
  occurredAt: string;
  actorId: string;
  actorUnitId: string;
  listId: string | null;
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
  ): Promise<DossierHead[]> {
    return manager.query(
      `SELECT ${HEAD_COLUMNS} FROM dossiers d WHERE d.id = ANY($1::uuid[]) AND ${scope.sql} ORDER BY d.id FOR UPDATE OF d`,
      [ids, ...scope.params],
    );
  }

  // Every one of these dossiers, whatever the caller's scope: for a command whose scope was checked on its list.
  lockAll(manager: EntityManager, ids: readonly string[]): Promise<DossierHead[]> {
    return this.lockHeads(manager, ids, { sql: 'true', params: [] });
  }

  // Each dossier's inmate status and whether a court (not a camp) holds it.
  async custody(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<{ id: string; status: TransitionContext['inmateStatus']; court: boolean }[]> {
    return manager.query(
      `SELECT d.id, d.status, f.kind = 'COURT' AS court FROM dossiers d JOIN org_units f ON f.id = d.facility_id
        WHERE d.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  // Ids and the shared values of `count` history rows about to be written, read as the rows will store them.
  async reserveHistory(
    manager: EntityManager,
    count: number,
    shared: { actorId: string; actorUnitId: string; listId: string | null },
  ): Promise<HistoryReservation> {
    const [row]: HistoryReservation[] = await manager.query(
      `SELECT array(SELECT nextval(pg_get_serial_sequence('workflow_history', 'id'))::text FROM generate_series(1, $1))
           AS "ids", ${textOf('now()', 'timestamptz')} AS "occurredAt",
         $2::uuid::text AS "actorId", $3::uuid::text AS "actorUnitId", $4::uuid::text AS "listId"`,
      [count, shared.actorId, shared.actorUnitId, shared.listId],
    );
    return row;
  }

  // The guarded write and its history in one statement: only rows still at the version and stage the caller read
  // are moved, and each moved row gets its history row exactly as given (ids and time from `reserveHistory`), so the
  // caller can hash the rows while they are written. Returns how many dossiers moved.
  async advance(manager: EntityManager, rows: readonly HistoryRecord[]): Promise<number> {
    if (rows.length === 0) return 0;
    const first = rows[0];
    const col = (k: keyof HistoryRecord) => rows.map((r) => r[k]);
    for (const k of SHARED_COLUMNS) {
      if (rows.some((r) => r[k] !== first[k])) throw new Error(`History rows of one batch differ in ${k}`);
    }
    const [{ moved }]: { moved: number }[] = await manager.query(
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
       SELECT count(*)::int AS moved FROM history`,
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
      ],
    );
    return moved;
  }

  // Facts the table's guards read for the dossiers being moved.
  async applicationDates(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string | null>> {
    const rows: { id: string; date: string | null }[] = await manager.query(
      `SELECT id, application->>'date' AS date FROM dossiers WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.date]));
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
