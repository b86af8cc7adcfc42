import { sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../kernel/canonical-json.js';
import { sha256Hex } from '../kernel/hash.js';

// A signed statement, kept outside the database, that the service itself wrote audit rows `from`..`seq` and that
// row `seq` then had hash `hash`. One is signed per command that appended, after its transaction commits.
export interface Checkpoint {
  v: 1;
  from: number;
  seq: number;
  hash: string;
  at: string;
  key: string;
  sig: string;
}

const DOMAIN = 'amnesty-pipeline audit checkpoint v1\n';

function signedText(c: Omit<Checkpoint, 'sig'>): string {
  return DOMAIN + canonicalJson({ v: c.v, from: c.from, seq: c.seq, hash: c.hash, at: c.at, key: c.key });
}

// A short, stable name for a public key: the first 16 hex digits of the SHA-256 of its SubjectPublicKeyInfo.
export function keyIdOf(publicKey: KeyObject): string {
  return sha256Hex(publicKey.export({ type: 'spki', format: 'der' })).slice(0, 16);
}

export function signCheckpoint(
  privateKey: KeyObject,
  keyId: string,
  head: { from: number; seq: number; hash: string; at: Date },
): Checkpoint {
  const body = {
    v: 1 as const,
    from: head.from,
    seq: head.seq,
    hash: head.hash,
    at: head.at.toISOString(),
    key: keyId,
  };
  return { ...body, sig: sign(null, Buffer.from(signedText(body)), privateKey).toString('base64') };
}

export type ParsedCheckpoint = { ok: true; checkpoint: Checkpoint } | { ok: false; seq: number | null; reason: string };

const HASH = /^[0-9a-f]{64}$/;
const isSeq = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 1;

// Parses one stored line and checks its signature against the trusted keys (by key id).
export function readCheckpoint(line: string, trusted: ReadonlyMap<string, KeyObject>): ParsedCheckpoint {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, seq: null, reason: 'không đọc được (không phải JSON)' };
  }
  const seq = isSeq(value?.seq) ? value.seq : null;
  if (
    value?.v !== 1 ||
    !isSeq(value.from) ||
    seq === null ||
    value.from > seq ||
    typeof value.hash !== 'string' ||
    !HASH.test(value.hash) ||
    typeof value.at !== 'string' ||
    typeof value.key !== 'string' ||
    typeof value.sig !== 'string'
  ) {
    return { ok: false, seq, reason: 'thiếu hoặc sai trường' };
  }
  const key = trusted.get(value.key);
  if (!key) return { ok: false, seq, reason: `được ký bằng khóa lạ (${value.key})` };
  const checkpoint = value as unknown as Checkpoint;
  if (!verify(null, Buffer.from(signedText(checkpoint)), key, Buffer.from(checkpoint.sig, 'base64'))) {
    return { ok: false, seq, reason: 'chữ ký không hợp lệ' };
  }
  return { ok: true, checkpoint };
}

// The checkpoints as verification uses them: the hash signed at each sequence number, and which numbers the
// service says it wrote.
export class CheckpointIndex {
  // Every hash signed at a number: two different ones mean the tail was cut and written again.
  private readonly hashes = new Map<number, string[]>();
  private readonly ranges: [number, number][];
  readonly maxSeq: number;
  readonly latest: Checkpoint | null;

  constructor(checkpoints: readonly Checkpoint[]) {
    let latest: Checkpoint | null = null;
    const ranges: [number, number][] = [];
    for (const c of checkpoints) {
      const known = this.hashes.get(c.seq);
      if (!known) this.hashes.set(c.seq, [c.hash]);
      else if (!known.includes(c.hash)) known.push(c.hash);
      ranges.push([c.from, c.seq]);
      if (!latest || c.seq > latest.seq) latest = c;
    }
    ranges.sort((a, b) => a[0] - b[0]);
    this.ranges = [];
    for (const r of ranges) {
      const last = this.ranges.at(-1);
      if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
      else this.ranges.push([r[0], r[1]]);
    }
    this.latest = latest;
    this.maxSeq = latest?.seq ?? 0;
  }

  // A signed hash at this number that the row does not have, if any.
  contradiction(seq: number, hash: string): string | undefined {
    return this.hashes.get(seq)?.find((h) => h !== hash);
  }

  covers(seq: number): boolean {
    let lo = 0;
    let hi = this.ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [from, to] = this.ranges[mid];
      if (seq < from) hi = mid - 1;
      else if (seq > to) lo = mid + 1;
      else return true;
    }
    return false;
  }
}
