import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ListNode } from '../core/lineage.js';
import type { DispositionRecord, IncomingEntry } from '../core/reconciliation.js';

@Injectable()
export class LineageRepository {
  // The list and every list it was consolidated from, down to the camps.
  async graph(manager: EntityManager, listId: string): Promise<ListNode[]> {
    return manager.query(
      `WITH RECURSIVE g AS (SELECT $1::uuid AS id UNION SELECT s.source_list_id FROM list_sources s JOIN g ON s.list_id = g.id)
       SELECT l.id, l.code,
         coalesce((SELECT array_agg(s.source_list_id ORDER BY sl.created_at) FROM list_sources s JOIN list_snapshots sl ON sl.id = s.source_list_id
                   WHERE s.list_id = l.id), '{}') AS "sourceListIds",
         coalesce((SELECT array_agg(e.dossier_id ORDER BY e.position) FROM list_entries e WHERE e.list_id = l.id), '{}') AS "dossierIds"
       FROM list_snapshots l JOIN g ON g.id = l.id`,
      [listId],
    );
  }

  async hop(
    manager: EntityManager,
    listId: string,
  ): Promise<{ incoming: IncomingEntry[]; dispositions: DispositionRecord[]; outgoing: string[] }> {
    const incoming: IncomingEntry[] = await manager.query(
      `SELECT e.list_id AS "listId", e.dossier_id AS "dossierId" FROM list_sources s JOIN list_entries e ON e.list_id = s.source_list_id
       WHERE s.list_id = $1`,
      [listId],
    );
    const dispositions: DispositionRecord[] = await manager.query(
      `SELECT x.list_id AS "listId", x.dossier_id AS "dossierId", x.disposition, x.reason_code AS "reasonCode"
       FROM list_sources s JOIN list_dispositions x ON x.list_id = s.source_list_id WHERE s.list_id = $1`,
      [listId],
    );
    const outgoing: { dossier_id: string }[] = await manager.query(
      `SELECT DISTINCT e.dossier_id FROM list_entries e WHERE e.list_id = $1 OR e.list_id IN (
         SELECT x.outgoing_list_id FROM list_sources s JOIN list_dispositions x ON x.list_id = s.source_list_id
         WHERE s.list_id = $1 AND x.outgoing_list_id IS NOT NULL)`,
      [listId],
    );
    return { incoming, dispositions, outgoing: outgoing.map((o) => o.dossier_id) };
  }
}
