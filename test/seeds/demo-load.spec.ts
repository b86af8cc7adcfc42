import { verifyPassword } from '../../src/auth/password.js';
import { Role } from '../../src/auth/user.entity.js';
import { DEMO_PASSWORD } from '../../seeds/demo/accounts.js';
import { loadDemoDataIfEmpty } from '../../seeds/demo/load-demo.js';
import { loadSynthetic } from '../../seeds/synthetic/synthetic-loader.js';
import { useFreshDatabase } from './support/fresh-database.js';

describe('loadDemoDataIfEmpty', () => {
  const db = useFreshDatabase('demo_seed');
  const count = async (sql: string) => Number((await db.client().query(sql)).rows[0].n);

  it('loads the organisation, accounts, rounds and dossiers into an empty database', async () => {
    const result = await loadDemoDataIfEmpty(db.url(), '2026-12-03');
    expect(result.loaded).toBe(true);
    expect(result.summary).toMatch(/\d+ hồ sơ/);
    expect(await count(`SELECT count(*) AS n FROM org_units WHERE kind = 'MINISTRY'`)).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM org_units WHERE kind = 'DEPARTMENT'`)).toBeGreaterThanOrEqual(4);
    expect(await count(`SELECT count(*) AS n FROM org_units WHERE kind = 'FACILITY'`)).toBeGreaterThanOrEqual(6);
    expect(
      await count(`SELECT count(DISTINCT facility_kind) AS n FROM org_units WHERE kind = 'FACILITY'`),
    ).toBeGreaterThanOrEqual(4);
    expect(await count(`SELECT count(DISTINCT role) AS n FROM users`)).toBe(Object.values(Role).length);
    expect(await count(`SELECT count(*) AS n FROM rounds`)).toBe(3);
    expect(await count(`SELECT count(*) AS n FROM dossiers`)).toBeGreaterThanOrEqual(400);
  }, 60_000);

  it('writes every child row, a first version per dossier and an audit row for everything created', async () => {
    const dossiers = await count(`SELECT count(*) AS n FROM dossiers`);
    expect(await count(`SELECT count(*) AS n FROM dossier_versions WHERE version = 1`)).toBe(dossiers);
    expect(await count(`SELECT count(DISTINCT dossier_id) AS n FROM dossier_judgments`)).toBe(dossiers);
    expect(await count(`SELECT count(DISTINCT dossier_id) AS n FROM dossier_intervals`)).toBe(dossiers);
    expect(await count(`SELECT count(*) AS n FROM dossier_special_circumstances`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM dossier_enforcement_decisions`)).toBeGreaterThan(dossiers);
    expect(
      await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'dossier.create' AND actor_name = 'seed'`),
    ).toBe(dossiers);
    expect(await count(`SELECT count(*) AS n FROM dossiers WHERE stage <> 'application'`)).toBe(0);
    const mismatched = await count(`SELECT count(*) AS n FROM dossiers d JOIN org_units t ON t.id = d.team_id
      JOIN org_units f ON f.id = d.facility_id WHERE t.path NOT LIKE f.path || '%'`);
    expect(mismatched).toBe(0);
  });

  it('stores the round presets and deadlines', async () => {
    const { rows } = await db
      .client()
      .query(
        `SELECT code, parameters->>'code' AS preset, deadlines->>'postingDate' AS posted FROM rounds ORDER BY code`,
      );
    expect(rows).toEqual([
      { code: 'DOT-2009-2', preset: 'DOT-2009-2', posted: '2009-07-10' },
      { code: 'DOT-MINH-HOA', preset: 'DOT-MINH-HOA', posted: '2026-11-29' },
      { code: 'QD-1244-2025', preset: 'QD-1244-2025', posted: '2025-07-07' },
    ]);
  });

  it('hashes the documented demo password for every account', async () => {
    const { rows } = await db
      .client()
      .query(`SELECT password_hash FROM users WHERE username IN ('giamthi.tx', 'thamdinh.vks', 'admin')`);
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(await verifyPassword(DEMO_PASSWORD, r.password_hash)).toBe(true);
  });

  it('leaves a database that already has data alone and still lists the accounts', async () => {
    const before = await count(`SELECT count(*) AS n FROM dossiers`);
    const result = await loadDemoDataIfEmpty(db.url(), '2026-12-03');
    expect(result.loaded).toBe(false);
    expect(result.accounts.map((a) => a.username)).toContain('admin');
    expect(await count(`SELECT count(*) AS n FROM dossiers`)).toBe(before);
  });

  it('lets a synthetic load reuse the demo ministries and departments instead of duplicating them', async () => {
    await loadSynthetic({ databaseUrl: db.url(), dossiers: 40, batchSize: 20, workers: 0, seed: 5 });
    expect(
      await count(`SELECT count(*) AS n FROM (SELECT name FROM org_units WHERE kind IN ('MINISTRY', 'DEPARTMENT')
      GROUP BY name HAVING count(*) > 1) x`),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM org_units WHERE kind = 'FACILITY' AND code LIKE 'SYN-%'`)).toBe(100);
    expect(
      await count(
        `SELECT count(*) AS n FROM dossiers d JOIN rounds r ON r.id = d.round_id WHERE r.code = 'TH-QD-1244-2025'`,
      ),
    ).toBe(40);
  }, 60_000);
});
