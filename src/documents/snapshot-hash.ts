import { canonicalJson } from '../kernel/canonical-json.js';
import { sha256Hex } from '../kernel/hash.js';

export function snapshotHash(kind: string, data: unknown): string {
  return sha256Hex(canonicalJson({ kind, data }));
}

// What a page footer prints: long enough to be unique among stored documents, short enough to read aloud.
export const SHORT_HASH_LENGTH = 16;

export function shortHash(hash: string): string {
  return hash.slice(0, SHORT_HASH_LENGTH);
}
