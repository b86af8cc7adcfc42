import { canonicalJson } from '../kernel/canonical-json.js';
import { sha256Hex } from '../kernel/hash.js';
import type { ChainHead } from './audit.repository.js';
import type { RowHash } from './protected-rows.js';

export interface Actor {
  id: string | null;
  name: string;
}

// What one audit entry says, before it is numbered and chained.
export interface AuditContent {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

// An entry with the commitments to every protected row it covers.
export interface AppendEntry extends AuditContent {
  rowHashes: readonly RowHash[];
}

interface Encoded {
  // The record's canonical JSON (see `chainHash`) up to its time, open: its members are written in canonical order,
  // "action" … "entityType", then "occurredAt", then `tail`, then "seq", which sorts last.
  head: string;
  // "reason" and, when there are any, "rowHashes".
  tail: string;
  // The stored row as the insert reads it (see AuditRepository.insertEncoded), open, without the columns every entry
  // of the append shares nor its number and hashes.
  stored: string;
}

// Columns sent once for a whole append when every entry has the same value, in the insert's order ($3…$6).
const SHARED = [
  ['actor_id', (e: AppendEntry) => e.actor.id],
  ['actor_name', (e: AppendEntry) => e.actor.name],
  ['action', (e: AppendEntry) => e.action],
  ['entity_type', (e: AppendEntry) => e.entityType],
] as const;

// Audit entries encoded ahead of the append: everything but their numbers, time and links, which need the chain's
// head (taken under its lock). A command builds it while the database runs the statement the entries describe, so
// the append that follows only numbers and links them.
export class PreparedAppend {
  readonly length: number;
  private readonly encoded: Encoded[];
  // The value of each SHARED column when every entry has it, else undefined (the entries carry their own).
  readonly shared: unknown[];

  constructor(entries: readonly AppendEntry[]) {
    this.length = entries.length;
    this.shared = SHARED.map(([, of]) => {
      const value = entries.length ? of(entries[0]) : undefined;
      return entries.every((e) => of(e) === value) ? value : undefined;
    });
    const own = SHARED.filter((_, i) => this.shared[i] === undefined);
    this.encoded = entries.map((e) => {
      const before = normalise(e.before);
      const after = normalise(e.after);
      const reason = e.reason ?? null;
      const rowHashes = e.rowHashes.length ? e.rowHashes : undefined;
      const stored: Record<string, unknown> = {
        entity_id: e.entityId,
        before,
        after,
        reason,
        row_hashes: rowHashes ?? null,
      };
      for (const [column, of] of own) stored[column] = of(e);
      // Each part one canonical (or, for the stored row, native) serialisation, its braces cut off.
      const head = canonicalJson({
        action: e.action,
        actorId: e.actor.id,
        actorName: e.actor.name,
        after,
        before,
        entityId: e.entityId,
        entityType: e.entityType,
      });
      const tail = canonicalJson({ reason, rowHashes });
      return { head: head.slice(0, -1), tail: tail.slice(1, -1), stored: JSON.stringify(stored).slice(0, -1) };
    });
  }

  // Entries [from, to) numbered after `previous` and linked to it: each one's stored row (JSON) and the new head.
  chain(from: number, to: number, previous: ChainHead, occurredAt: string): { rows: string[]; head: ChainHead } {
    const time = canonicalJson(occurredAt);
    let { seq, hash } = previous;
    const rows = this.encoded.slice(from, to).map((e) => {
      seq += 1;
      const prevHash = hash;
      hash = sha256Hex(`${prevHash}\n${e.head},"occurredAt":${time},${e.tail},"seq":${seq}}`);
      return `${e.stored},"seq":${seq},"prev_hash":"${prevHash}","hash":"${hash}"}`;
    });
    return { rows, head: { seq, hash } };
  }
}

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
