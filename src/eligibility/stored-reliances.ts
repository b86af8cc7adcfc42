import { sha256Hex } from '../kernel/hash.js';
import type { DossierEvaluation } from './core/index.js';

// The round values a stored result rests on are stored once each in eligibility_reliances (migration 1764006900000),
// under an id taken from their content; a result stores [ruleId, id] pairs. The same label, source and confidence
// always get the same id, so whoever stores a result adds its values without asking whether they are there.

export type Reliance = DossierEvaluation['reliesOn'][number];
export type RelianceRow = { id: string; label: string; source: string; confidence: string };

// 64 bits of SHA-256: a round has a few dozen such values, a database a few thousand at most.
function relianceId(label: string, source: string, confidence: string): string {
  return sha256Hex(JSON.stringify([label, source, confidence])).slice(0, 16);
}

// Ids by label, source and confidence, as they come: a key joined from the long texts would cost a new string per
// value per dossier. Bounded so that a stream of edited values cannot grow it without limit.
const IDS = new Map<string, Map<string, Map<string, string>>>();
let cached = 0;

function idOf(r: Reliance): string {
  let bySource = IDS.get(r.label);
  if (!bySource) IDS.set(r.label, (bySource = new Map()));
  let byConfidence = bySource.get(r.source);
  if (!byConfidence) bySource.set(r.source, (byConfidence = new Map()));
  let id = byConfidence.get(r.confidence);
  if (id === undefined) {
    id = relianceId(r.label, r.source, r.confidence);
    if (cached++ < 4096) byConfidence.set(r.confidence, id);
  }
  return id;
}

// The values referred to by the results of one write, to be stored with them (storeReliances).
export class RelianceSet {
  readonly #rows = new Map<string, RelianceRow>();

  refer(r: Reliance): [string, string] {
    const id = idOf(r);
    if (!this.#rows.has(id)) this.#rows.set(id, { id, label: r.label, source: r.source, confidence: r.confidence });
    return [r.ruleId, id];
  }

  rows(): RelianceRow[] {
    return [...this.#rows.values()];
  }
}
