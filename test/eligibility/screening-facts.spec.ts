import type { DataSource } from 'typeorm';
import type { AuditService } from '../../src/audit/audit.service.js';
import { createStandaloneAudit } from '../../src/audit/standalone-audit.js';
import { ScopeRepository } from '../../src/auth/scope.repository.js';
import { ScopeService } from '../../src/auth/scope.service.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createDataSource } from '../../src/database/data-source.js';
import { staleFactsCount } from '../../src/dossiers/dossier-facts.repository.js';
import { evaluateDossier, type RoundParameters } from '../../src/eligibility/core/index.js';
import { councilDateOf, heldDate } from '../../src/eligibility/council-date.js';
import { dossierToFacts } from '../../src/eligibility/dossier-to-facts.js';
import { EligibilityRepository } from '../../src/eligibility/eligibility.repository.js';
import { isEvaluable } from '../../src/eligibility/eligibility.service.js';
import { ScreeningRepository } from '../../src/eligibility/screening.repository.js';
import { ScreeningService } from '../../src/eligibility/screening.service.js';
import { FACTS_FORMAT } from '../../src/eligibility/stored-facts.js';
import { toStoredRow, type StoredResultRow } from '../../src/eligibility/stored-result.js';
import { RelianceSet } from '../../src/eligibility/stored-reliances.js';
import { loadDemoDataIfEmpty } from '../../seeds/demo/load-demo.js';
import { loadSynthetic } from '../../seeds/synthetic/synthetic-loader.js';
import { useFreshDatabase } from '../seeds/support/fresh-database.js';

// A screening reads each dossier's stored facts (dossier_facts) where they are current and its document where they
// are not: the rows it stores must be exactly those of a screening that maps every document, as screenings did before
// the facts were stored — the same verdicts, the same facts hash, the same result JSON to the byte.

// A stored row as the screening leaves it, its result as the JSON text stored.
type StoredRow = Omit<StoredResultRow, 'round_id' | 'screening_id' | 'result'> & { result: string };

