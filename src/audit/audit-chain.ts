import { sha256Hex } from '../kernel/hash.js';
import { canonicalJson } from '../kernel/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

// Each row's hash covers its own canonical form and the previous row's hash: altering, inserting or removing any
// row breaks every link after it.
export function chainHash(prevHash: string, record: AuditRecord): string {
  return sha256Hex(`${prevHash}\n${canonicalJson(record)}`);
}

export interface StoredAuditRecord extends AuditRecord {
  prevHash: string;
  hash: string;
}

export interface ChainBreak {
  seq: number;
  problem: 'SEQUENCE_GAP' | 'PREVIOUS_HASH_MISMATCH' | 'HASH_MISMATCH';
  message: string;
}

export function checkLink(previous: { seq: number; hash: string } | null, row: StoredAuditRecord): ChainBreak | null {
  const expectedSeq = previous ? previous.seq + 1 : 1;
  if (row.seq !== expectedSeq) {
    return {
      seq: row.seq,
      problem: 'SEQUENCE_GAP',
      message: `Thiếu bản ghi nhật ký số ${expectedSeq} (gặp số ${row.seq}): có bản ghi đã bị xóa.`,
    };
  }
  const expectedPrev = previous ? previous.hash : GENESIS_HASH;
  if (row.prevHash !== expectedPrev) {
    return {
      seq: row.seq,
      problem: 'PREVIOUS_HASH_MISMATCH',
      message: `Bản ghi số ${row.seq} không nối đúng với bản ghi trước: chuỗi đã bị sửa.`,
    };
  }
  const { prevHash, hash, ...record } = row;
  if (chainHash(prevHash, record) !== hash) {
    return {
      seq: row.seq,
      problem: 'HASH_MISMATCH',
      message: `Nội dung bản ghi số ${row.seq} không khớp mã băm: bản ghi đã bị sửa.`,
    };
  }
  return null;
}
