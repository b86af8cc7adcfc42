import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source.js';
import { staleFactsCount } from '../../src/dossiers/dossier-facts.repository.js';
import type { DossierDocument } from '../../src/dossiers/dossier-format.js';
import {
  evaluateDossier,
  ROUND_PRESETS,
  type EligibilityFacts,
  type RoundParameters,
} from '../../src/eligibility/core/index.js';
import { dossierToFacts } from '../../src/eligibility/dossier-to-facts.js';
import { FACTS_FORMAT, parseStoredFacts } from '../../src/eligibility/stored-facts.js';
import { canonicalHash } from '../../src/kernel/hash.js';
import type { SimulationFigures } from '../../src/simulation/simulation-figures.js';
import { applyChanges } from '../../src/simulation/simulation-parameters.js';
import { loadDemoDataIfEmpty } from '../../seeds/demo/load-demo.js';
import { loadSynthetic } from '../../seeds/synthetic/synthetic-loader.js';
import { useFreshDatabase } from '../seeds/support/fresh-database.js';
import { simulationService } from './simulation-service.js';

// The facts stored with each dossier version must be exactly what the engine maps from its document: checked over the
// demo's scenario dossiers (one per condition, exclusion and special category, as the golden cases are) and synthetic
// ones written by both of the loader's writers, and through a whole simulation, whose figures must not depend on
// whether the facts were stored, missing, stale or of another format.
const HALF = { path: 'time.general.fraction.value', value: { numerator: 1, denominator: 2 } };

interface Stored {
  id: string;
  parameters: RoundParameters;
  facts: string;
  document: string;
}

// Everything the engine concludes, as its JSON (the facts' hash included), hashed canonically: objects the mapper
// passes through keep the key order of the document they came from, which jsonb does not keep.
function evaluation(facts: EligibilityFacts, round: RoundParameters): { hash: string; status: string } {
  try {
    const e = evaluateDossier(facts, round);
    return { hash: canonicalHash(JSON.parse(JSON.stringify(e))), status: e.status };
  } catch (error) {
    return { hash: (error as Error).message, status: 'error' };
  }
}

