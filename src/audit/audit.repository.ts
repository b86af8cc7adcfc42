import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { StoredAuditRecord } from './audit-chain.js';
import { copyRows } from '../database/pg-copy.js';
import { RawJson } from '../database/raw-json.js';
import type { RowHash } from './protected-rows.js';

// One lock for the chain's head: appends are serialised so no two rows claim the same predecessor. It is a
// transaction lock, held until the appending transaction commits or rolls back.
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
  row_hashes: RowHash[] | null;
  prev_hash: string;
  hash: string;
}

const COLUMNS = [
  'seq',
  'occurred_at',
  'actor_id',
  'actor_name',
  'action',
  'entity_type',
  'entity_id',
  'before',
  'after',
  'reason',
  'row_hashes',
  'prev_hash',
  'hash',
  'request_id',
] as const;

// A jsonb value as COPY takes it (an array would otherwise be written as a PostgreSQL array); absent or null is
// stored as NULL, as jsonb_to_recordset stored a JSON null.
function jsonb(value: unknown): RawJson | null {
  return value === undefined || value === null ? null : new RawJson(JSON.stringify(value));
}

export interface ChainHead {
  seq: number;
  hash: string;
}

// The chain's lock and head as one column of another statement, the last a command sends before its append, so the
// lock costs no round trip of its own: read the value with `lockedHead`.
export function lockHeadColumn(p: number): { sql: string; params: unknown[] } {
  return { sql: `(SELECT to_jsonb(h) FROM audit_chain_lock_head($${p}::bigint) h)`, params: [AUDIT_CHAIN_LOCK] };
}

// The head `lockHeadColumn` read; undefined under an isolation level above READ COMMITTED, where the lock is held but
// the head must still be read as `lockHead` does.
export function lockedHead(value: {
  isolation: string;
  seq: number | null;
  hash: string | null;
}): { head: ChainHead | null } | undefined {
  if (value.isolation !== 'read committed') return undefined;
  return { head: value.seq === null ? null : { seq: Number(value.seq), hash: value.hash! } };
}

@Injectable()
export class AuditRepository implements OnApplicationShutdown {
  // Reads the head for appends made in a REPEATABLE READ or SERIALIZABLE transaction (see lockHead).
  private headReader: pg.Pool | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async lockHead(manager: EntityManager): Promise<ChainHead | null> {
    // One round trip: the lock, then (under READ COMMITTED) the head read after it was granted, in one function call
    // (migration 1764005400000), so the lock is not held across a second round trip.
    const [locked]: { isolation: string; seq: string | null; hash: string | null }[] = await manager.query(
      'SELECT isolation, seq, hash FROM audit_chain_lock_head($1)',
      [AUDIT_CHAIN_LOCK],
    );
    if (locked.isolation === 'read committed')
      return locked.seq === null ? null : { seq: Number(locked.seq), hash: locked.hash! };
    // A higher isolation level reads the snapshot its transaction took at its first statement, which misses appends
    // committed while it waited for the lock, so it would claim a number already taken: the committed head is read on
    // a connection of its own.
    const rows: { seq: string; hash: string }[] = (
      await this.reader().query('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
    ).rows;
    return rows.length ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
  }

  // Not taken from the application's pool: every pooled connection may be a transaction waiting for the lock that
  // the caller holds.
  private reader(): pg.Pool {
    if (!this.headReader) {
      const url = (this.dataSource.options as { url?: string }).url;
      if (!url) throw new Error('The audit chain needs the database URL to read its head outside the transaction');
      this.headReader = new pg.Pool({
        connectionString: url,
        max: 1,
        idleTimeoutMillis: 10_000,
        allowExitOnIdle: true,
        application_name: 'amnesty-audit-head',
      });
      this.headReader.on('error', () => undefined);
    }
    return this.headReader;
  }

  // COPY FROM STDIN on the transaction's own connection: the server parses each value once, instead of parsing one
  // JSON document of the whole chunk and then every jsonb value of it a second time out of jsonb_to_recordset.
  async insert(manager: EntityManager, rows: (StoredAuditRecord & { requestId?: string | null })[]): Promise<void> {
    await copyRows(
      manager,
      'audit_log',
      COLUMNS,
      rows.map((r) => ({
        seq: r.seq,
        occurred_at: r.occurredAt,
        actor_id: r.actorId,
        actor_name: r.actorName,
        action: r.action,
        entity_type: r.entityType,
        entity_id: r.entityId,
        before: jsonb(r.before),
        after: jsonb(r.after),
        reason: r.reason,
        row_hashes: jsonb(r.rowHashes),
        prev_hash: r.prevHash,
        hash: r.hash,
        request_id: r.requestId ?? null,
      })),
    );
  }

  async *readInOrder(manager: EntityManager, batchSize = 5000): AsyncGenerator<StoredAuditRecord[]> {
    let after = 0;
    for (;;) {
      const rows: Row[] = await manager.query('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [
        after,
        batchSize,
      ]);
      if (!rows.length) return;
      yield rows.map(toRecord);
      after = Number(rows[rows.length - 1].seq);
    }
  }

  async head(manager: EntityManager): Promise<ChainHead | null> {
    const rows: { seq: string; hash: string }[] = await manager.query(
      'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
    );
    return rows.length ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
  }

  async listForEntity(entityType: string, entityId: string): Promise<StoredAuditRecord[]> {
    const rows: Row[] = await this.dataSource.query(
      'SELECT * FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY seq',
      [entityType, entityId],
    );
    return rows.map(toRecord);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.headReader?.end();
    this.headReader = null;
  }
}

function toRecord(r: Row): StoredAuditRecord {
  const record: StoredAuditRecord = {
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
  if (r.row_hashes !== null) record.rowHashes = r.row_hashes;
  return record;
}
