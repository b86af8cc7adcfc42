import pg from 'pg';
import { workerData } from 'node:worker_threads';
import { serveWorker } from '../common/worker-pool.js';
import type { RoundParameters } from '../eligibility/core/index.js';
import { FACTS_FORMAT } from '../eligibility/stored-facts.js';
import {
  factsOrDocuments,
  writeBackFacts,
  type FactsOrDocument,
  type FactsRow,
} from '../dossiers/dossier-facts.repository.js';
import { simulateBatch, type SimulatedDossier, type SimulationJob } from './simulation-batch.js';
import { OutcomeStore } from './simulation-cache.js';
import { simulatePart, type SimulationPartJob, type SimulationPartResult } from './simulation-part.js';

// A simulation thread: keeps the outcomes of its share of the dossiers between simulations; for each part of a batch
// it is sent, reads the stored facts of the dossier versions whose outcomes it does not have, on its own connection,
// evaluates each against the base and the draft parameters, and counts the part (simulation-part.ts). A dossier whose
// facts are not stored for its latest version (data older than the facts table, or a new facts format) is mapped from
// its document here and its facts written back, so the next simulation reads them. The connection and the outcomes
// live as long as the thread (the process).
const { databaseUrl } = workerData as { databaseUrl: string };
let client: Promise<pg.Client> | null = null;

function connection(): Promise<pg.Client> {
  client ??= (async () => {
    const c = new pg.Client({ connectionString: databaseUrl, application_name: 'amnesty-simulation' });
    // A connection lost between simulations (the server restarted or stopped) is opened again by the next one.
    c.on('error', () => {
      client = null;
    });
    await c.connect();
    return c;
  })();
  client.catch(() => {
    client = null;
  });
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

const store = new OutcomeStore();

serveWorker<SimulationPartJob, SimulationPartResult>(async (job) => ({
  output: await simulatePart(store, job, (dossiers) =>
    evaluate({ base: job.base, draft: job.draft, baseKey: job.baseKey, draftKey: job.draftKey, dossiers }),
  ),
}));

async function evaluate(job: SimulationJob): Promise<SimulatedDossier[]> {
  const c = await connection();
  const base = parameters(job.baseKey, job.base);
  const draft = parameters(job.draftKey, job.draft);
  const wanted = new Map(job.dossiers.map((d) => [d.id, d]));
  const part = (from: number) => factsOrDocuments(c, job.dossiers.slice(from, from + PART), FACTS_FORMAT);
  const output: SimulatedDossier[] = [];
  const mapped: FactsRow[] = [];
  let next: Promise<FactsOrDocument[]> | null = part(0);
  for (let from = 0; next; from += PART) {
    const read: FactsOrDocument[] = await next;
    next = from + PART < job.dossiers.length ? part(from + PART) : null;
    next?.catch(() => undefined);
    const dossiers = read.map((r) => ({ ...wanted.get(r.id)!, facts: r.facts, document: r.document }));
    const evaluated = simulateBatch({ base, draft, dossiers });
    for (const d of evaluated.simulated) output.push(d);
    for (const f of evaluated.mapped) mapped.push(f);
  }
  // Once the batch's reads are done (one query at a time on a connection). A write that fails (the dossier deleted
  // meanwhile) costs the next simulation a mapping, never this one its figures.
  if (mapped.length) await writeBackFacts(c, mapped).catch(() => undefined);
  return output;
}
