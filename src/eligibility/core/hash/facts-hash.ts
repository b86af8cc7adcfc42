import { canonicalHash } from '../../../kernel/hash.js';

// The hash pins an evaluation to the exact facts it read.
export function factsHash(facts: unknown): string {
  return canonicalHash(facts);
}
