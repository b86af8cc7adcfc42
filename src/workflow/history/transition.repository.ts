import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { affectedRows } from '../../common/sql.js';

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

export interface HistoryRow {
  dossierId: string;
  roundId: string;
  event: string;
  fromStage: string;
  toStage: string;
  versionRead: number;
  actorId: string;
  actorRole: string;
  actorUnitId: string;
  reasonCode?: string | null;
  reason?: string | null;
  listId?: string | null;
}

const HEAD_COLUMNS = `d.id, d.round_id AS "roundId", d.facility_id AS "facilityId", d.team_id AS "teamId", d.stage, d.version,
  d.created_by AS "createdBy", d.updated_by AS "updatedBy", d.full_name AS "fullName"`;

@Injectable()
export class TransitionRepository {
  // Locks the rows so that two transitions of the same dossier queue instead of both passing the version check.
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

  // The guarded write: only rows still at the version and stage the caller read are moved.
  async advance(
    manager: EntityManager,
    input: { ids: string[]; versions: number[]; from: string; to: string },
  ): Promise<number> {
    const result = await manager.query(
      `UPDATE dossiers d SET stage = $3, version = d.version + 1, updated_at = now()
       FROM unnest($1::uuid[], $2::int[]) AS x(id, version)
       WHERE d.id = x.id AND d.version = x.version AND d.stage = $4`,
      [input.ids, input.versions, input.to, input.from],
    );
    return affectedRows(result);
  }

  async appendHistory(manager: EntityManager, rows: readonly HistoryRow[]): Promise<void> {
    if (rows.length === 0) return;
    const col = <K extends keyof HistoryRow>(k: K) => rows.map((r) => r[k] ?? null);
    await manager.query(
      `INSERT INTO workflow_history (dossier_id, round_id, event, from_stage, to_stage, version_read, version_written,
         actor_id, actor_role, actor_unit_id, reason_code, reason, list_id)
       SELECT x.dossier_id, x.round_id, x.event, x.from_stage, x.to_stage, x.version_read, x.version_read + 1,
         x.actor_id, x.actor_role, x.actor_unit_id, x.reason_code, x.reason, x.list_id
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[], $7::uuid[], $8::text[], $9::uuid[],
         $10::text[], $11::text[], $12::uuid[])
         AS x(dossier_id, round_id, event, from_stage, to_stage, version_read, actor_id, actor_role, actor_unit_id, reason_code, reason, list_id)`,
      [
        col('dossierId'),
        col('roundId'),
        col('event'),
        col('fromStage'),
        col('toStage'),
        col('versionRead'),
        col('actorId'),
        col('actorRole'),
        col('actorUnitId'),
        col('reasonCode'),
        col('reason'),
        col('listId'),
      ],
    );
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
