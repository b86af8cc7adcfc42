import { createHash } from 'node:crypto';

const INTEGER_KEY = /^(0|[1-9]\d*)$/;

// Canonical JSON: keys sorted, no whitespace, undefined members dropped. Two equal view models always give the same
// bytes, so a document's snapshot hash identifies its data regardless of how the object was built. The replacer lets
// the native serialiser do the work (a national list has some 300,000 values); objects with integer-like keys, which
// JavaScript would re-order numerically, never occur in view models and are refused rather than mis-sorted.
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) => {
    switch (typeof member) {
      case 'number':
        if (!Number.isFinite(member)) throw new Error('Canonical JSON has no NaN or Infinity');
        return member;
      case 'function':
      case 'symbol':
      case 'bigint':
        throw new Error(`Canonical JSON cannot encode a ${typeof member}`);
      case 'object': {
        if (member === null || Array.isArray(member)) return member;
        const keys = Object.keys(member).sort();
        if (keys.some((key) => INTEGER_KEY.test(key)))
          throw new Error('Canonical JSON view models have no integer-like keys');
        const sorted: Record<string, unknown> = {};
        for (const key of keys) sorted[key] = (member as Record<string, unknown>)[key];
        return sorted;
      }
      default:
        return member;
    }
  });
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
