import pg from 'pg';
import { workerData } from 'node:worker_threads';
import { serveWorker } from '../common/worker-pool.js';
import type { RoundParameters } from '../eligibility/core/index.js';
import { simulateBatch, type SimulatedDossier, type SimulationJob } from './simulation-outcome.js';
import { documentTexts } from './simulation.repository.js';

// A simulation thread: reads one batch of dossier versions on its own connection, parses each once and evaluates it
// against the base and the draft parameters. The connection lives as long as the thread (one simulation).
const { databaseUrl } = workerData as { databaseUrl: string };
let client: Promise<pg.Client> | null = null;

function connection(): Promise<pg.Client> {
  client ??= (async () => {
    const c = new pg.Client({ connectionString: databaseUrl, application_name: 'amnesty-simulation' });
    await c.connect();
    return c;
  })();
  return client;
}

const parameterSets = new Map<string, RoundParameters>();

function parameters(key: string, value: RoundParameters): RoundParameters {
  const kept = parameterSets.get(key);
  if (kept) return kept;
  if (parameterSets.size >= 4) parameterSets.delete(parameterSets.keys().next().value as string);
  parameterSets.set(key, value);
  return value;
}

serveWorker<SimulationJob, SimulatedDossier[]>(async (job) => {
  const c = await connection();
  const texts = await documentTexts(c, job.dossiers);
  const wanted = new Map(job.dossiers.map((d) => [d.id, d]));
  return {
    output: simulateBatch({
      base: parameters(job.baseKey, job.base),
      draft: parameters(job.draftKey, job.draft),
      documents: texts.map((t) => ({ ...wanted.get(t.id)!, document: t.document })),
    }),
  };
});
