import type { DossierDocument } from '../dossiers/dossier-format.js';
import type { EligibilityFacts } from './core/index.js';
import { dossierToFacts } from './dossier-to-facts.js';

// The form a dossier version's facts are stored in (dossier_facts): exactly what dossierToFacts maps from the
// exchange-format document, as JSON text — a fraction of the document's size, and read without the document's jsonb
// output and parse. Raise FACTS_FORMAT with any change to what the mapper produces: stored facts of another format
// are mapped again from their document when read (and written back), never used.
export const FACTS_FORMAT = 2;

export interface StoredFacts {
  format: number;
  facts: string;
}

export function encodeFacts(facts: EligibilityFacts): StoredFacts {
  return { format: FACTS_FORMAT, facts: JSON.stringify(facts) };
}

// The facts to store with a document, or null when the engine cannot map it: nothing is stored then, and whoever
// evaluates the dossier meets the document's own error, as without stored facts.
export function storedFacts(document: DossierDocument): StoredFacts | null {
  try {
    return encodeFacts(dossierToFacts(document));
  } catch {
    return null;
  }
}

export function parseStoredFacts(text: string): EligibilityFacts {
  return JSON.parse(text) as EligibilityFacts;
}

// A dossier version's facts as an evaluation thread reads them (facts-reader.ts): parsed from the stored form, or mapped
// from the document when they are not current, their stored form then added to `mapped` to be written back. Throws
// what the mapper throws for a document it refuses.
export function factsOf(
  d: { id: string; version: number; facts: string | null; document: string | null },
  mapped: Array<StoredFacts & { id: string; version: number }>,
): EligibilityFacts {
  if (d.facts !== null) return parseStoredFacts(d.facts);
  const facts = dossierToFacts(JSON.parse(d.document ?? 'null') as DossierDocument);
  mapped.push({ id: d.id, version: d.version, ...encodeFacts(facts) });
  return facts;
}
