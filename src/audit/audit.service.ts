import { Injectable } from '@nestjs/common';
import { setImmediate } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AuditCheckpoints } from './audit-checkpoints.js';
import { type AuditRecord, type StoredAuditRecord, GENESIS_HASH, chainHash } from './audit-chain.js';
import { currentRequestId } from '../common/request-context.js';
import { AuditRepository, type ChainHead } from './audit.repository.js';
import type { RowHash, RowSelector } from './protected-rows.js';
import { ProtectedRowsRepository } from './protected-rows.repository.js';

export interface Actor {
  id: string | null;
  name: string;
}

export interface AuditEntry {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  // The protected rows this change wrote (see `protectedRows`): the entry commits to their content hashes.
  rows?: readonly RowSelector[];
  // Commitments to rows the caller wrote and already holds as the database returned them (see `hashReturned`).
  rowHashes?: readonly RowHash[];
}

// Appends to the hash-chained log inside the caller's transaction, so a change and its audit row commit together;
// the chain's lock is held until that transaction ends, and its head is signed outside the database after the commit.
@Injectable()
export class AuditService {
  constructor(
    private readonly clock: Clock,
    private readonly repository: AuditRepository,
    private readonly protectedRows: ProtectedRowsRepository,
    private readonly checkpoints: AuditCheckpoints,
  ) {}

  // `locked`: the chain's lock already taken in this transaction and the head read with it (see `lockHeadColumn`).
  async record(
    manager: EntityManager,
    entries: AuditEntry | AuditEntry[],
    locked?: { head: ChainHead | null },
  ): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (!list.length) return;
    this.checkpoints.assertInTransaction(manager);
    // Hashed before the lock is taken, so the chain stays locked only for the append itself.
    const selected = list.some((e) => e.rows?.length)
      ? await this.protectedRows.hashSelected(
          manager,
          list.map((e) => e.rows ?? []),
        )
      : null;
    const rowHashes = selected
      ? list.map((e, i) => [...selected[i], ...(e.rowHashes ?? [])])
      : list.map((e) => e.rowHashes ?? []);
    const head = locked ? locked.head : await this.repository.lockHead(manager);
    let seq = head?.seq ?? 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const occurredAt = this.clock.now().toISOString();
    const requestId = currentRequestId() ?? null;
    // The chain is hashed a chunk at a time, each chunk sent as soon as it is hashed: the database stores one chunk
    // while the next is hashed (one statement in flight at a time, as the connection requires).
    let storing: Promise<void> | null = null;
    for (let start = 0, end = FIRST_CHUNK; start < list.length; start = end, end += APPEND_CHUNK) {
      const rows = list.slice(start, end).map((entry, j) => {
        seq += 1;
        const record: AuditRecord = {
          seq,
          occurredAt,
          actorId: entry.actor.id,
          actorName: entry.actor.name,
          action: entry.action,
          entityType: entry.entityType,
          entityId: entry.entityId,
          before: normalise(entry.before),
          after: normalise(entry.after),
          reason: entry.reason ?? null,
        };
        // Read only from here on (hashed, then stored), so the caller's array is not copied.
        if (rowHashes[start + j].length) record.rowHashes = rowHashes[start + j] as RowHash[];
        const hash = chainHash(prevHash, record);
        // The record becomes the stored row once hashed, instead of being copied for each of a list's 15,000 rows; the
        // request (or job) that wrote it stays outside the hashed record, to find its log lines.
        const row = record as StoredAuditRecord & { requestId: string | null };
        row.prevHash = prevHash;
        row.hash = hash;
        row.requestId = requestId;
        prevHash = hash;
        return row;
      });
      await storing;
      storing = this.repository.insert(manager, rows);
      // Awaited on the next turn or after the loop; a failure is reported there, not as an unhandled rejection.
      storing.catch(() => undefined);
      if (end < list.length) await setImmediate();
    }
    await storing;
    const from = head ? head.seq + 1 : 1;
    this.checkpoints.noteAppended(manager, { from, seq, hash: prevHash });
  }
}

// Rows hashed and sent per statement when one command appends many; the first chunk fewer, since it is hashed while
// the database waits.
const APPEND_CHUNK = 2500;
const FIRST_CHUNK = 500;
// What jsonb will give back: the hash must be computed over exactly what is stored.
function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  return isFlat(value) ? value : JSON.parse(JSON.stringify(value));
}

// A plain object of strings, finite numbers, booleans and nulls comes back from jsonb as it is: the per-dossier rows
// of a 15,000-name hop skip the round trip through JSON.
function isFlat(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    const t = typeof v;
    if (!(v === null || t === 'string' || t === 'boolean' || (t === 'number' && Number.isFinite(v)))) return false;
  }
  return true;
}
