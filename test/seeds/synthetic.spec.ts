import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { canonicalHash } from '../../src/kernel/hash.js';
import type { DossierDocument } from '../../src/dossiers/dossier-format.js';
import { DossierDto } from '../../src/dossiers/dossier.dto.js';
import { checkDossierSemantics } from '../../src/dossiers/dossier-semantics.js';
import { loadSynthetic } from '../../seeds/synthetic/synthetic-loader.js';
import { useFreshDatabase } from './support/fresh-database.js';

describe('synthetic generator', () => {
  const db = useFreshDatabase('synthetic_seed');
  const rows = async (sql: string, params: unknown[] = []) => (await db.client().query(sql, params)).rows;
  const count = async (sql: string) => Number((await rows(sql))[0].n);

  it('loads 500 full dossiers by COPY with every kind of child row', async () => {
    const stats = await loadSynthetic({
      databaseUrl: db.url(),
      dossiers: 500,
      batchSize: 200,
      lanes: 2,
      workers: 1,
      seed: 3,
    });
    expect(stats).toMatchObject({ roundCode: 'TH-QD-1244-2025', writer: 'copy', dossiers: 500 });
    const roundId = (await rows(`SELECT id FROM rounds WHERE code = 'TH-QD-1244-2025'`))[0].id;
    expect(await count(`SELECT count(*) AS n FROM dossiers WHERE round_id = '${roundId}'`)).toBe(500);
    for (const table of ['dossier_judgments', 'dossier_offences', 'dossier_versions', 'dossier_facts']) {
      expect(await count(`SELECT count(DISTINCT dossier_id) AS n FROM ${table}`)).toBe(500);
    }
    expect(await count(`SELECT count(*) AS n FROM dossier_intervals`)).toBeGreaterThanOrEqual(1500);
    const ratings = await count(`SELECT count(*) AS n FROM dossier_conduct_ratings`);
    expect(ratings / 500).toBeGreaterThanOrEqual(6);
    expect(ratings / 500).toBeLessThanOrEqual(16);
    expect(
      await count(`SELECT max(c) AS n FROM (SELECT count(*) AS c FROM dossier_conduct_ratings GROUP BY dossier_id) x`),
    ).toBeLessThanOrEqual(16);
    expect(await count(`SELECT count(*) AS n FROM dossier_obligations`)).toBeGreaterThanOrEqual(500);
    expect(await count(`SELECT count(*) AS n FROM dossier_enforcement_decisions`)).toBeGreaterThanOrEqual(500);
    expect(await count(`SELECT count(*) AS n FROM dossier_special_circumstances`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM dossier_evidence_documents`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM dossier_prior_convictions`)).toBeGreaterThan(0);
    const written = Number(
      (
        await rows(`SELECT
      (SELECT count(*) FROM dossiers) + (SELECT count(*) FROM dossier_judgments) + (SELECT count(*) FROM dossier_offences)
      + (SELECT count(*) FROM dossier_intervals) + (SELECT count(*) FROM dossier_reductions) + (SELECT count(*) FROM dossier_conduct_ratings)
      + (SELECT count(*) FROM dossier_discipline) + (SELECT count(*) FROM dossier_prior_convictions) + (SELECT count(*) FROM dossier_obligations)
      + (SELECT count(*) FROM dossier_enforcement_decisions) + (SELECT count(*) FROM dossier_special_circumstances)
      + (SELECT count(*) FROM dossier_evidence_documents) + (SELECT count(*) FROM dossier_versions)
      + (SELECT count(*) FROM dossier_facts) AS n`)
      )[0].n,
    );
    expect(written).toBe(stats.rows);
  }, 120_000);

  it('spreads the dossiers over about a hundred facilities of every kind, each team inside its facility', async () => {
    expect(await count(`SELECT count(*) AS n FROM org_units WHERE kind = 'FACILITY' AND code LIKE 'SYN-%'`)).toBe(100);
    expect(await count(`SELECT count(DISTINCT facility_kind) AS n FROM org_units WHERE code LIKE 'SYN-%'`)).toBe(5);
    expect(await count(`SELECT count(DISTINCT facility_id) AS n FROM dossiers`)).toBeGreaterThan(40);
    expect(
      await count(`SELECT count(*) AS n FROM dossiers d JOIN org_units t ON t.id = d.team_id JOIN org_units f ON f.id = d.facility_id
      WHERE t.path NOT LIKE f.path || '%'`),
    ).toBe(0);
  });

  it('stores versions whose hash is the canonical hash of the stored document, and documents that pass validation', async () => {
    const sample: { document: DossierDocument; content_hash: string }[] = await rows(
      `SELECT document, content_hash FROM dossier_versions ORDER BY dossier_id LIMIT 60`,
    );
    for (const v of sample) {
      expect(canonicalHash(v.document)).toBe(v.content_hash);
      expect(
        await validate(plainToInstance(DossierDto, v.document), { whitelist: true, forbidNonWhitelisted: true }),
      ).toEqual([]);
      expect(checkDossierSemantics(v.document)).toEqual([]);
    }
  });

  it('adds to the same round on a second run with the project writer, without clashing inmate numbers', async () => {
    const stats = await loadSynthetic({ databaseUrl: db.url(), dossiers: 120, batchSize: 60, writer: 'bulk', seed: 4 });
    expect(stats.writer).toBe('bulk');
    expect(await count(`SELECT count(*) AS n FROM dossiers`)).toBe(620);
    expect(await count(`SELECT count(*) AS n FROM dossier_versions`)).toBe(620);
    expect(await count(`SELECT count(*) AS n FROM rounds`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'seed.synthetic'`)).toBe(2);
  }, 120_000);

  it('screens the whole round when asked to, storing one verdict per dossier', async () => {
    const stats = await loadSynthetic({
      databaseUrl: db.url(),
      dossiers: 30,
      batchSize: 30,
      workers: 0,
      seed: 6,
      screen: true,
    });
    expect(stats.screening?.dossiers).toBe(650);
    const outcomes = await rows(
      `SELECT outcome, count(*)::int AS n FROM eligibility_results WHERE round_id = $1 GROUP BY outcome ORDER BY outcome`,
      [stats.roundId],
    );
    expect(Object.fromEntries(outcomes.map((r) => [r.outcome, r.n]))).toEqual(stats.screening?.outcomes);
    expect(outcomes.reduce((s, r) => s + r.n, 0)).toBe(650);
    expect(await count(`SELECT count(DISTINCT dossier_id) AS n FROM eligibility_results`)).toBe(650);
  }, 120_000);
});
