import type pg from 'pg';
import type { FactsRow } from '../dossiers/dossier-facts.repository.js';
import { CopyWriter } from '../database/pg-copy.js';
import type { RoundParameters } from './core/index.js';
import { readFacts } from './facts-reader.js';
import { storeReliances } from './reliances.repository.js';
import { factsOf } from './stored-facts.js';
import { RelianceSet } from './stored-reliances.js';
import { evaluateFacts, RESULT_COLUMNS, RESULT_TABLE, toStoredRow, type StoredResultRow } from './stored-result.js';

// A dossier a screening covers, as the main thread chooses it: its latest content version, which its result names,
// and the camp council's meeting dates recorded for it. Its facts are read by the thread that evaluates it.
export interface ScreeningDossier {
  id: string;
  version: number;
  // The meeting date recorded with the council's decision on this dossier, and its facility council's latest.
  decisionCouncilDate: string | null;
  facilityCouncilDate: string | null;
}

export interface ScreeningBatch {
  roundId: string;
  round: RoundParameters;
  screeningId: string;
  dossiers: ScreeningDossier[];
}

export interface ScreenedBatch {
  count: number;
  // The results in PostgreSQL's COPY text format, ready for `COPY eligibility_results … FROM STDIN`.
  data: Uint8Array;
}

// Runs on a screening thread: reads the batch's facts on the thread's connection (facts-reader.ts: stored facts, or
// the document mapped and its facts written back), evaluates each dossier and encodes its result, in the batch's
// order, a part at a time, so a whole batch of evaluations is never alive at once. A dossier deleted since the batch
// was chosen has nothing left to screen. A document the mapper refuses fails the batch, as its evaluation would. The
// round values the results refer to are stored on the thread's connection.
export async function screenBatch(client: pg.Client, batch: ScreeningBatch): Promise<ScreenedBatch> {
  const writer = new CopyWriter(RESULT_TABLE);
  const reliances = new RelianceSet();
  let count = 0;
  await readFacts(client, batch.dossiers, (part, read) => {
    const byId = new Map(read.map((r) => [r.id, r]));
    const mapped: FactsRow[] = [];
    const rows: StoredResultRow[] = [];
    for (const d of part) {
      const r = byId.get(d.id);
      if (!r) continue;
      const facts = factsOf({ id: d.id, version: d.version, facts: r.facts, document: r.document }, mapped);
      const recorded = { decision: d.decisionCouncilDate, facility: d.facilityCouncilDate };
      rows.push(
        toStoredRow(evaluateFacts(facts, batch.round, recorded), d, batch.roundId, batch.screeningId, reliances),
      );
    }
    writer.add(rows as unknown as Record<string, unknown>[], RESULT_COLUMNS);
    count += rows.length;
    return { output: [], mapped };
  });
  // Committed before the main thread stores the results that refer to them.
  await storeReliances(client, reliances.rows());
  return { count, data: writer.bytes() };
}
