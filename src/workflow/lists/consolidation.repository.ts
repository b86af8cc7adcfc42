import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { affectedRows } from '../../common/sql.js';
import { ListRepository } from './list.repository.js';

export interface PendingSummary {
  count: number;
  token: string;
}

// Consolidation of everything a unit received for one stage, as a handful of statements over a temporary table.
@Injectable()
export class ConsolidationRepository {
  constructor(private readonly lists: ListRepository) {}

  // wf_pending: one row per received entry still waiting, with the dossier version read now.
  // Two consolidations of the same unit and stage queue here; the second then sees what the first left and its token no
  // longer matches.
  async lock(manager: EntityManager, unitId: string, stage: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`consolidate:${unitId}:${stage}`]);
  }

  async stagePending(
    manager: EntityManager,
    input: { unitId: string; stage: string; roundId?: string | null },
  ): Promise<void> {
    await manager.query('DROP TABLE IF EXISTS wf_pending');
    await manager.query(
      `CREATE TEMP TABLE wf_pending ON COMMIT DROP AS
       SELECT p.list_id, d.id AS dossier_id, d.version, d.round_id, d.full_name, d.created_by, d.updated_by
       FROM (${this.lists.pendingSql(1, 2, 3)}) p JOIN dossiers d ON d.id = p.dossier_id
       WHERE d.stage = $2`,
      [input.unitId, input.stage, input.roundId ?? null],
    );
    await manager.query('CREATE INDEX ON wf_pending (dossier_id)');
    // Temporary tables are never auto-analysed; without statistics the joins below are planned blind.
    await manager.query('ANALYZE wf_pending');
  }

  // The state the caller saw, as one hash: a change to any waiting dossier, or a new arrival, changes it.
  async summary(manager: EntityManager): Promise<PendingSummary & { rounds: string[] }> {
    const [row] = await manager.query(
      `SELECT count(DISTINCT dossier_id)::int AS count,
         md5(coalesce(string_agg(list_id || ':' || dossier_id || ':' || version, ',' ORDER BY list_id, dossier_id), '')) AS token,
         coalesce(array_agg(DISTINCT round_id), '{}') AS rounds
       FROM wf_pending`,
    );
    return { count: row.count, token: row.token, rounds: row.rounds };
  }

  async items(manager: EntityManager, limit: number) {
    return manager.query(
      `SELECT DISTINCT ON (dossier_id) dossier_id AS "dossierId", full_name AS "fullName", version, list_id AS "listId"
       FROM wf_pending ORDER BY dossier_id LIMIT $1`,
      [limit],
    );
  }

  async editedBy(manager: EntityManager, actorId: string): Promise<string[]> {
    const rows: { full_name: string }[] = await manager.query(
      'SELECT DISTINCT full_name FROM wf_pending WHERE created_by = $1 OR updated_by = $1 ORDER BY full_name LIMIT 20',
      [actorId],
    );
    return rows.map((r) => r.full_name);
  }

  async dossierIds(manager: EntityManager): Promise<string[]> {
    const rows: { dossier_id: string }[] = await manager.query('SELECT DISTINCT dossier_id FROM wf_pending');
    return rows.map((r) => r.dossier_id);
  }

  // Every list received for this stage and not yet consolidated, including one whose names were all removed or sent
  // back, so that the hop's reconciliation accounts for it.
  async sourceListIds(
    manager: EntityManager,
    input: { unitId: string; stage: string; roundId: string },
  ): Promise<string[]> {
    const rows: { list_id: string }[] = await manager.query(
      `SELECT list_id FROM wf_pending
       UNION
       SELECT l.id FROM list_submissions s JOIN list_snapshots l ON l.id = s.list_id
       WHERE s.recipient_unit_id = $1 AND l.to_stage = $2 AND l.round_id = $3
         AND NOT EXISTS (SELECT 1 FROM list_sources x WHERE x.source_list_id = l.id)`,
      [input.unitId, input.stage, input.roundId],
    );
    return rows.map((r) => r.list_id);
  }

  readonly rowsSql = 'SELECT DISTINCT dossier_id, NULL::text, NULL::text FROM wf_pending';

  async disposeForwarded(manager: EntityManager, outgoingListId: string, decidedBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO list_dispositions (list_id, dossier_id, disposition, outgoing_list_id, decided_by)
       SELECT list_id, dossier_id, 'forwarded', $1, $2 FROM wf_pending`,
      [outgoingListId, decidedBy],
    );
  }

  async advance(manager: EntityManager, input: { from: string; to: string }): Promise<number> {
    const result = await manager.query(
      `UPDATE dossiers d SET stage = $2, version = d.version + 1, updated_at = now()
       FROM (SELECT DISTINCT dossier_id, version FROM wf_pending) p
       WHERE d.id = p.dossier_id AND d.version = p.version AND d.stage = $1`,
      [input.from, input.to],
    );
    return affectedRows(result);
  }

  async appendHistory(
    manager: EntityManager,
    input: {
      event: string;
      from: string;
      to: string;
      actorId: string;
      actorRole: string;
      actorUnitId: string;
      listId: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO workflow_history (dossier_id, round_id, event, from_stage, to_stage, version_read, version_written,
         actor_id, actor_role, actor_unit_id, list_id)
       SELECT dossier_id, round_id, $1, $2, $3, version, version + 1, $4, $5, $6, $7
       FROM (SELECT DISTINCT dossier_id, round_id, version FROM wf_pending) p`,
      [input.event, input.from, input.to, input.actorId, input.actorRole, input.actorUnitId, input.listId],
    );
  }

  // The hop's reconciliation in one pass: every name received on the lists this one consolidates, by what became of it.
  async hopCounts(manager: EntityManager, listId: string): Promise<HopCounts> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS "namesIn",
         count(*) FILTER (WHERE x.disposition = 'forwarded')::int AS forwarded,
         count(*) FILTER (WHERE x.disposition = 'forwarded' AND x.outgoing_list_id = $1)::int AS "forwardedHere",
         count(*) FILTER (WHERE x.disposition = 'removed')::int AS removed,
         count(*) FILTER (WHERE x.disposition = 'sent_back')::int AS "sentBack",
         count(*) FILTER (WHERE x.list_id IS NULL)::int AS pending
       FROM list_sources s JOIN list_entries e ON e.list_id = s.source_list_id
       LEFT JOIN list_dispositions x ON x.list_id = e.list_id AND x.dossier_id = e.dossier_id
       WHERE s.list_id = $1`,
      [listId],
    );
    return row;
  }
}

export interface HopCounts {
  namesIn: number;
  forwarded: number;
  forwardedHere: number;
  removed: number;
  sentBack: number;
  pending: number;
}
