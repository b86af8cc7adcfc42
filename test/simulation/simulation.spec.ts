import pg from 'pg';
import { Role } from '../../src/auth/user.entity.js';
import type { SimulationFigures } from '../../src/simulation/simulation-figures.js';
import { TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { expectedVerdict, POPULATION, seedSimulationRound, type Person } from './simulation-population.js';

const STATUSES = ['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW'] as const;
const HALF = { path: 'time.general.fraction.value', value: { numerator: 1, denominator: 2 } };

// Counts by hand from the population's construction: no use of the engine or of the simulation's aggregation.
function expectedCounts(people: Person[], fraction: number) {
  const counts = { ELIGIBLE: 0, INELIGIBLE: 0, NEEDS_REVIEW: 0 };
  for (const p of people) counts[expectedVerdict(p, fraction)] += 1;
  return counts;
}

async function finished(client: HttpClient, id: string) {
  for (let i = 0; i < 300; i++) {
    const p = await client.get(`/api/simulations/${id}/progress`);
    if (p.body.status === 'DONE' || p.body.status === 'FAILED') return p.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('simulation did not finish');
}

describe('simulating a draft of a round over the dossiers in scope', () => {
  let t: TestApp;
  let org: TestOrg;
  let standing: HttpClient;
  let ministry: HttpClient;
  let admin: HttpClient;
  let roundCode: string;
  let ids: Map<Person, string>;

  beforeAll(async () => {
    t = await startTestApp();
    ({ org, roundCode, ids } = await seedSimulationRound(t));
    admin = new HttpClient(t.baseUrl);
    await admin.login(org.users[Role.ADMIN], TEST_PASSWORD);
    standing = new HttpClient(t.baseUrl);
    await standing.login(org.users[Role.COUNCIL_STANDING_OFFICER], TEST_PASSWORD);
    ministry = new HttpClient(t.baseUrl);
    await ministry.login(org.users[Role.MINISTRY_OFFICER], TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('counts each verdict under the base and the draft as the law gives them, with every breakdown adding up', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM eligibility_results');
    const created = await standing.post('/api/simulations', {
      name: 'Dự thảo: tỷ lệ chung 1/2',
      roundCode,
      changes: [HALF],
    });
    expect(created.status).toBe(202);
    expect((await finished(standing, created.body.id)).status).toBe('DONE');
    const sim = (await standing.get(`/api/simulations/${created.body.id}`)).body;
    const f = sim.figures as SimulationFigures;
    expect(f.total).toBe(POPULATION.length);
    expect(f.base).toEqual(expectedCounts(POPULATION, 1 / 3));
    expect(f.draft).toEqual(expectedCounts(POPULATION, 1 / 2));
    for (const s of STATUSES) expect(f.difference[s]).toBe(f.draft[s] - f.base[s]);
    // By sex and by facility, each row checked against the people of that row.
    for (const sex of ['MALE', 'FEMALE'] as const) {
      const row = f.breakdowns.sex.find((r) => r.key === sex)!;
      const people = POPULATION.filter((p) => p.sex === sex);
      expect(row.label).toBe(sex === 'MALE' ? 'Nam' : 'Nữ');
      expect(row.base).toEqual(expectedCounts(people, 1 / 3));
      expect(row.draft).toEqual(expectedCounts(people, 1 / 2));
    }
    const own = f.breakdowns.facility.find((r) => r.key === org.facility.id)!;
    expect(own.draft).toEqual(
      expectedCounts(
        POPULATION.filter((p) => p.facility === 'own'),
        1 / 2,
      ),
    );
    expect(f.breakdowns.ministry.map((r) => r.label).sort()).toEqual(['Bộ Công an', 'Bộ Quốc phòng']);
    expect(f.breakdowns.sentenceBand.map((r) => r.label)).toEqual(['Trên 7 năm đến 15 năm']);
    expect(f.breakdowns.offenceGroup).toHaveLength(1);
    expect(f.breakdowns.category.map((r) => r.key)).toEqual(['GENERAL']);
    // The people who change: MID and SHORT, who have served a third but not half; the time rule made the difference.
    const changing = POPULATION.filter((p) => expectedVerdict(p, 1 / 3) !== expectedVerdict(p, 1 / 2));
    expect(f.changed.total).toBe(changing.length);
    expect(f.changed.rules).toEqual([{ ruleId: 'R-COND-B', dossiers: changing.length }]);
    expect(f.changed.transitions).toEqual([{ from: 'ELIGIBLE', to: 'INELIGIBLE', dossiers: changing.length }]);
    const page = (await standing.get(`/api/simulations/${sim.id}/changes?limit=2&offset=0`)).body;
    expect(page.total).toBe(changing.length);
    expect(page.items).toHaveLength(2);
    const all = (await standing.get(`/api/simulations/${sim.id}/changes?limit=500`)).body.items;
    expect(all.map((c: { dossierId: string }) => c.dossierId).sort()).toEqual(changing.map((p) => ids.get(p)).sort());
    expect(all[0].reason).toContain('chưa đủ 1/2');
    // The preset's general fraction is of confidence K: every verdict rests on it, in base and draft alike.
    const timeValue = f.unverified.base.values.find((v) => v.ruleId === 'R-COND-B' && v.confidence === 'K');
    expect(timeValue?.dossiers).toBe(POPULATION.length);
    expect(STATUSES.reduce((n, s) => n + f.unverified.draft.dossiers[s], 0)).toBe(POPULATION.length);
    // Nothing was written to the dossiers' results.
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM eligibility_results')).toEqual(before);
  });

  it('lets a ministry simulate over its own facilities only, and never shows it a wider simulation', async () => {
    const created = await ministry.post('/api/simulations', { name: 'Bộ Công an: 1/2', roundCode, changes: [HALF] });
    expect(created.status).toBe(202);
    await finished(ministry, created.body.id);
    const f = (await ministry.get(`/api/simulations/${created.body.id}`)).body.figures as SimulationFigures;
    const mine = POPULATION.filter((p) => p.facility !== 'foreign');
    expect(f.total).toBe(mine.length);
    expect(f.draft).toEqual(expectedCounts(mine, 1 / 2));
    expect(f.breakdowns.ministry.map((r) => r.label)).toEqual(['Bộ Công an']);
    const national = (await standing.get('/api/simulations')).body as Array<{ id: string; scopeLabel: string }>;
    const wide = national.find((s) => s.scopeLabel === 'Toàn quốc')!;
    expect((await ministry.get(`/api/simulations/${wide.id}`)).status).toBe(404);
    expect((await ministry.get('/api/simulations')).body.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
    // The standing body sees the ministry's simulation (its facilities are within the national scope).
    expect((await standing.get(`/api/simulations/${created.body.id}`)).status).toBe(200);
    const officer = new HttpClient(t.baseUrl);
    await officer.login(org.users[Role.TEAM_OFFICER], TEST_PASSWORD);
    expect((await officer.get('/api/simulations')).status).toBe(403);
    expect((await officer.post('/api/simulations', { name: 'x', roundCode, changes: [] })).status).toBe(403);
  });

  it('refuses a draft the round validator refuses, naming the parameter, and an unknown path', async () => {
    const bad = await standing.post('/api/simulations', {
      name: 'Sai',
      roundCode,
      changes: [{ path: 'time.general.fraction.value', value: { numerator: 3, denominator: 2 } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('draft.time.general.fraction.value');
    const unknown = await standing.post('/api/simulations', {
      name: 'Sai',
      roundCode,
      changes: [{ path: 'time.general.fractoin.value', value: 1 }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ path: 'changes[0].path', code: 'unknownParameter' });
    expect(unknown.body.errors[0].message).toContain('không có tham số');
    const missing = await standing.post('/api/simulations', { name: 'Sai', roundCode: 'QD-KHONG-CO', changes: [] });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe('roundCode');
  });

  it('keeps drafts as saved objects: compared side by side, adopted once into a new round version, deleted, all audited', async () => {
    const a = (await standing.post('/api/simulations', { name: 'Dự thảo A', roundCode, changes: [HALF] })).body;
    const b = (
      await standing.post('/api/simulations', {
        name: 'Dự thảo B: bỏ diện đặc biệt',
        roundCode,
        changes: [{ path: 'specialCategories.value', value: [] }],
      })
    ).body;
    await finished(standing, a.id);
    await finished(standing, b.id);
    const compared = await standing.get(`/api/simulations/compare?a=${a.id}&b=${b.id}`);
    expect(compared.status).toBe(200);
    expect(compared.body.a.figures.draft).toEqual(expectedCounts(POPULATION, 1 / 2));
    // Nobody here claims a special category: dropping them changes no verdict.
    expect(compared.body.b.figures.draft).toEqual(expectedCounts(POPULATION, 1 / 3));
    expect(compared.body.parameters.map((d: { path: string }) => d.path).sort()).toEqual([
      'specialCategories.value',
      'time.general.fraction.value',
    ]);

    const round = (await admin.get(`/api/rounds/${roundCode}`)).body;
    const sim = (await standing.get(`/api/simulations/${a.id}`)).body;
    expect((await ministry.post(`/api/simulations/${a.id}/adopt`, { expectedVersion: sim.version })).status).toBe(403);
    const stale = await standing.post(`/api/simulations/${a.id}/adopt`, { expectedVersion: sim.version + 1 });
    expect(stale.status).toBe(409);
    const adopted = await standing.post(`/api/simulations/${a.id}/adopt`, { expectedVersion: sim.version });
    expect(adopted.status).toBe(200);
    expect(adopted.body).toEqual({ roundCode, roundVersion: round.version + 1 });
    const after = (await admin.get(`/api/rounds/${roundCode}`)).body;
    expect(after.parameters.time.general.fraction.value).toEqual({ numerator: 1, denominator: 2 });
    // B was drafted on the round before A was adopted: adopting it now would silently undo A.
    const bNow = (await standing.get(`/api/simulations/${b.id}`)).body;
    const moved = await standing.post(`/api/simulations/${b.id}/adopt`, { expectedVersion: bNow.version });
    expect(moved.status).toBe(409);
    expect(moved.body.code).toBe('ROUND_CHANGED');
    const again = await standing.post(`/api/simulations/${a.id}/adopt`, { expectedVersion: sim.version + 1 });
    expect(again.status).toBe(409);

    const removed = await standing.request('DELETE', `/api/simulations/${b.id}`, { expectedVersion: bNow.version });
    expect(removed.status).toBe(204);
    expect((await standing.get(`/api/simulations/${b.id}`)).status).toBe(404);
    const audit: Array<{ action: string; entity_id: string }> = await t.dataSource.query(
      `SELECT action, entity_id FROM audit_log WHERE entity_id = ANY($1) OR (action = 'round.update' AND entity_id = $2) ORDER BY seq`,
      [[a.id, b.id], round.id],
    );
    const actions = audit.map((r) => r.action);
    for (const action of [
      'simulation.create',
      'simulation.run',
      'simulation.adopt',
      'simulation.delete',
      'round.update',
    ])
      expect(actions).toContain(action);
  });

  it('exports the figures to Excel and the changed verdicts to CSV with a byte-order mark', async () => {
    const list = (await standing.get('/api/simulations')).body as Array<{ id: string; status: string; name: string }>;
    const done = list.find((s) => s.name === 'Dự thảo: tỷ lệ chung 1/2')!;
    const csv = await fetch(`${t.baseUrl}/api/simulations/${done.id}/changes.csv`, {
      headers: { authorization: `Bearer ${(standing as unknown as { token: string }).token}` },
    });
    expect(csv.status).toBe(200);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Cơ sở giam giữ,Số phạm nhân,Họ và tên,Kết quả theo tham số gốc,Kết quả theo dự thảo,Quy tắc,Lý do',
    );
    expect(lines).toHaveLength(
      1 + POPULATION.filter((p) => expectedVerdict(p, 1 / 3) !== expectedVerdict(p, 1 / 2)).length,
    );
    expect(lines[1]).toContain('Đủ điều kiện,Không đủ điều kiện,R-COND-B');
    const xlsx = await fetch(`${t.baseUrl}/api/simulations/${done.id}/figures.xlsx`, {
      headers: { authorization: `Bearer ${(standing as unknown as { token: string }).token}` },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const summary = book.getWorksheet('Tổng hợp')!;
    expect(summary.getCell('A7').value).toBe('Đủ điều kiện');
    expect(summary.getCell('C7').value).toBe(expectedCounts(POPULATION, 1 / 2).ELIGIBLE);
    expect(book.worksheets.map((w) => w.name)).toContain('giới tính');
  });

  it('ties every changed verdict to its simulation, dossier and facility, each statement checked as a whole', async () => {
    const list = (await standing.get('/api/simulations')).body as Array<{ id: string; name: string }>;
    const done = list.find((s) => s.name === 'Dự thảo: tỷ lệ chung 1/2')!;
    const owner = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await owner.connect();
    // Each case in a transaction of its own, rolled back: the saved simulation stays as it was for the other tests.
    const inTransaction = async <T>(work: () => Promise<T>): Promise<T> => {
      await owner.query('BEGIN');
      try {
        return await work();
      } finally {
        await owner.query('ROLLBACK');
      }
    };
    const count = async (where: string, value: string) =>
      Number(
        (await owner.query(`SELECT count(*) AS n FROM simulation_changes WHERE ${where} = $1`, [value])).rows[0].n,
      );
    try {
      const [change] = (
        await owner.query('SELECT * FROM simulation_changes WHERE simulation_id = $1 ORDER BY dossier_id LIMIT 1', [
          done.id,
        ])
      ).rows;
      expect(change).toBeDefined();
      const ghost = '00000000-0000-4000-8000-00000000dead';
      // A dossier of the round whose verdict this draft did not change: a row for it is new.
      const [other] = (
        await owner.query(
          `SELECT id FROM dossiers WHERE id NOT IN (SELECT dossier_id FROM simulation_changes WHERE simulation_id = $1)
           ORDER BY id LIMIT 1`,
          [done.id],
        )
      ).rows;
      const row = { simulation_id: done.id, dossier_id: other.id, facility_id: change.facility_id };
      for (const column of Object.keys(row) as Array<keyof typeof row>)
        await expect(
          inTransaction(() =>
            owner.query(
              `INSERT INTO simulation_changes (simulation_id, dossier_id, facility_id, base_status, draft_status, base_category, draft_category, rule_id, reason)
               VALUES ($1, $2, $3, 'ELIGIBLE', 'INELIGIBLE', 'GENERAL', 'GENERAL', 'R-COND-B', 'kiểm tra')`,
              Object.values({ ...row, [column]: ghost }),
            ),
          ),
        ).rejects.toThrow(/refers to a row that does not exist/);
      // The same row with every reference in place is accepted.
      await inTransaction(() =>
        owner.query(
          `INSERT INTO simulation_changes (simulation_id, dossier_id, facility_id, base_status, draft_status, base_category, draft_category, rule_id, reason)
           VALUES ($1, $2, $3, 'ELIGIBLE', 'INELIGIBLE', 'GENERAL', 'GENERAL', 'R-COND-B', 'kiểm tra')`,
          Object.values(row),
        ),
      );
      await expect(
        inTransaction(() => owner.query('UPDATE org_units SET id = $2 WHERE id = $1', [change.facility_id, ghost])),
      ).rejects.toThrow(/referenced by a simulation's changed verdicts/);
      await expect(
        inTransaction(() => owner.query('DELETE FROM org_units WHERE id = $1', [change.facility_id])),
      ).rejects.toThrow(/referenced by a simulation's changed verdicts/);
      // A deleted simulation takes its changed verdicts with it.
      const before = await count('simulation_id', done.id);
      expect(before).toBeGreaterThan(0);
      expect(
        await inTransaction(async () => {
          await owner.query('DELETE FROM simulations WHERE id = $1', [done.id]);
          return count('simulation_id', done.id);
        }),
      ).toBe(0);
      expect(await count('simulation_id', done.id)).toBe(before);
      // So does a deleted dossier (no code deletes one; the database keeps the rule all the same).
      expect(
        await inTransaction(async () => {
          for (const table of ['eligibility_results', 'dossier_facts', 'dossier_versions'])
            await owner.query(`DELETE FROM ${table} WHERE dossier_id = $1`, [change.dossier_id]);
          await owner.query('DELETE FROM dossiers WHERE id = $1', [change.dossier_id]);
          return count('dossier_id', change.dossier_id);
        }),
      ).toBe(0);
    } finally {
      await owner.end();
    }
  });

  it('leaves no changed verdict behind when a run fails after writing some, and says so in Vietnamese', async () => {
    const owner = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await owner.connect();
    const name = 'Dự thảo: hỏng khi ghi kết quả';
    // Whichever of 1/3 and 1/2 the round holds now (a draft is adopted above), the other changes the same verdicts.
    const now = (await admin.get(`/api/rounds/${roundCode}`)).body.parameters.time.general.fraction.value;
    const OTHER = { path: HALF.path, value: { numerator: 1, denominator: now.denominator === 2 ? 3 : 2 } };
    // The database refuses this one simulation's closing write, after its changed verdicts went in.
    await owner.query(`
      CREATE FUNCTION simulation_spec_refuse_finish() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'DONE' AND NEW.name = '${name}' THEN RAISE EXCEPTION 'refused by the spec'; END IF;
        RETURN NEW;
      END $$`);
    await owner.query(`CREATE TRIGGER trg_simulation_spec_refuse_finish BEFORE UPDATE ON simulations
      FOR EACH ROW EXECUTE FUNCTION simulation_spec_refuse_finish()`);
    try {
      const created = await standing.post('/api/simulations', { name, roundCode, changes: [OTHER] });
      expect(created.status).toBe(202);
      const progress = await finished(standing, created.body.id);
      expect(progress.status).toBe('FAILED');
      expect(progress.error).toBe('Mô phỏng không chạy xong do lỗi hệ thống; hãy chạy lại.');
      const [{ n }] = (
        await owner.query('SELECT count(*)::int AS n FROM simulation_changes WHERE simulation_id = $1', [
          created.body.id,
        ])
      ).rows;
      expect(n).toBe(0);
      // The same draft under another name runs through, with the changes the failed run would have had.
      const again = await standing.post('/api/simulations', { name: `${name} (lần 2)`, roundCode, changes: [OTHER] });
      expect((await finished(standing, again.body.id)).status).toBe('DONE');
      const [{ m }] = (
        await owner.query('SELECT count(*)::int AS m FROM simulation_changes WHERE simulation_id = $1', [again.body.id])
      ).rows;
      expect(m).toBe(POPULATION.filter((p) => expectedVerdict(p, 1 / 3) !== expectedVerdict(p, 1 / 2)).length);
    } finally {
      await owner.query('DROP TRIGGER trg_simulation_spec_refuse_finish ON simulations');
      await owner.query('DROP FUNCTION simulation_spec_refuse_finish()');
      await owner.end();
    }
  });

  it('fails a run whose changed verdicts the database refuses, with nothing of it saved', async () => {
    const owner = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await owner.connect();
    const name = 'Dự thảo: hỏng khi ghi người đổi kết quả';
    await owner.query(`
      CREATE FUNCTION simulation_spec_refuse_changes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM new_rows n JOIN simulations s ON s.id = n.simulation_id WHERE s.name = '${name}') THEN
          RAISE EXCEPTION 'refused by the spec';
        END IF;
        RETURN NULL;
      END $$`);
    await owner.query(`CREATE TRIGGER trg_simulation_spec_refuse_changes AFTER INSERT ON simulation_changes
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION simulation_spec_refuse_changes()`);
    try {
      const now = (await admin.get(`/api/rounds/${roundCode}`)).body.parameters.time.general.fraction.value;
      const other = { path: HALF.path, value: { numerator: 1, denominator: now.denominator === 2 ? 3 : 2 } };
      const created = await standing.post('/api/simulations', { name, roundCode, changes: [other] });
      const progress = await finished(standing, created.body.id);
      expect(progress.status).toBe('FAILED');
      expect(progress.error).toBe('Mô phỏng không chạy xong do lỗi hệ thống; hãy chạy lại.');
      const sim = (await standing.get(`/api/simulations/${created.body.id}`)).body;
      expect(sim.figures).toBeNull();
      const [{ n }] = (
        await owner.query('SELECT count(*)::int AS n FROM simulation_changes WHERE simulation_id = $1', [
          created.body.id,
        ])
      ).rows;
      expect(n).toBe(0);
    } finally {
      await owner.query('DROP TRIGGER trg_simulation_spec_refuse_changes ON simulation_changes');
      await owner.query('DROP FUNCTION simulation_spec_refuse_changes()');
      await owner.end();
    }
  });
});
