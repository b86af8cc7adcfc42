import pg from 'pg';
import {
  factsOrDocuments,
  writeBackFacts,
  type FactsKey,
  type FactsOrDocument,
  type FactsRow,
} from '../dossiers/dossier-facts.repository.js';
import { FACTS_FORMAT } from './stored-facts.js';

// How an evaluation thread (a screening's, a simulation's) reads the facts of the dossier versions it is sent, on a
// connection of its own: the stored facts of each version (dossier_facts), or — where they are missing, of an older
// version or of another format — its document, which the thread maps (`factsOf`, stored-facts.ts) and whose facts are
// written back once the thread's batch is read, so the next reader finds them.

// The thread's connection, opened on first use and again after one is lost (the server restarted or stopped); it
// lives as long as the thread.
export function threadConnection(databaseUrl: string, applicationName: string): () => Promise<pg.Client> {
  let client: Promise<pg.Client> | null = null;
  return () => {
    client ??= (async () => {
      const c = new pg.Client({ connectionString: databaseUrl, application_name: applicationName });
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
  };
}

// A batch is read in parts, each asked for before the one just read is evaluated: the server reads part n + 1 while
// the thread evaluates part n.
const PART = 500;

// Reads `keys` in parts and hands each part (its keys, in order, and what was read of them, in any order) to
// `evaluate`, which answers its outputs and the facts it mapped from documents; those are written back at the end.
export async function readFacts<K extends FactsKey, T>(
  client: pg.Client,
  keys: K[],
  evaluate: (part: K[], read: FactsOrDocument[]) => { output: T[]; mapped: FactsRow[] },
): Promise<T[]> {
  const part = (from: number) => factsOrDocuments(client, keys.slice(from, from + PART), FACTS_FORMAT);
  const output: T[] = [];
  const mapped: FactsRow[] = [];
  let next: Promise<FactsOrDocument[]> | null = part(0);
  for (let from = 0; next; from += PART) {
    const read: FactsOrDocument[] = await next;
    next = from + PART < keys.length ? part(from + PART) : null;
    next?.catch(() => undefined);
    const evaluated = evaluate(keys.slice(from, from + PART), read);
    for (const o of evaluated.output) output.push(o);
    for (const f of evaluated.mapped) mapped.push(f);
  }
  // Once the batch's reads are done (one query at a time on a connection). A write that fails (the dossier deleted
  // meanwhile) costs the next reader a mapping, never this one its results.
  if (mapped.length) await writeBackFacts(client, mapped).catch(() => undefined);
  return output;
}
