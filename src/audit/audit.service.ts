import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { currentRequestId } from '../common/request-context.js';
import { AuditRecord, ChainBreak, GENESIS_HASH, chainHash, checkLink } from './audit-chain.js';
import { AuditRepository } from './audit.repository.js';

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
}

export interface VerifyReport {
  ok: boolean;
  rowsChecked: number;
  lastSeq: number;
  lastHash: string;
  firstBreak: ChainBreak | null;
}

// Appends to the hash-chained log inside the caller's transaction, so a change and its audit row commit together.
@Injectable()
export class AuditService {
  constructor(
    private readonly clock: Clock,
    private readonly repository: AuditRepository,
  ) {}

  async record(manager: EntityManager, entries: AuditEntry | AuditEntry[]): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (!list.length) return;
    const head = await this.repository.lockHead(manager);
    let seq = head?.seq ?? 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const occurredAt = this.clock.now().toISOString();
    const rows = list.map((entry) => {
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
      const hash = chainHash(prevHash, record);
      // Outside the hashed record: which request (or job) wrote the row, to find its log lines.
      const row = { ...record, prevHash, hash, requestId: currentRequestId() ?? null };
      prevHash = hash;
      return row;
    });
    await this.repository.insert(manager, rows);
  }

  async verify(): Promise<VerifyReport> {
    let previous: { seq: number; hash: string } | null = null;
    let rowsChecked = 0;
    for await (const batch of this.repository.readInOrder()) {
      for (const row of batch) {
        const broken = checkLink(previous, row);
        if (broken)
          return {
            ok: false,
            rowsChecked,
            lastSeq: previous?.seq ?? 0,
            lastHash: previous?.hash ?? GENESIS_HASH,
            firstBreak: broken,
          };
        previous = { seq: row.seq, hash: row.hash };
        rowsChecked += 1;
      }
    }
    return {
      ok: true,
      rowsChecked,
      lastSeq: previous?.seq ?? 0,
      lastHash: previous?.hash ?? GENESIS_HASH,
      firstBreak: null,
    };
  }
}

// What jsonb will give back: the hash must be computed over exactly what is stored.
function normalise(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
