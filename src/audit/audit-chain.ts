import { sha256Hex } from '../kernel/hash.js';
import { canonicalJson } from '../kernel/canonical-json.js';
import type { RowHash } from './protected-rows.js';

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
  // Absent (not null) when the entry commits to no protected row, so rows written before the column existed keep
  // their hash.
  rowHashes?: RowHash[];
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

// What verification can find, from the chain itself outward.
export enum BreakKind {
  // The chain read alone.
  SEQUENCE_GAP = 'SEQUENCE_GAP',
  PREVIOUS_HASH_MISMATCH = 'PREVIOUS_HASH_MISMATCH',
  HASH_MISMATCH = 'HASH_MISMATCH',
  // The chain against the signed checkpoints kept outside the database.
  CHECKPOINT_MISMATCH = 'CHECKPOINT_MISMATCH',
  LOG_TRUNCATED = 'LOG_TRUNCATED',
  UNSIGNED_ROW = 'UNSIGNED_ROW',
  CHECKPOINT_INVALID = 'CHECKPOINT_INVALID',
  // The protected tables against the hashes the chain commits to.
  ROW_CHANGED = 'ROW_CHANGED',
  ROW_MISSING = 'ROW_MISSING',
  ROW_NOT_COMMITTED = 'ROW_NOT_COMMITTED',
  // The current state of a dossier against its committed versions and history.
  DOSSIER_STATE_MISMATCH = 'DOSSIER_STATE_MISMATCH',
}

export interface ChainBreak {
  kind: BreakKind;
  // The audit row at fault, when there is one.
  seq: number | null;
  // The protected row at fault ("dossier_versions (dossier_id = …, version = 2)"), when there is one.
  row: string | null;
  message: string;
}

export function checkLink(previous: { seq: number; hash: string } | null, row: StoredAuditRecord): ChainBreak | null {
  const expectedSeq = previous ? previous.seq + 1 : 1;
  if (row.seq !== expectedSeq) {
    return {
      kind: BreakKind.SEQUENCE_GAP,
      seq: row.seq,
      row: null,
      message: `Thiếu bản ghi nhật ký số ${expectedSeq} (gặp số ${row.seq}): có bản ghi đã bị xóa.`,
    };
  }
  const expectedPrev = previous ? previous.hash : GENESIS_HASH;
  if (row.prevHash !== expectedPrev) {
    return {
      kind: BreakKind.PREVIOUS_HASH_MISMATCH,
      seq: row.seq,
      row: null,
      message: `Bản ghi số ${row.seq} không nối đúng với bản ghi trước: chuỗi đã bị sửa.`,
    };
  }
  const { prevHash, hash, ...record } = row;
  if (chainHash(prevHash, record) !== hash) {
    return {
      kind: BreakKind.HASH_MISMATCH,
      seq: row.seq,
      row: null,
      message: `Nội dung bản ghi số ${row.seq} không khớp mã băm: bản ghi đã bị sửa.`,
    };
  }
  return null;
}
