import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// The hash pins an evaluation to the exact facts it read.
export function factsHash(facts: unknown): string {
  return sha256Hex(canonicalJson(facts));
}
