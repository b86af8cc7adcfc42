import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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
    // The entries come first (a few lists' worth), then their dossiers by key. Planned the other way round, from every
    // dossier at the stage, the cost grew with the whole round and was paid by each of the units forwarding in turn.
    await manager.query(
      `CREATE TEMP TABLE wf_pending ON COMMIT DROP AS
       WITH p AS MATERIALIZED (${this.lists.pendingSql(1, 2, 3)})
       SELECT p.list_id, d.id AS dossier_id, d.version, d.round_id, d.full_name, d.created_by, d.updated_by
       FROM p JOIN dossiers d ON d.id = p.dossier_id
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

  // Every waiting entry: its list, its dossier and the version read when the set was staged.
  pendingEntries(manager: EntityManager): Promise<{ list_id: string; dossier_id: string; version: number }[]> {
    return manager.query('SELECT list_id, dossier_id, version FROM wf_pending');
  }

  // Keeps only the chosen dossiers in the staged set and answers the staged entries it set aside, which stay pending (a
  // dossier received on two lists counts twice, as the hop's reconciliation counts it); or, when some chosen ids do not
  // wait there, answers those ids and keeps everything.
  async keepOnly(
    manager: EntityManager,
    dossierIds: readonly string[],
  ): Promise<{ missing: string[]; setAside: number }> {
    const missing: { id: string }[] = await manager.query(
      `SELECT c.id FROM unnest($1::uuid[]) WITH ORDINALITY AS c (id, n)
       WHERE NOT EXISTS (SELECT 1 FROM wf_pending p WHERE p.dossier_id = c.id) ORDER BY c.n`,
      [dossierIds],
    );
    if (missing.length > 0) return { missing: missing.map((m) => m.id), setAside: 0 };
    const [gone] = await manager.query(
      `WITH gone AS (DELETE FROM wf_pending WHERE dossier_id <> ALL($1::uuid[]) RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [dossierIds],
    );
    return { missing: [], setAside: gone.n };
  }

  // Each waiting dossier once, at the version read when the set was staged.
  async waiting(manager: EntityManager): Promise<{ dossierId: string; version: number }[]> {
    return manager.query('SELECT DISTINCT dossier_id AS "dossierId", version FROM wf_pending');
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
