import { Role } from '../../src/auth/user.entity.js';
import { TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { POPULATION, personDossier, seedSimulationRound } from '../simulation/simulation-population.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface ListAnswer {
  total: number;
  counts: Record<string, number>;
  countedAt: string | null;
  items: { id: string }[];
}

// A list matching more dossiers than LIST_EXACT_COUNT_LIMIT shows the counts last grouped for its round, says when,
// and has them taken again once older than LIST_COUNT_MAX_AGE_SECONDS; its rows are always current. Here the limit is
// one dossier, so a round of a few dossiers takes the grouped path; the counts are checked against SQL of their own.
describe('dossier list counts of a large list', () => {
  let t: TestApp;
  let org: TestOrg;
  let roundCode: string;
  let ministry: HttpClient;

  beforeAll(async () => {
    t = await startTestApp({ LIST_EXACT_COUNT_LIMIT: '1', LIST_COUNT_MAX_AGE_SECONDS: '1' });
    ({ org, roundCode } = await seedSimulationRound(t));
    ministry = new HttpClient(t.baseUrl);
    await ministry.login(org.users[Role.MINISTRY_OFFICER], TEST_PASSWORD);
  }, 120_000);
  afterAll(() => t.close());

  // The ministry officer's dossiers of the round, counted without the list's code.
  const inScope = async () => {
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM dossiers d JOIN rounds r ON r.id = d.round_id
       JOIN org_units f ON f.id = d.facility_id JOIN users u ON u.username = $2 JOIN org_units m ON m.id = u.org_unit_id
       WHERE r.code = $1 AND f.path LIKE m.path || '%'`,
      [roundCode, org.users[Role.MINISTRY_OFFICER]],
    );
    return n as number;
  };
  const list = async (client: HttpClient, query: Record<string, string>) => {
    const res = await client.get(`/api/dossiers?${new URLSearchParams({ roundCode, pageSize: '200', ...query })}`);
    expect(res.status).toBe(200);
    return res.body as ListAnswer;
  };

  it('shows the grouped counts with their time, the page saying so, and the current rows', async () => {
    const first = await list(ministry, {});
    const expected = await inScope();
    expect(expected).toBeGreaterThan(1);
    expect(expected).toBeLessThan(POPULATION.length);
    expect(first.total).toBe(expected);
    const byVerdict: { outcome: string | null; n: number }[] = await t.dataSource.query(
      `SELECT v.outcome, count(*)::int AS n FROM dossiers d JOIN rounds r ON r.id = d.round_id
       JOIN org_units f ON f.id = d.facility_id JOIN users u ON u.username = $2 JOIN org_units m ON m.id = u.org_unit_id
       LEFT JOIN dossier_verdicts v ON v.dossier_id = d.id
       WHERE r.code = $1 AND f.path LIKE m.path || '%' GROUP BY v.outcome`,
      [roundCode, org.users[Role.MINISTRY_OFFICER]],
    );
    expect(first.counts).toEqual(Object.fromEntries(byVerdict.map((r) => [r.outcome ?? 'NONE', r.n])));
    expect(first.countedAt).not.toBeNull();
    expect(Date.now() - Date.parse(first.countedAt!)).toBeLessThan(60_000);

    const html = String((await ministry.get(`/dossiers?roundCode=${roundCode}`)).body);
    expect(html).toContain(`Tìm thấy ${expected} hồ sơ`);
    expect(html).toMatch(
      /Số hồ sơ đếm theo số liệu lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(cập nhật sau mỗi 1 giây\); danh sách bên dưới là số liệu hiện tại\./,
    );
  });

  it('keeps the old counts for a moment after a change, then counts again behind the page', async () => {
    const before = await list(ministry, {});
    const warden = new HttpClient(t.baseUrl);
    await warden.login(org.users[Role.WARDEN], TEST_PASSWORD);
    const filed = await warden.post(
      '/api/dossiers',
      personDossier(POPULATION[0], { roundCode, facilityCode: org.facility.code }),
    );
    expect(filed.status).toBe(201);
    const now = await inScope();
    expect(now).toBe(before.total + 1);

    // Within the age: the counts are the grouped ones (one fewer, with the same time), the rows already current. A
    // grouping that had begun before the dossier was committed may already have replaced them, without it.
    const soon = await list(ministry, {});
    expect(soon.items).toHaveLength(now);
    if (soon.countedAt === before.countedAt) expect(soon.total).toBe(before.total);
    else expect([before.total, now]).toContain(soon.total);

    let latest = soon;
    for (let i = 0; i < 150 && latest.total !== now; i++) {
      await new Promise((r) => setTimeout(r, 200));
      latest = await list(ministry, {});
    }
    expect(latest.total).toBe(now);
    expect(latest.items).toHaveLength(now);
    expect(Date.parse(latest.countedAt!)).toBeGreaterThan(Date.parse(before.countedAt!));
  });

  it('counts exactly what the grouped counts cannot answer: a name search and the national bodies', async () => {
    const named = await list(ministry, { q: 'Lê Thị' });
    expect(named.countedAt).toBeNull();
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM dossiers d JOIN rounds r ON r.id = d.round_id
       JOIN org_units f ON f.id = d.facility_id JOIN users u ON u.username = $2 JOIN org_units m ON m.id = u.org_unit_id
       WHERE r.code = $1 AND f.path LIKE m.path || '%' AND d.full_name LIKE '%Lê Thị%'`,
      [roundCode, org.users[Role.MINISTRY_OFFICER]],
    );
    expect(n).toBeGreaterThan(0);
    expect(named.total).toBe(n);
    expect(named.items).toHaveLength(n);

    const standing = new HttpClient(t.baseUrl);
    await standing.login(org.users[Role.COUNCIL_STANDING_OFFICER], TEST_PASSWORD);
    const national = await list(standing, {});
    expect(national.countedAt).toBeNull();
  });
});
