import type { EligibilityFacts } from '../eligibility/core/index.js';

// A simulation thread's parsed facts of the dossier versions of its share, kept between simulations so that a re-run
// after a change of the draft evaluates without reading or parsing anything again: the database is asked only for the
// versions a thread does not hold. At most `limit` dossiers: once full, a dossier not kept yet is not kept (a round is
// walked in the same order every run, so the dossiers kept are found again rather than pushed out by those read
// before them), and it is read as on a first run. Keyed by the dossier version, so an amended dossier's facts are
// never served stale: its new version's replace them. The engine does not change the facts it is given (the base and
// the draft are evaluated on the same object).
export class KeptFacts {
  private readonly kept = new Map<string, { version: number; facts: EligibilityFacts }>();

  constructor(private readonly limit: number) {}

  get(id: string, version: number): EligibilityFacts | null {
    const hit = this.kept.get(id);
    return hit && hit.version === version ? hit.facts : null;
  }

  keep(id: string, version: number, facts: EligibilityFacts): void {
    if (this.kept.size < this.limit || this.kept.has(id)) this.kept.set(id, { version, facts });
  }

  clear(): void {
    this.kept.clear();
  }
}

// A simulation thread's young generation: 192 MB (three 64 MB semi-spaces) where V8 gives a thread 48 MB. A cold run
// keeps every dossier's parsed facts, so most of what a thread allocates for them survives its scavenges; with the
// default size those came every few hundred dossiers and took most of a thread's time after the engine. On the
// 150,000-dossier bench (`npm run bench:simulation`) a thread ran 121 scavenges instead of 429 over a cold run and a
// re-run, for the same figures.
export const SIMULATION_THREAD_LIMITS = { maxYoungGenerationSizeMb: 192 };
