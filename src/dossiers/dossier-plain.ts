import type { DossierDocument } from './dossier-format.js';

// The DTO instances carry class prototypes and undefined optionals; what is stored and hashed is plain JSON.
export function toPlainDocument(input: DossierDocument): DossierDocument {
  return JSON.parse(JSON.stringify(input)) as DossierDocument;
}
