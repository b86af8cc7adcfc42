import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlFilter } from '../../auth/scope-filters.js';

export interface ProcuracyNoticeRow {
  id: string;
  roundId: string;
  facilityId: string;
  facilityName: string;
  listId: string;
  listCode: string;
  procuracyUnitId: string;
  procuracyName: string;
  number: string;
  notifiedOn: string;
  recordedByName: string;
}

const SELECT = `SELECT n.id, n.round_id AS "roundId", n.facility_id AS "facilityId", f.name AS "facilityName",
    n.list_id AS "listId", l.code AS "listCode", n.procuracy_unit_id AS "procuracyUnitId", p.name AS "procuracyName",
    n.number, to_char(n.notified_on, 'YYYY-MM-DD') AS "notifiedOn", u.full_name AS "recordedByName"
  FROM procuracy_notices n JOIN org_units f ON f.id = n.facility_id JOIN list_snapshots l ON l.id = n.list_id
  JOIN org_units p ON p.id = n.procuracy_unit_id JOIN users u ON u.id = n.recorded_by`;

@Injectable()
export class ProcuracyNoticeRepository {
  async insert(
    manager: EntityManager,
    n: {
      roundId: string;
      facilityId: string;
      listId: string;
      procuracyUnitId: string;
      number: string;
      notifiedOn: string;
      recordedBy: string;
    },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO procuracy_notices (round_id, facility_id, list_id, procuracy_unit_id, number, notified_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [n.roundId, n.facilityId, n.listId, n.procuracyUnitId, n.number, n.notifiedOn, n.recordedBy],
    );
    return row.id;
  }

  async find(manager: EntityManager, id: string): Promise<ProcuracyNoticeRow | null> {
    const rows = await manager.query(`${SELECT} WHERE n.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async ofList(manager: EntityManager, listId: string): Promise<ProcuracyNoticeRow | null> {
    const rows = await manager.query(`${SELECT} WHERE n.list_id = $1`, [listId]);
    return rows[0] ?? null;
  }

  // The notices the caller may read (the scope filter over alias `n`, numbered from $2), newest first.
  async visible(manager: EntityManager, roundId: string | null, filter: SqlFilter): Promise<ProcuracyNoticeRow[]> {
    return manager.query(
      `${SELECT} WHERE ($1::uuid IS NULL OR n.round_id = $1) AND ${filter.sql} ORDER BY n.recorded_at DESC LIMIT 500`,
      [roundId, ...filter.params],
    );
  }

  // For each dossier: whether the camp list that carried it has its notice. A name that reached the lists without a
  // camp list (put back by a complaint, whose decision itself goes to the procuracy) needs a notice of its facility in
  // the round.
  async notified(manager: EntityManager, dossierIds: readonly string[]): Promise<Map<string, boolean>> {
    const rows: { id: string; notified: boolean }[] = await manager.query(
      `SELECT d.id, EXISTS (
         SELECT 1 FROM procuracy_notices n WHERE n.round_id = d.round_id AND n.facility_id = d.facility_id
           AND (n.list_id = c.list_id OR c.list_id IS NULL)) AS notified
       FROM dossiers d
       LEFT JOIN LATERAL (SELECT e.list_id FROM list_entries e JOIN list_snapshots l ON l.id = e.list_id
         WHERE e.dossier_id = d.id AND l.kind IN ('CAMP_ELIGIBLE', 'COURT') ORDER BY l.created_at DESC LIMIT 1) c ON true
       WHERE d.id = ANY($1::uuid[])`,
      [dossierIds],
    );
    return new Map(rows.map((r) => [r.id, r.notified]));
  }
}
