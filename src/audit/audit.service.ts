import { Injectable } from '@nestjs/common';
import { setImmediate } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AuditCheckpoints } from './audit-checkpoints.js';
import { GENESIS_HASH } from './audit-chain.js';
import { PreparedAppend, type AuditContent } from './audit-append.js';
import { currentRequestId } from '../common/request-context.js';
import { AuditRepository, type ChainHead } from './audit.repository.js';
import type { RowHash, RowSelector } from './protected-rows.js';
import { ProtectedRowsRepository } from './protected-rows.repository.js';

export type { Actor } from './audit-append.js';

export interface AuditEntry extends AuditContent {
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

  // Encodes entries for an append later in the same command (see PreparedAppend): only entries whose protected rows
  // the caller already hashed (`rowHashes`), since selecting rows takes a statement.
  prepare(entries: readonly AuditEntry[]): PreparedAppend {
    if (entries.some((e) => e.rows?.length)) throw new Error('An audit entry selecting its rows cannot be prepared');
    return new PreparedAppend(entries.map((e) => ({ ...e, rowHashes: e.rowHashes ?? [] })));
  }

  // `locked`: the chain's lock already taken in this transaction and the head read with it (see `lockHeadColumn`).
  async record(
    manager: EntityManager,
    entries: AuditEntry | AuditEntry[] | PreparedAppend,
    locked?: { head: ChainHead | null },
  ): Promise<void> {
    if (entries instanceof PreparedAppend) return this.append(manager, entries, locked);
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
    const prepared = new PreparedAppend(
      list.map((e, i) => ({
        ...e,
        rowHashes: selected ? [...selected[i], ...(e.rowHashes ?? [])] : (e.rowHashes ?? []),
      })),
    );
    await this.append(manager, prepared, locked);
  }

  private async append(
    manager: EntityManager,
    prepared: PreparedAppend,
    locked?: { head: ChainHead | null },
  ): Promise<void> {
    if (!prepared.length) return;
    this.checkpoints.assertInTransaction(manager);
    const head = locked ? locked.head : await this.repository.lockHead(manager);
    let last = head ?? { seq: 0, hash: GENESIS_HASH };
    const occurredAt = this.clock.now().toISOString();
    // Columns in the insert's order: the time, the shared ones of the entries, the request (or job) that wrote them,
    // kept outside the hashed record to find its log lines.
    const shared = [occurredAt, ...prepared.shared.map((v) => v ?? null), currentRequestId() ?? null];
    // The chain is linked a chunk at a time, each chunk sent as soon as it is linked: the database stores one chunk
    // while the next is linked (one statement in flight at a time, as the connection requires).
    let storing: Promise<void> | null = null;
    for (let start = 0, end = FIRST_CHUNK; start < prepared.length; start = end, end += APPEND_CHUNK) {
      const chunk = prepared.chain(start, Math.min(end, prepared.length), last, occurredAt);
      last = chunk.head;
      await storing;
      storing = this.repository.insertEncoded(manager, `[${chunk.rows.join(',')}]`, shared);
      // Awaited on the next turn or after the loop; a failure is reported there, not as an unhandled rejection.
      storing.catch(() => undefined);
      if (end < prepared.length) await setImmediate();
    }
    await storing;
    this.checkpoints.noteAppended(manager, { from: head ? head.seq + 1 : 1, seq: last.seq, hash: last.hash });
  }
}

// Rows linked and sent per statement when one command appends many; the first chunk fewer, since it is linked while
// the database waits.
const APPEND_CHUNK = 2500;
const FIRST_CHUNK = 500;
