import { createHash } from 'node:crypto';
import { canonicalJson } from '../eligibility/core/hash/canonical-json.js';

// One canonical JSON for the whole service (the eligibility core's): keys sorted at every depth, no whitespace,
// so equal data always hashes equally — facts, dossier versions, audit rows, idempotent requests.
export { canonicalJson };

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
