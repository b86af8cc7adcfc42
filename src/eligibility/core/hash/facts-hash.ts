import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

// The one-shot hash skips creating a Hash object per dossier, which matters at a hundred thousand dossiers.
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

// The hash pins an evaluation to the exact facts it read.
export function factsHash(facts: unknown): string {
  return sha256Hex(canonicalJson(facts));
}
