import { createHash } from 'node:crypto';

// Canonical JSON: keys sorted, no whitespace, undefined members dropped. Two equal view models always give the same
// bytes, so a document's snapshot hash identifies its data regardless of how the object was built.
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('Canonical JSON has no NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  throw new Error(`Canonical JSON cannot encode a ${typeof value}`);
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function snapshotHash(kind: string, data: unknown): string {
  return sha256Hex(canonicalJson({ kind, data }));
}

// What a page footer prints: long enough to be unique among stored documents, short enough to read aloud.
export const SHORT_HASH_LENGTH = 16;

export function shortHash(hash: string): string {
  return hash.slice(0, SHORT_HASH_LENGTH);
}