describe('a screening over stored facts', () => {
  let dataSource: DataSource;
  let closeAudit: () => Promise<void>;
  const db = useFreshDatabase('screening_facts', async () => {
    await closeAudit?.();
    await dataSource?.destroy();
  });
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await db.client().query(sql, params)).rows as T[];
  const repository = new EligibilityRepository();
  let screenings: ScreeningService;
  let rounds: Array<{ id: string; parameters: RoundParameters }>;

  const screeningService = (audit: AuditService, batchSize: number) =>
    new ScreeningService(
      dataSource,
      repository,
      new ScreeningRepository(dataSource),
      audit,
      new ScopeService(new ScopeRepository()),
      {
        screeningThreads: 2,
        screeningBatchSize: batchSize,
      },
    );

  beforeAll(async () => {
    await loadDemoDataIfEmpty(db.url(), '2026-12-03');
    await loadSynthetic({ databaseUrl: db.url(), dossiers: 300, batchSize: 150, workers: 1, seed: 7 });
    dataSource = createDataSource(db.url(), { poolSize: 2 });
    await dataSource.initialize();
    const audit = createStandaloneAudit(dataSource, loadConfig());
    closeAudit = () => audit.close();
    screenings = screeningService(audit.audit, 120);
    rounds = (
      await rows<{ id: string; parameters: RoundParameters }>(
        `SELECT r.id, r.parameters FROM rounds r WHERE EXISTS (SELECT 1 FROM dossiers d WHERE d.round_id = r.id)
         ORDER BY r.code`,
      )
    ).filter((r) => isEvaluable(r.parameters));
  }, 180_000);

  // Every evaluable round screened; its stored rows by dossier.
  async function screenAll(): Promise<Map<string, StoredRow>> {
    const out = new Map<string, StoredRow>();
    for (const round of rounds) {
      const created = await screenings.create({ id: null, name: 'spec' }, null, round.id);
      const done = await screenings.run(created.id);
      expect(done.status).toBe('DONE');
      const stored = await rows<StoredRow>(
        `SELECT dossier_id, dossier_version, pack_id, pack_version, facts_hash, outcome, category,
                relies_on_unverified, result::text AS result
         FROM eligibility_results WHERE screening_id = $1`,
        [created.id],
      );
      for (const r of stored) out.set(r.dossier_id, r);
    }
    return out;
  }

  // The oracle: each dossier's latest document mapped with the council date chosen for it, as a screening did
  // before facts were stored, encoded as the stored row.
  async function fromDocuments(): Promise<Map<string, StoredRow>> {
    const out = new Map<string, StoredRow>();
    for (const round of rounds) {
      const ids = (await rows<{ id: string }>('SELECT id FROM dossiers WHERE round_id = $1', [round.id])).map(
        (r) => r.id,
      );
      for (const d of await repository.documentsByIds(dataSource.manager, ids)) {
        const recorded = { decision: d.decisionCouncilDate, facility: d.facilityCouncilDate };
        const council = councilDateOf(d.document.councilMeetingDate, recorded, round.parameters);
        const facts = dossierToFacts(d.document, { councilMeetingDate: heldDate(council) });
        const evaluated = { evaluation: evaluateDossier(facts, round.parameters), council };
        const row = toStoredRow(evaluated, d, round.id, null, new RelianceSet());
        const { round_id: _round, screening_id: _screening, result, ...columns } = row;
        out.set(d.id, { ...columns, result: JSON.stringify(result) });
      }
    }
    return out;
  }

  const stale = async () => {
    let n = 0;
    for (const round of rounds)
      n += await staleFactsCount({ query: (sql, p) => db.client().query(sql, p) }, round.id, FACTS_FORMAT);
    return n;
  };

  it('stores the same rows with facts stored, missing, of another format and stale', async () => {
    expect(rounds.length).toBeGreaterThanOrEqual(2);
    expect(await stale()).toBe(0);
    const before = await fromDocuments();
    expect(before.size).toBeGreaterThanOrEqual(300);
    expect(await screenAll()).toEqual(before);
    // A varied set: every verdict occurs.
    const outcomes = new Set([...before.values()].map((r) => r.outcome));
    expect([...outcomes].sort()).toEqual(expect.arrayContaining(['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW']));

    const ids = [...before.keys()].sort();
    // A third without facts; a third whose facts are of another format (garbage if read); a third saved again without
    // conduct ratings or a council date of its own, their stored facts left at the version before.
    const third = Math.floor(ids.length / 3);
    await db.client().query('DELETE FROM dossier_facts WHERE dossier_id = ANY($1)', [ids.slice(0, third)]);
    await db
      .client()
      .query(`UPDATE dossier_facts SET format = $2, facts = '{"judgments":[]}' WHERE dossier_id = ANY($1)`, [
        ids.slice(third, 2 * third),
        FACTS_FORMAT + 1,
      ]);
    await db.client().query(
      `INSERT INTO dossier_versions (dossier_id, version, document, content_hash, created_by)
       SELECT v.dossier_id, v.version + 1,
              jsonb_set(v.document, '{conductRatings}', '[]'::jsonb) - 'councilMeetingDate', 'test-' || v.dossier_id, NULL
       FROM dossier_versions v WHERE v.dossier_id = ANY($1)
         AND v.version = (SELECT max(w.version) FROM dossier_versions w WHERE w.dossier_id = v.dossier_id)`,
      [ids.slice(2 * third)],
    );
    expect(await stale()).toBe(ids.length);
    const after = await fromDocuments();
    // The saved-again dossiers changed verdicts, so stale facts read would show; theirs take the council date from
    // elsewhere than the dossier.
    expect(after).not.toEqual(before);
    const sources = new Set(
      [...after.values()].map((r) => (JSON.parse(r.result) as { council: { source: string } }).council.source),
    );
    expect(sources.size).toBeGreaterThan(1);

    expect(await screenAll()).toEqual(after);
    // Their facts were written back, and the next screening reads them to the same rows.
    expect(await stale()).toBe(0);
    expect(await screenAll()).toEqual(after);
  }, 300_000);

  // Batches are written two at a time: a batch written while the one before it fails must not record its progress,
  // or a retry would continue past dossiers that have no result.
  it('records no progress past a failed batch, and a retry stores every dossier once', async () => {
    const audit = createStandaloneAudit(dataSource, loadConfig());
    const small = screeningService(audit.audit, 20);
    const [round] = await rows<{ id: string; n: number }>(
      'SELECT round_id AS id, count(*)::int AS n FROM dossiers GROUP BY 1 ORDER BY 2 DESC LIMIT 1',
    );
    expect(round.n).toBeGreaterThan(80);
    const ids = (await rows<{ id: string }>('SELECT id FROM dossiers WHERE round_id = $1 ORDER BY id', [round.id])).map(
      (r) => r.id,
    );
    // The second batch's first dossier cannot be stored until the fault is lifted.
    await db.client().query(`CREATE FUNCTION spec_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.dossier_id = '${ids[20]}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`);
    await db.client().query(`CREATE TRIGGER spec_refuse BEFORE INSERT ON eligibility_results
      FOR EACH ROW EXECUTE FUNCTION spec_refuse()`);
    const created = await small.create({ id: null, name: 'spec' }, null, round.id);
    const attempt = { attempt: 1, attempts: 2, finalAttempt: false, signal: new AbortController().signal };
    await expect(small.run(created.id, attempt)).rejects.toThrow('refused');
    const stored = async () =>
      rows<{ dossier_id: string }>('SELECT dossier_id FROM eligibility_results WHERE screening_id = $1', [created.id]);
    const [held] = await rows<{ done: number; resume_after: string }>(
      'SELECT done, resume_after FROM screenings WHERE id = $1',
      [created.id],
    );
    expect(held).toEqual({ done: 20, resume_after: ids[19] });
    expect((await stored()).map((r) => r.dossier_id).sort()).toEqual(ids.slice(0, 20));

    await db.client().query('DROP TRIGGER spec_refuse ON eligibility_results; DROP FUNCTION spec_refuse()');
    const done = await small.run(created.id, { ...attempt, attempt: 2, finalAttempt: true });
    expect(done).toMatchObject({ status: 'DONE', done: ids.length });
    expect((await stored()).map((r) => r.dossier_id).sort()).toEqual(ids);
    await audit.close();
  }, 120_000);
});
