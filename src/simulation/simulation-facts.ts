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
