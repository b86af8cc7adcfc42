import { buildDossier, buildRichDossier } from '../../test/factories/dossier.factory.js';
import { canonicalHash } from '../kernel/hash.js';
import { dossierToFacts } from './dossier-to-facts.js';
import { FACTS_FORMAT, parseStoredFacts, storedFacts } from './stored-facts.js';

// Stored facts are used as long as their format is FACTS_FORMAT: a change to what the mapper produces must come with a
// new format, or every stored row would go on feeding the engine the old mapping. The fingerprint below is the
// mapping of two fixed dossiers; when it changes, raise FACTS_FORMAT and record both here.
const FINGERPRINT = { format: 2, facts: 'f448f9402690659589c4470a65cacaee1fbc419532d5e743deb3cc3cffe2b718' };

describe('stored facts', () => {
  const dossiers = [buildDossier(), buildRichDossier({ roundCode: 'QD-1244-2025', facilityCode: 'TG-A' })];

  it('are the mapper’s facts, read back as they were mapped', () => {
    for (const d of dossiers) {
      const stored = storedFacts(d)!;
      expect(stored.format).toBe(FACTS_FORMAT);
      expect(parseStoredFacts(stored.facts)).toEqual(dossierToFacts(d));
    }
  });

  it('store nothing for a document the mapper refuses', () => {
    expect(storedFacts({ ...buildDossier(), judgments: null } as never)).toBeNull();
  });

  it('carry a new format whenever the mapping changes', () => {
    const facts = canonicalHash(dossiers.map((d) => dossierToFacts(d)));
    expect({ format: FACTS_FORMAT, facts }).toEqual(FINGERPRINT);
  });
});
