import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { WorkerPool } from '../common/worker-pool.js';
import { canonicalHash } from '../kernel/hash.js';
import type { RoundParameters } from '../eligibility/core/index.js';
import type { DossierDims, PackedOutcome } from './simulation-outcome.js';
import { KeptFacts } from './simulation-facts.js';

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
// was already evaluated against (the base of the next draft, most often), its breakdown keys and its parsed facts
// (`KeptFacts`, up to a limit). Kept on the simulation threads, each dossier always on the same one (`slotOf`), which
// evaluates and counts it; this side owns those threads for the life of the process and can empty their caches
// (`clear`, seen by each thread with its next job). Keyed by the parameters' canonical hash and the dossier version,
// so a changed dossier or a changed value is never served stale. Rules are code: a new rule pack version is a new
// process, which starts with an empty cache.
@Injectable()
export class SimulationCache implements OnModuleDestroy {
  private threads: WorkerPool<unknown, unknown> | null = null;
  // Raised by `clear`: a thread whose outcomes were kept under an older generation drops them.
  private current = 0;

  key(parameters: RoundParameters): string {
    return canonicalHash(parameters);
  }

  get generation(): number {
    return this.current;
  }

  pool<I, O>(create: () => WorkerPool<I, O>): WorkerPool<I, O> {
    this.threads ??= create() as WorkerPool<unknown, unknown>;
    return this.threads as WorkerPool<I, O>;
  }

  clear(): void {
    this.current += 1;
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    const threads = this.threads;
    this.threads = null;
    await threads?.close();
  }
}

// The thread of a dossier: a stable hash of its id, so its outcomes are found where they were kept.
export function slotOf(id: string, slots: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % slots;
}

// A simulation thread's share of the cache: outcomes and breakdown keys, and the parsed facts of at most `factsLimit`
// dossiers.
export class OutcomeStore {
  readonly facts: KeptFacts;
  private readonly outcomes = new Map<string, Map<string, CachedOutcome>>();
  private readonly dims = new Map<string, CachedDims>();
  private readonly shared = new Map<string, string>();
  private generation = 0;

  constructor(factsLimit: number) {
    this.facts = new KeptFacts(factsLimit);
  }

  // Empties the store when the cache was cleared since it was last used (a job of an older generation, still running,
  // finds the outcomes kept since: they are as valid).
  at(generation: number): this {
    if (generation > this.generation) {
      this.outcomes.clear();
      this.dims.clear();
      this.facts.clear();
      this.generation = generation;
    }
    return this;
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
}

export function cachedOutcome(set: Map<string, CachedOutcome>, id: string, version: number): CachedOutcome | null {
  const hit = set.get(id);
  return hit && hit.version === version ? hit : null;
}
