import pg from 'pg';
import { workerData } from 'node:worker_threads';
import { serveWorker } from '../common/worker-pool.js';
import type { RoundParameters } from '../eligibility/core/index.js';
import { simulateBatch, type SimulatedDossier, type SimulationJob } from './simulation-outcome.js';
import { documentTexts, type DocumentText } from './simulation.repository.js';

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

// A batch is read in parts, each asked for before the one just read is evaluated: the server reads part n + 1 while
// this thread evaluates part n.
const PART = 500;

serveWorker<SimulationJob, SimulatedDossier[]>(async (job) => {
  const c = await connection();
  const base = parameters(job.baseKey, job.base);
  const draft = parameters(job.draftKey, job.draft);
  const wanted = new Map(job.dossiers.map((d) => [d.id, d]));
  const part = (from: number) => documentTexts(c, job.dossiers.slice(from, from + PART));
  const output: SimulatedDossier[] = [];
  let next: Promise<DocumentText[]> | null = part(0);
  for (let from = 0; next; from += PART) {
    const texts: DocumentText[] = await next;
    next = from + PART < job.dossiers.length ? part(from + PART) : null;
    next?.catch(() => undefined);
    const documents = texts.map((t) => ({ ...wanted.get(t.id)!, document: t.document }));
    for (const d of simulateBatch({ base, draft, documents })) output.push(d);
  }
  return { output };
});
