import { Injectable } from '@nestjs/common';
import { canonicalHash } from '../kernel/hash.js';
import type { RoundParameters } from '../eligibility/core/index.js';
import type { DossierDims, PackedOutcome } from './simulation-outcome.js';

// A dossier version's outcome as kept: one object, its strings shared with every other dossier's where they are the
// same (the verdict, the category, the set of values relied on — a round has a handful), so that a round of them held
// between runs is two heap objects a dossier for the collector to trace, not half a dozen.
export interface CachedOutcome extends PackedOutcome {
  version: number;
}

export interface CachedDims extends DossierDims {
  version: number;
}

// Parameter sets whose outcomes are kept: a base and a few drafts explored from it. ~60 MB each for 150,000 dossiers.
const PARAMETER_SETS = 4;
// Distinct short strings shared; past this many (never, in a round) a string is kept as it came.
const SHARED_MAX = 10_000;

// What a simulation need not compute again in this process: each dossier version's outcome under a parameter set it
// was already evaluated against (the base of the next draft, most often) and its breakdown keys. Keyed by the
// parameters' canonical hash and the dossier version, so a changed dossier or a changed value is never served stale.
// Rules are code: a new rule pack version is a new process, which starts with an empty cache.
@Injectable()
export class SimulationCache {
  private readonly outcomes = new Map<string, Map<string, CachedOutcome>>();
  private readonly dims = new Map<string, CachedDims>();
  private readonly shared = new Map<string, string>();

  key(parameters: RoundParameters): string {
    return canonicalHash(parameters);
  }

  outcomesFor(key: string): Map<string, CachedOutcome> {
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

  // Keeps a fresh outcome (as a thread sent it) in the set, and returns what was kept.
  keep(set: Map<string, CachedOutcome>, id: string, version: number, fresh: PackedOutcome): CachedOutcome {
    const kept: CachedOutcome = {
      version,
      status: this.share(fresh.status) as PackedOutcome['status'],
      category: this.share(fresh.category) as PackedOutcome['category'],
      findings: fresh.findings,
      relies: this.share(fresh.relies),
    };
    set.set(id, kept);
    return kept;
  }

  dimsOf(id: string, version: number): CachedDims | null {
    const hit = this.dims.get(id);
    return hit && hit.version === version ? hit : null;
  }

  keepDims(id: string, version: number, value: DossierDims): CachedDims {
    const kept = {
      version,
      offenceGroup: this.share(value.offenceGroup),
      sentenceBand: this.share(value.sentenceBand),
    };
    this.dims.set(id, kept);
    return kept;
  }

  private share(value: string): string {
    const known = this.shared.get(value);
    if (known !== undefined) return known;
    if (this.shared.size < SHARED_MAX) this.shared.set(value, value);
    return value;
  }

  clear(): void {
    this.outcomes.clear();
    this.dims.clear();
  }
}

export function cachedOutcome(set: Map<string, CachedOutcome>, id: string, version: number): CachedOutcome | null {
  const hit = set.get(id);
  return hit && hit.version === version ? hit : null;
}
