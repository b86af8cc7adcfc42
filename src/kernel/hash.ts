import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

// The one-shot hash skips creating a Hash object per call, which matters at a hundred thousand dossiers.
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

// The SHA-256 of a value's canonical JSON: equal content, equal hash, whatever the key order.
export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
