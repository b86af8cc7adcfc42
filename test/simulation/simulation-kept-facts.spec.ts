import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source.js';
import type { RoundParameters } from '../../src/eligibility/core/index.js';
import type { SimulationCache } from '../../src/simulation/simulation-cache.js';
import type { SimulationFigures } from '../../src/simulation/simulation-figures.js';
import { applyChanges, type ParameterChange } from '../../src/simulation/simulation-parameters.js';
import { loadDemoDataIfEmpty } from '../../seeds/demo/load-demo.js';
import { loadSynthetic } from '../../seeds/synthetic/synthetic-loader.js';
import { useFreshDatabase } from '../seeds/support/fresh-database.js';
import { simulationService } from './simulation-service.js';

// The simulation threads keep the parsed facts of the dossiers they evaluated, up to a limit, so that a re-run after
// a change of the draft reads only what they do not hold: the dossiers past the limit, and a dossier saved again
// since. Whatever they hold, the figures are those of a run that read every dossier.
const fraction = (numerator: number, denominator: number): ParameterChange[] => [
  { path: 'time.general.fraction.value', value: { numerator, denominator } },
];
const DOSSIERS = 300;
const THREADS = 2;

describe('facts kept by the simulation threads between runs', () => {
  let dataSource: DataSource;
  const closing: Array<() => Promise<void>> = [];
  const db = useFreshDatabase('kept_facts', async () => {
    for (const close of closing) await close();
    await dataSource?.destroy();
  });
  let sim: { id: string; roundId: string; base: RoundParameters; facilityIds: string[] };

  // A service whose threads keep the facts of at most `kept` dossiers altogether.
  function service(kept: number): {
    cache: SimulationCache;
    run: (changes: ParameterChange[]) => Promise<SimulationFigures>;
  } {
    const {
      service: simulation,
      cache,
      close,
    } = simulationService(dataSource, {
      screeningThreads: THREADS,
      simulationFactsKept: kept,
    });
    closing.push(close);
    const run = async (changes: ParameterChange[]) =>
      (await simulation.simulate({ ...sim, draft: applyChanges(sim.base, changes).draft })).figures;
    return { cache, run };
  }

  const withoutWork = ({ work: _work, ...rest }: SimulationFigures) => rest;

  // The figures of a run that kept nothing from before.
  async function cold(s: ReturnType<typeof service>, changes: ParameterChange[]) {
    s.cache.clear();
    const figures = await s.run(changes);
    expect(figures.work.documentsRead).toBe(DOSSIERS);
    return withoutWork(figures);
  }

  beforeAll(async () => {
    await loadDemoDataIfEmpty(db.url(), '2026-12-03');
    await loadSynthetic({ databaseUrl: db.url(), dossiers: DOSSIERS, batchSize: 150, workers: 1, seed: 7 });
    dataSource = createDataSource(db.url(), { poolSize: 2 });
    await dataSource.initialize();
    const [round] = await dataSource.query(`SELECT id, parameters FROM rounds WHERE code = 'TH-QD-1244-2025'`);
    const facilityIds = (await dataSource.query(`SELECT id FROM org_units WHERE kind = 'FACILITY'`)).map(
      (r: { id: string }) => r.id,
    );
    sim = { id: '00000000-0000-0000-0000-000000000002', roundId: round.id, base: round.parameters, facilityIds };
  }, 180_000);

  it('re-runs a changed draft on the facts kept, reading nothing, with the figures of a run that read them', async () => {
    const s = service(1000);
    await cold(s, fraction(1, 2));
    const rerun = await s.run(fraction(2, 5));
    expect(rerun.work).toEqual({
      documentsRead: 0,
      baseEvaluated: 0,
      draftEvaluated: DOSSIERS,
      baseReused: DOSSIERS,
      draftReused: 0,
    });
    expect(withoutWork(rerun)).toEqual(await cold(s, fraction(2, 5)));
    // The draft changed something, so the kept facts were evaluated against it.
    expect(rerun.draft).not.toEqual((await s.run(fraction(1, 2))).draft);
  }, 120_000);

  it('reads again only the dossiers past the limit, and gives the same figures', async () => {
    const kept = 40;
    const s = service(kept);
    await cold(s, fraction(1, 2));
    const rerun = await s.run(fraction(3, 5));
    // Each thread keeps the first kept / THREADS dossiers of its share (far more than that each).
    expect(rerun.work).toMatchObject({ documentsRead: DOSSIERS - kept, draftEvaluated: DOSSIERS });
    expect(withoutWork(rerun)).toEqual(await cold(s, fraction(3, 5)));
  }, 120_000);

  it('reads a dossier saved again since its facts were kept, and that dossier only', async () => {
    const s = service(1000);
    await cold(s, fraction(1, 2));
    const [{ id }] = await dataSource.query(
      `SELECT id FROM dossiers WHERE round_id = $1 ORDER BY id OFFSET 7 LIMIT 1`,
      [sim.roundId],
    );
    // A new content version without conduct ratings (its facts are mapped from the document when read).
    await dataSource.query(
      `INSERT INTO dossier_versions (dossier_id, version, document, content_hash, created_by)
       SELECT v.dossier_id, v.version + 1, jsonb_set(v.document, '{conductRatings}', '[]'::jsonb), 'test-' || v.dossier_id, NULL
       FROM dossier_versions v WHERE v.dossier_id = $1
       ORDER BY v.version DESC LIMIT 1`,
      [id],
    );
    const rerun = await s.run(fraction(2, 3));
    expect(rerun.work).toEqual({
      documentsRead: 1,
      baseEvaluated: 1,
      draftEvaluated: DOSSIERS,
      baseReused: DOSSIERS - 1,
      draftReused: 0,
    });
    expect(withoutWork(rerun)).toEqual(await cold(s, fraction(2, 3)));
  }, 120_000);
});
