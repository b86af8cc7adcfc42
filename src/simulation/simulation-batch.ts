import type { EligibilityFacts, RoundParameters } from '../eligibility/core/index.js';
import { evaluateDossier } from '../eligibility/core/index.js';
import type { FactsRow } from '../dossiers/dossier-facts.repository.js';
import { factsOf } from '../eligibility/stored-facts.js';
import {
  mainOffenceGroup,
  OTHER_GROUP,
  packOutcome,
  sentenceBand,
  unreadable,
  type DossierDims,
  type PackedOutcome,
} from './simulation-outcome.js';

// One dossier version as a thread reads it: its stored facts, or its document when they are not current; or its facts
// as the thread kept them parsed (`parsed`, nothing read).
export interface SimulationInput {
  id: string;
  version: number;
  facts: string | null;
  document: string | null;
  parsed?: EligibilityFacts;
  base: boolean;
  draft: boolean;
}

export interface SimulationBatch {
  base: RoundParameters;
  draft: RoundParameters;
  dossiers: SimulationInput[];
}

// What a thread is sent: which dossier versions to read and which sides each needs (it reads them itself).
export interface SimulationJob {
  base: RoundParameters;
  draft: RoundParameters;
  // The parameters' canonical hashes: a thread keeps one object per parameter set, so that the engine's rules built
  // for it are built once per simulation, not once per batch.
  baseKey: string;
  draftKey: string;
  dossiers: Array<{ id: string; version: number; base: boolean; draft: boolean }>;
}

export interface SimulatedDossier {
  id: string;
  base: PackedOutcome | null;
  draft: PackedOutcome | null;
  dims: DossierDims;
}

// Runs on a simulation thread: takes each dossier's facts once (kept, or `factsOf`: parsed from the stored form, or
// mapped from the document, whose facts are then handed back to be stored), hands them to `keep` and evaluates them
// against the sides asked for.
export function simulateBatch(
  batch: SimulationBatch,
  keep: (id: string, version: number, facts: EligibilityFacts) => void = () => undefined,
): { simulated: SimulatedDossier[]; mapped: FactsRow[] } {
  const simulated: SimulatedDossier[] = [];
  const mapped: FactsRow[] = [];
  for (const d of batch.dossiers) {
    let facts: EligibilityFacts;
    try {
      facts = d.parsed ?? factsOf(d, mapped);
    } catch (error) {
      const side = unreadable(error);
      simulated.push({
        id: d.id,
        base: side,
        draft: side,
        dims: { offenceGroup: OTHER_GROUP, sentenceBand: 'UNKNOWN' },
      });
      continue;
    }
    if (!d.parsed) keep(d.id, d.version, facts);
    let band: string | null = null;
    const evaluate = (round: RoundParameters): PackedOutcome => {
      try {
        const e = evaluateDossier(facts, round);
        band ??= sentenceBand(e);
        return packOutcome(e);
      } catch (error) {
        return unreadable(error);
      }
    };
    const base = d.base ? evaluate(batch.base) : null;
    const draft = d.draft || !d.base ? evaluate(batch.draft) : null;
    simulated.push({
      id: d.id,
      base,
      draft,
      dims: { offenceGroup: mainOffenceGroup(facts), sentenceBand: band ?? 'UNKNOWN' },
    });
  }
  return { simulated, mapped };
}
