import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlFilter } from '../../auth/scope-filters.js';

export interface ForeignMinistryNoticeRow {
  id: string;
  roundId: string;
  decisionId: string;
  decisionNumber: string;
  listId: string;
  number: string;
  notifiedOn: string;
  recordedByName: string;
  persons: { dossierId: string; fullName: string; nationality: string }[];
}

// A person on a President's decision list, with their nationality and the notice that already covers them, if any.
export interface DecisionEntryRow {
  dossierId: string;
  fullName: string;
  nationality: string;
  noticeId: string | null;
}

const SELECT = `SELECT n.id, n.round_id AS "roundId", n.decision_id AS "decisionId", p.number AS "decisionNumber",
    n.list_id AS "listId", n.number, to_char(n.notified_on, 'YYYY-MM-DD') AS "notifiedOn", u.full_name AS "recordedByName",
    (SELECT coalesce(json_agg(json_build_object('dossierId', d.id, 'fullName', d.full_name, 'nationality', d.nationality)
       ORDER BY d.full_name), '[]') FROM foreign_ministry_notice_dossiers nd JOIN dossiers d ON d.id = nd.dossier_id
      WHERE nd.notice_id = n.id) AS persons
  FROM foreign_ministry_notices n JOIN president_decisions p ON p.id = n.decision_id JOIN users u ON u.id = n.recorded_by`;

@Injectable()
export class ForeignMinistryNoticeRepository {
  // The President's decision whose list this is; null for any other list.
  async decisionOfList(manager: EntityManager, listId: string) {
    const rows: { id: string; roundId: string; decisionDate: string }[] = await manager.query(
      `SELECT id, round_id AS "roundId", to_char(decision_date, 'YYYY-MM-DD') AS "decisionDate"
         FROM president_decisions WHERE list_id = $1`,
      [listId],
    );
    return rows[0] ?? null;
  }

  async entries(manager: EntityManager, listId: string): Promise<DecisionEntryRow[]> {
    return manager.query(
      `SELECT e.dossier_id AS "dossierId", e.full_name AS "fullName", d.nationality, nd.notice_id AS "noticeId"
         FROM list_entries e JOIN dossiers d ON d.id = e.dossier_id
         LEFT JOIN foreign_ministry_notice_dossiers nd ON nd.dossier_id = e.dossier_id
        WHERE e.list_id = $1 ORDER BY e.position`,
      [listId],
    );
  }

  async insert(
    manager: EntityManager,
    n: {
      roundId: string;
      decisionId: string;
      listId: string;
      number: string;
      notifiedOn: string;
      recordedBy: string;
      dossierIds: readonly string[];
    },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO foreign_ministry_notices (round_id, decision_id, list_id, number, notified_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [n.roundId, n.decisionId, n.listId, n.number, n.notifiedOn, n.recordedBy],
    );
    await manager.query(
      `INSERT INTO foreign_ministry_notice_dossiers (notice_id, dossier_id) SELECT $1, x FROM unnest($2::uuid[]) AS x`,
      [row.id, n.dossierIds],
    );
    return row.id;
  }

  async find(manager: EntityManager, id: string): Promise<ForeignMinistryNoticeRow | null> {
    const rows = await manager.query(`${SELECT} WHERE n.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async ofList(manager: EntityManager, listId: string): Promise<ForeignMinistryNoticeRow[]> {
    return manager.query(`${SELECT} WHERE n.list_id = $1 ORDER BY n.notified_on, n.recorded_at`, [listId]);
  }

  // The notices the caller may read (the scope filter over alias `n`, numbered from $2), newest first.
  async visible(
    manager: EntityManager,
    roundId: string | null,
    filter: SqlFilter,
  ): Promise<ForeignMinistryNoticeRow[]> {
    return manager.query(
      `${SELECT} WHERE ($1::uuid IS NULL OR n.round_id = $1) AND ${filter.sql} ORDER BY n.recorded_at DESC LIMIT 500`,
      [roundId, ...filter.params],
    );
  }
}
