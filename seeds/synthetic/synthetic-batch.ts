import { sha256Hex } from '../../src/kernel/hash.js';
import { canonicalJson } from '../../src/kernel/canonical-json.js';
import { addDossierRows, DossierRows, emptyRows } from '../../src/dossiers/dossier-rows.js';
import { Rng } from '../common/prng.js';
import { CopyWriter } from '../../src/database/pg-copy.js';
import { OrderedIds } from './ordered-ids.js';
import { RawJson } from '../../src/database/raw-json.js';
import { syntheticDossier } from './synthetic-dossiers.js';
import type { SyntheticFacility } from './synthetic-org.js';
import type { SyntheticRound } from './synthetic-round.js';

// Tables in foreign-key order, named by the keys of DossierRows.
export const DOSSIER_TABLES: readonly (readonly [keyof DossierRows, string])[] = [
  ['dossiers', 'dossiers'],
  ['judgments', 'dossier_judgments'],
  ['offences', 'dossier_offences'],
  ['intervals', 'dossier_intervals'],
  ['reductions', 'dossier_reductions'],
  ['ratings', 'dossier_conduct_ratings'],
  ['discipline', 'dossier_discipline'],
  ['priorConvictions', 'dossier_prior_convictions'],
  ['obligations', 'dossier_obligations'],
  ['decisions', 'dossier_enforcement_decisions'],
  ['circumstances', 'dossier_special_circumstances'],
  ['evidence', 'dossier_evidence_documents'],
  ['versions', 'dossier_versions'],
  ['facts', 'dossier_facts'],
];

export interface BatchInput {
  seed: number;
  index: number;
  from: number;
  count: number;
  round: SyntheticRound;
  facilities: SyntheticFacility[];
}

export interface CopyTable {
  table: string;
  columns: string[];
  rows: number;
  data: Uint8Array;
}

export interface CopyBatch {
  index: number;
  count: number;
  tables: CopyTable[];
}

// Each batch draws from its own stream, so the data does not depend on which worker made which batch.
function batchRng(input: BatchInput): Rng {
  return new Rng((input.seed * 1_000_003 + input.index * 7919) >>> 0);
}

// `raw` keeps each version's document as the canonical text already computed for its hash, for COPY to write as is.
export function generateRows(input: BatchInput, o: { rng?: Rng; ids?: OrderedIds; raw?: boolean } = {}): DossierRows {
  const rng = o.rng ?? batchRng(input);
  const ids = o.ids ?? new OrderedIds(input.index);
  const weights = input.facilities.map((f) => [f, f.weight] as const);
  const rows = emptyRows();
  for (let i = 0; i < input.count; i++) {
    const d = syntheticDossier(
      rng,
      input.round.calendar,
      rng.weighted(weights),
      `TH${String(input.from + i).padStart(7, '0')}`,
    );
    const canonical = canonicalJson(d.document);
    addDossierRows(rows, {
      id: ids.next(),
      newId: ids.next,
      document: d.document,
      roundId: input.round.id,
      facilityId: d.facilityId,
      teamId: d.teamId,
      actorId: null,
      version: 1,
      contentHash: sha256Hex(canonical),
    });
    if (o.raw) rows.versions[rows.versions.length - 1].document = new RawJson(canonical);
  }
  return rows;
}

// Dossiers are turned into COPY text a few hundred at a time, so the generated objects die young and the collector
// never has to move them.
const SLICE = 250;

export function generateCopyBatch(input: BatchInput): CopyBatch {
  const writers = DOSSIER_TABLES.map(([, table]) => new CopyWriter(table));
  const columns: string[][] = DOSSIER_TABLES.map(() => []);
  const rng = batchRng(input);
  const ids = new OrderedIds(input.index);
  for (let from = 0; from < input.count; from += SLICE) {
    const rows = generateRows(
      { ...input, from: input.from + from, count: Math.min(SLICE, input.count - from) },
      { rng, ids, raw: true },
    );
    DOSSIER_TABLES.forEach(([key], i) => {
      const list = rows[key];
      if (!list.length) return;
      if (!columns[i].length) columns[i] = Object.keys(list[0]);
      writers[i].add(list, columns[i]);
    });
  }
  const tables = DOSSIER_TABLES.map(([, table], i) => ({
    table,
    columns: columns[i],
    rows: writers[i].rows,
    data: writers[i].bytes(),
  }));
  return { index: input.index, count: input.count, tables };
}
