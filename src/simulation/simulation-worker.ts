import { workerData } from 'node:worker_threads';
import { serveWorker } from '../common/worker-pool.js';
import type { RoundParameters } from '../eligibility/core/index.js';
import { readFacts, threadConnection } from '../eligibility/facts-reader.js';
import { simulateBatch, type SimulatedDossier, type SimulationJob } from './simulation-batch.js';
import { OutcomeStore } from './simulation-cache.js';
import { simulatePart, type SimulationPartJob, type SimulationPartResult } from './simulation-part.js';

// A simulation thread: keeps the outcomes of its share of the dossiers between simulations; for each part of a batch
// it is sent, reads the stored facts of the dossier versions whose outcomes it does not have, on its own connection
// (facts-reader.ts: a dossier whose facts are not current is mapped from its document here and its facts written
// back), evaluates each against the base and the draft parameters, and counts the part (simulation-part.ts). The
// connection and the outcomes live as long as the thread (the process).
const { databaseUrl } = workerData as { databaseUrl: string };
const connection = threadConnection(databaseUrl, 'amnesty-simulation');

const parameterSets = new Map<string, RoundParameters>();

function parameters(key: string, value: RoundParameters): RoundParameters {
  const kept = parameterSets.get(key);
  if (kept) return kept;
  if (parameterSets.size >= 4) parameterSets.delete(parameterSets.keys().next().value as string);
  parameterSets.set(key, value);
  return value;
}

const store = new OutcomeStore();

serveWorker<SimulationPartJob, SimulationPartResult>(async (job) => ({
  output: await simulatePart(store, job, (dossiers) =>
    evaluate({ base: job.base, draft: job.draft, baseKey: job.baseKey, draftKey: job.draftKey, dossiers }),
  ),
}));

async function evaluate(job: SimulationJob): Promise<SimulatedDossier[]> {
  const base = parameters(job.baseKey, job.base);
  const draft = parameters(job.draftKey, job.draft);
  const wanted = new Map(job.dossiers.map((d) => [d.id, d]));
  return readFacts(await connection(), job.dossiers, (_part, read) => {
    const dossiers = read.map((r) => ({ ...wanted.get(r.id)!, facts: r.facts, document: r.document }));
    const { simulated, mapped } = simulateBatch({ base, draft, dossiers });
    return { output: simulated, mapped };
  });
}
