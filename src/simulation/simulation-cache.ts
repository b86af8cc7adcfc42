import { Injectable } from '@nestjs/common';
import { canonicalHash } from '../kernel/hash.js';
import type { RoundParameters } from '../eligibility/core/index.js';
import type { DossierDims, PackedOutcome } from './simulation-outcome.js';

interface Cached<T> {
  version: number;
  value: T;
}

// Parameter sets whose outcomes are kept: a base and a few drafts explored from it. ~60 MB each for 150,000 dossiers.
const PARAMETER_SETS = 4;

// What a simulation need not compute again in this process: each dossier version's outcome under a parameter set it
// was already evaluated against (the base of the next draft, most often) and its breakdown keys. Keyed by the
// parameters' canonical hash and the dossier version, so a changed dossier or a changed value is never served stale.
// Rules are code: a new rule pack version is a new process, which starts with an empty cache.
@Injectable()
export class SimulationCache {
  private readonly outcomes = new Map<string, Map<string, Cached<PackedOutcome>>>();
  private readonly dims = new Map<string, Cached<DossierDims>>();

  key(parameters: RoundParameters): string {
    return canonicalHash(parameters);
  }

  outcomesFor(key: string): Map<string, Cached<PackedOutcome>> {
    let set = this.outcomes.get(key);
    if (set) {
      // Most recently used last: the oldest set is the one dropped.
      this.outcomes.delete(key);
    } else {
      set = new Map();
      while (this.outcomes.size >= PARAMETER_SETS) this.outcomes.delete(this.outcomes.keys().next().value as string);
    }
    this.outcomes.set(key, set);
    return set;
  }

  dimsOf(id: string, version: number): DossierDims | null {
    const hit = this.dims.get(id);
    return hit && hit.version === version ? hit.value : null;
  }

  keepDims(id: string, version: number, value: DossierDims): void {
    this.dims.set(id, { version, value });
  }

  clear(): void {
    this.outcomes.clear();
    this.dims.clear();
  }
}

export function cachedOutcome(
  set: Map<string, Cached<PackedOutcome>>,
  id: string,
  version: number,
): PackedOutcome | null {
  const hit = set.get(id);
  return hit && hit.version === version ? hit.value : null;
}
