import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Stage } from '../core/stages.js';

// How many names of each waiting group the queue shows.
export const SAMPLE = 50;

export interface WaitingGroup {
  round_id: string;
  stage: Stage;
  received_on: string | null;
  n: number;
  items: { id: string; fullName: string; version: number }[];
}

export interface SentBack {
  id: string;
  fullName: string;
  fromStage: string;
  reason: string;
  at: string;
}

// The reads behind a unit's work queue.
@Injectable()
export class WorkQueueRepository {
  // The dossiers of open rounds at the given stages within a scope filter on alias `d` (its parameters from $2),
  // grouped by the day each reached its stage by list (none for camp stages), with a sample of names.
  waitingGroups(
    manager: EntityManager,
    stages: readonly string[],
    filter: { sql: string; params: unknown[] },
  ): Promise<WaitingGroup[]> {
    return manager.query(
      `SELECT d.round_id, d.stage, r.received_on, count(*)::int AS n,
         (array_agg(json_build_object('id', d.id, 'fullName', d.full_name, 'version', d.version) ORDER BY d.updated_at))[1:${SAMPLE}] AS items
       FROM dossiers d
       JOIN rounds rd ON rd.id = d.round_id AND rd.status <> 'CLOSED'
       LEFT JOIN LATERAL (SELECT to_char(max(s.submitted_at) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS received_on
         FROM list_entries e JOIN list_snapshots l ON l.id = e.list_id JOIN list_submissions s ON s.list_id = l.id
         WHERE e.dossier_id = d.id AND l.to_stage = d.stage) r ON true
       WHERE d.stage = ANY($1::text[]) AND ${filter.sql} GROUP BY d.round_id, d.stage, r.received_on ORDER BY d.stage, r.received_on`,
      [stages, ...filter.params],
    );
  }

  // The dossiers awaiting correction that the unit sent back, with its last send-back.
  sentBackBy(manager: EntityManager, unitId: string): Promise<SentBack[]> {
    return manager.query(
      `SELECT d.id, d.full_name AS "fullName", h.from_stage AS "fromStage", h.reason, h.occurred_at AS at
       FROM dossiers d JOIN LATERAL (SELECT * FROM workflow_history w WHERE w.dossier_id = d.id AND w.event = 'send_back'
         ORDER BY w.id DESC LIMIT 1) h ON true
       WHERE d.stage = 'correction' AND h.actor_unit_id = $1 ORDER BY h.occurred_at`,
      [unitId],
    );
  }
}