describe('stored facts of a dossier version', () => {
  let dataSource: DataSource;
  let closeAudit: () => Promise<void>;
  const db = useFreshDatabase('stored_facts', async () => {
    await closeAudit?.();
    await dataSource?.destroy();
  });
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await db.client().query(sql, params)).rows as T[];

  beforeAll(async () => {
    await loadDemoDataIfEmpty(db.url(), '2026-12-03');
    await loadSynthetic({ databaseUrl: db.url(), dossiers: 300, batchSize: 150, workers: 1, seed: 5 });
    await loadSynthetic({ databaseUrl: db.url(), dossiers: 100, batchSize: 50, writer: 'bulk', seed: 6 });
    dataSource = createDataSource(db.url(), { poolSize: 2 });
    await dataSource.initialize();
  }, 180_000);

  it('are written with every version by the demo writer and both synthetic writers', async () => {
    const [{ dossiers, current }] = await rows<{ dossiers: number; current: number }>(
      `SELECT count(*)::int AS dossiers, count(f.dossier_id)::int AS current FROM dossiers d
       LEFT JOIN dossier_facts f ON f.dossier_id = d.id AND f.format = $1
         AND f.version = (SELECT max(v.version) FROM dossier_versions v WHERE v.dossier_id = d.id)`,
      [FACTS_FORMAT],
    );
    expect(dossiers).toBeGreaterThanOrEqual(800);
    expect(current).toBe(dossiers);
  });

  it('evaluate exactly as the document they were mapped from, under the round and under drafts', async () => {
    const stored = await rows<Stored>(
      `SELECT d.id, r.parameters, f.facts, v.document::text AS document FROM dossiers d
       JOIN rounds r ON r.id = d.round_id JOIN dossier_facts f ON f.dossier_id = d.id
       JOIN dossier_versions v ON v.dossier_id = d.id AND v.version = f.version`,
    );
    const preset = { ...ROUND_PRESETS['QD-1244-2025'], code: 'TH-QD-1244-2025' };
    const { draft } = applyChanges(preset, [HALF]);
    const statuses = new Set<string>();
    const differing: string[] = [];
    for (const s of stored) {
      const fromDocument = dossierToFacts(JSON.parse(s.document) as DossierDocument);
      const fromStore = parseStoredFacts(s.facts);
      if (canonicalHash(fromStore) !== canonicalHash(fromDocument)) differing.push(`${s.id}: facts`);
      for (const round of [s.parameters, preset, draft]) {
        const expected = evaluation(fromDocument, round);
        if (evaluation(fromStore, round).hash !== expected.hash) differing.push(s.id);
        statuses.add(expected.status);
      }
    }
    expect(differing).toEqual([]);
    // A varied set: every verdict occurs.
    expect([...statuses].sort()).toEqual(expect.arrayContaining(['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW']));
  });

  it('give the same simulation as the documents, mapped again when missing, stale or of another format', async () => {
    const { service, cache, close } = simulationService(dataSource, { screeningThreads: 2 });
    closeAudit = close;
    const [round] = await rows<{ id: string; parameters: RoundParameters }>(
      `SELECT id, parameters FROM rounds WHERE code = 'TH-QD-1244-2025'`,
    );
    const facilityIds = (await rows<{ id: string }>(`SELECT id FROM org_units WHERE kind = 'FACILITY'`)).map(
      (r) => r.id,
    );
    const sim = { id: '00000000-0000-0000-0000-000000000001', roundId: round.id, base: round.parameters, facilityIds };
    const { draft } = applyChanges(round.parameters, [HALF]);
    const simulate = async () => {
      cache.clear();
      const { figures } = await service.simulate({ ...sim, draft });
      const { work: _work, ...rest } = figures as SimulationFigures;
      return rest;
    };
    const stale = () =>
      staleFactsCount({ query: (sql, params) => db.client().query(sql, params) }, round.id, FACTS_FORMAT);

    const fromStoredFacts = await simulate();
    expect(fromStoredFacts.total).toBe(400);

    const ids = (await rows<{ id: string }>(`SELECT id FROM dossiers WHERE round_id = $1 ORDER BY id`, [round.id])).map(
      (r) => r.id,
    );
    // A third without facts; a third whose facts are of another format (and would give other verdicts if read);
    // a third saved again with other content, their stored facts left at the version before.
    await db.client().query('DELETE FROM dossier_facts WHERE dossier_id = ANY($1)', [ids.slice(0, 40)]);
    await db
      .client()
      .query(`UPDATE dossier_facts SET format = $2, facts = '{"judgments":[]}' WHERE dossier_id = ANY($1)`, [
        ids.slice(40, 80),
        FACTS_FORMAT + 1,
      ]);
    await db.client().query(
      `INSERT INTO dossier_versions (dossier_id, version, document, content_hash, created_by)
       SELECT v.dossier_id, 2, jsonb_set(v.document, '{conductRatings}', '[]'::jsonb), 'test-' || v.dossier_id, NULL
       FROM dossier_versions v WHERE v.dossier_id = ANY($1) AND v.version = 1`,
      [ids.slice(80, 120)],
    );
    expect(await stale()).toBe(120);
    const mappedAgain = await simulate();
    expect(await stale()).toBe(0);

    // The oracle: every dossier mapped from its document, as the simulation did before facts were stored.
    await db.client().query('DELETE FROM dossier_facts WHERE dossier_id = ANY($1)', [ids]);
    const fromDocuments = await simulate();
    expect(mappedAgain).toEqual(fromDocuments);
    // The 40 dossiers without conduct ratings changed verdicts, so the stale facts were not used.
    expect(fromDocuments).not.toEqual(fromStoredFacts);

    const written = await rows<{ facts: string; document: string }>(
      `SELECT f.facts, v.document::text AS document FROM dossier_facts f
       JOIN dossier_versions v ON v.dossier_id = f.dossier_id AND v.version = f.version WHERE f.dossier_id = ANY($1)`,
      [ids],
    );
    expect(written).toHaveLength(ids.length);
    for (const w of written)
      expect(canonicalHash(parseStoredFacts(w.facts))).toBe(
        canonicalHash(dossierToFacts(JSON.parse(w.document) as DossierDocument)),
      );
    expect(await simulate()).toEqual(fromDocuments);
  }, 180_000);
});
