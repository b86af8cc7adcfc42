import type { DossierDocument } from '../dossiers/dossier-format.js';
import type { EligibilityFacts } from './core/index.js';
import { dossierToFacts } from './dossier-to-facts.js';

// The form a dossier version's facts are stored in (dossier_facts): exactly what dossierToFacts maps from the
// exchange-format document, as JSON text — a fraction of the document's size, and read without the document's jsonb
// output and parse. Raise FACTS_FORMAT with any change to what the mapper produces: stored facts of another format
// are mapped again from their document when read (and written back), never used.
export const FACTS_FORMAT = 1;

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
