import type { RoundParameters } from '../eligibility/core/index.js';
import { cachedOutcome, type CachedOutcome, type OutcomeStore } from './simulation-cache.js';
import type { SimulationFigures } from './simulation-figures.js';
import { SimulationTally, type TallyPart } from './simulation-tally.js';
import { findingsOf, verdictChange, type DossierDims } from './simulation-outcome.js';
import type { SimulatedDossier, SimulationJob } from './simulation-batch.js';
import type { ChangeRow, DossierKey } from './simulation.repository.js';

// What a simulation thread is sent: its share of one batch of dossier keys (in id order), always the same dossiers
// for the same thread, so that the outcomes it keeps of them are found again.
export interface SimulationPartJob {
  // The cache's generation: a thread drops what it kept under an older one.
  generation: number;
  base: RoundParameters;
  draft: RoundParameters;
  baseKey: string;
  draftKey: string;
  ministries: Map<string, string | null>;
  dossiers: DossierKey[];
}

export type ChangedVerdict = Omit<ChangeRow, 'simulation_id'>;

// What it answers: its share counted, the verdicts that changed (with the rule that made the difference), and what
// it read, evaluated and reused.
export interface SimulationPartResult {
  tally: TallyPart;
  changes: ChangedVerdict[];
  work: SimulationFigures['work'];
}

// Runs on a simulation thread: looks each dossier's outcomes up in the thread's store, has the missing ones
// evaluated (`evaluate` takes their facts, kept or read, and says how many it read), keeps them, and counts the share.
export async function simulatePart(
  store: OutcomeStore,
  job: SimulationPartJob,
  evaluate: (dossiers: SimulationJob['dossiers']) => Promise<{ simulated: SimulatedDossier[]; read: number }>,
): Promise<SimulationPartResult> {
  store.at(job.generation);
  const same = job.draftKey === job.baseKey;
  const baseSet = store.outcomesFor(job.baseKey);
  const draftSet = same ? baseSet : store.outcomesFor(job.draftKey);
  const hits = job.dossiers.map((k) => {
    const base = cachedOutcome(baseSet, k.id, k.version);
    return { base, draft: same ? base : cachedOutcome(draftSet, k.id, k.version), dims: store.dimsOf(k.id, k.version) };
  });
  const needed: SimulationJob['dossiers'] = [];
  job.dossiers.forEach((k, i) => {
    const h = hits[i];
    if (h.base && h.draft && h.dims) return;
    needed.push({ id: k.id, version: k.version, base: !h.base, draft: !same && !h.draft });
  });
  const { simulated, read } = needed.length ? await evaluate(needed) : { simulated: [], read: 0 };
  const evaluated = new Map(simulated.map((d) => [d.id, d]));
  const work = { documentsRead: read, baseEvaluated: 0, draftEvaluated: 0, baseReused: 0, draftReused: 0 };
  const tally = new SimulationTally();
  const changes: ChangedVerdict[] = [];
  const fresh = (set: Map<string, CachedOutcome>, k: DossierKey, outcome: SimulatedDossier['base'] | undefined) => {
    if (!outcome) throw new Error(`dossier ${k.id} was not evaluated`);
    return store.keep(set, k.id, k.version, outcome);
  };
  job.dossiers.forEach((k, i) => {
    const h = hits[i];
    const e = evaluated.get(k.id);
    const base = h.base ?? fresh(baseSet, k, e?.base);
    const draft = same ? base : (h.draft ?? fresh(draftSet, k, e?.draft));
    if (h.base) work.baseReused += 1;
    else work.baseEvaluated += 1;
    if (!same) {
      if (h.draft) work.draftReused += 1;
      else work.draftEvaluated += 1;
    }
    const dims: DossierDims =
      h.dims ?? store.keepDims(k.id, k.version, e?.dims ?? { offenceGroup: 'OTHER', sentenceBand: 'UNKNOWN' });
    const change =
      base.status === draft.status
        ? null
        : verdictChange(
            { status: base.status, findings: findingsOf(base) },
            { status: draft.status, findings: findingsOf(draft) },
          );
    tally.add({
      id: k.id,
      facilityId: k.facility_id,
      ministryId: job.ministries.get(k.facility_id) ?? null,
      sex: k.sex,
      offenceGroup: dims.offenceGroup,
      sentenceBand: dims.sentenceBand,
      base,
      draft,
      change,
    });
    if (change)
      changes.push({
        dossier_id: k.id,
        facility_id: k.facility_id,
        base_status: base.status,
        draft_status: draft.status,
        base_category: base.category,
        draft_category: draft.category,
        rule_id: change.ruleId,
        reason: change.reason,
      });
  });
  return { tally: tally.part(), changes, work };
}
