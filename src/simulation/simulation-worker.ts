import { workerData } from 'node:worker_threads';
import { serveWorker } from '../common/worker-pool.js';
import type { RoundParameters } from '../eligibility/core/index.js';
import { readFacts, threadConnection } from '../eligibility/facts-reader.js';
import { simulateBatch, type SimulatedDossier, type SimulationInput, type SimulationJob } from './simulation-batch.js';
import { OutcomeStore } from './simulation-cache.js';
import { simulatePart, type SimulationPartJob, type SimulationPartResult } from './simulation-part.js';

// A simulation thread: keeps the outcomes of its share of the dossiers between simulations, and the parsed facts of
// at most `factsKept` of them; for each part of a batch it is sent, evaluates the dossier versions whose outcomes it
// does not have, on the facts it kept or else on those it reads, on its own connection (facts-reader.ts: a dossier
// whose facts are not current is mapped from its document here and its facts written back), against the base and the
// draft parameters, and counts the part (simulation-part.ts). The connection, outcomes and facts live as long as the
// thread (the process).
const { databaseUrl, factsKept } = workerData as { databaseUrl: string; factsKept: number };
const connection = threadConnection(databaseUrl, 'amnesty-simulation');

const parameterSets = new Map<string, RoundParameters>();

function parameters(key: string, value: RoundParameters): RoundParameters {
  const kept = parameterSets.get(key);
  if (kept) return kept;
  if (parameterSets.size >= 4) parameterSets.delete(parameterSets.keys().next().value as string);
  parameterSets.set(key, value);
  return value;
}

const store = new OutcomeStore(factsKept);

serveWorker<SimulationPartJob, SimulationPartResult>(async (job) => ({
  output: await simulatePart(store, job, (dossiers) =>
    evaluate({ base: job.base, draft: job.draft, baseKey: job.baseKey, draftKey: job.draftKey, dossiers }),
  ),
}));

async function evaluate(job: SimulationJob): Promise<{ simulated: SimulatedDossier[]; read: number }> {
  const base = parameters(job.baseKey, job.base);
  const draft = parameters(job.draftKey, job.draft);
  const keep = store.facts.keep.bind(store.facts);
  const held: SimulationInput[] = [];
  const unread: SimulationJob['dossiers'] = [];
  for (const d of job.dossiers) {
    const parsed = store.facts.get(d.id, d.version);
    if (parsed) held.push({ ...d, facts: null, document: null, parsed });
    else unread.push(d);
  }
  const simulated = simulateBatch({ base, draft, dossiers: held }, keep).simulated;
  if (!unread.length) return { simulated, read: 0 };
  const wanted = new Map(unread.map((d) => [d.id, d]));
  const read = await readFacts(await connection(), unread, (_part, rows) => {
    const dossiers = rows.map((r) => ({ ...wanted.get(r.id)!, facts: r.facts, document: r.document }));
    const evaluated = simulateBatch({ base, draft, dossiers }, keep);
    return { output: evaluated.simulated, mapped: evaluated.mapped };
  });
  for (const s of read) simulated.push(s);
  return { simulated, read: unread.length };
}
