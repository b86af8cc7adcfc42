import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { StoredAuditRecord } from './audit-chain.js';

// One lock for the chain's head: appends are serialised so no two rows claim the same predecessor.
const AUDIT_CHAIN_LOCK = 727_001;

interface Row {
  seq: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async lockHead(manager: EntityManager): Promise<{ seq: number; hash: string } | null> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const rows: { seq: string; hash: string }[] = await manager.query(
      'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
    );
    return rows.length ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
  }

  async insert(manager: EntityManager, rows: (StoredAuditRecord & { requestId?: string | null })[]): Promise<void> {
    const CHUNK = 5000;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const payload = rows.slice(i, i + CHUNK).map((r) => ({
        seq: r.seq,
        occurred_at: r.occurredAt,
        actor_id: r.actorId,
        actor_name: r.actorName,
        action: r.action,
        entity_type: r.entityType,
        entity_id: r.entityId,
        before: r.before,
        after: r.after,
        reason: r.reason,
        prev_hash: r.prevHash,
        hash: r.hash,
        request_id: r.requestId ?? null,
      }));
      await manager.query(
        `INSERT INTO audit_log (seq, occurred_at, actor_id, actor_name, action, entity_type, entity_id, before, after, reason, prev_hash, hash, request_id)
         SELECT seq, occurred_at, actor_id, actor_name, action, entity_type, entity_id, before, after, reason, prev_hash, hash, request_id
         FROM jsonb_to_recordset($1::jsonb) AS x(seq bigint, occurred_at timestamptz, actor_id uuid, actor_name text, action text,
           entity_type text, entity_id text, before jsonb, after jsonb, reason text, prev_hash text, hash text, request_id text)`,
        [JSON.stringify(payload)],
      );
    }
  }

  async *readInOrder(batchSize = 5000): AsyncGenerator<StoredAuditRecord[]> {
    let after = 0;
    for (;;) {
      const rows: Row[] = await this.dataSource.query('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [
        after,
        batchSize,
      ]);
      if (!rows.length) return;
      yield rows.map(toRecord);
      after = Number(rows[rows.length - 1].seq);
    }
  }

  async listForEntity(entityType: string, entityId: string): Promise<StoredAuditRecord[]> {
    const rows: Row[] = await this.dataSource.query(
      'SELECT * FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY seq',
      [entityType, entityId],
    );
    return rows.map(toRecord);
  }
}

function toRecord(r: Row): StoredAuditRecord {
  return {
    seq: Number(r.seq),
    occurredAt: r.occurred_at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    reason: r.reason,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
