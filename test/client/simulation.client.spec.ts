import { seedSimulation, startApp, type RunningApp, type SimulationSeed } from './compiled-support.js';
import { apiClient, ResponseChecker, type ApiClient } from './validating-client.js';

const HALF = { path: 'time.general.fraction.value', value: { numerator: 1, denominator: 2 } };

// A ministry's or the standing body's system drafting a round's parameters through the published API: every answer
// checked against its documented schema, every call typed by the generated client.
describe('typed client: simulating, comparing and adopting drafts of a round; the audit reports', () => {
  let app: RunningApp;
  let seed: SimulationSeed;
  let checker: ResponseChecker;
  let standing: ApiClient;

  const finished = async (id: string) => {
    for (let i = 0; i < 300; i++) {
      const { data } = await standing.GET('/api/simulations/{id}/progress', { params: { path: { id } } });
      if (data?.status === 'DONE' || data?.status === 'FAILED') return data;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`simulation ${id} did not finish`);
  };

  beforeAll(async () => {
    app = await startApp();
    seed = await seedSimulation(app);
    const spec = await (await fetch(`${app.baseUrl}/api/docs-json`)).json();
    checker = new ResponseChecker(spec);
    const login = await apiClient(app.baseUrl, checker).POST('/api/auth/login', {
      body: { username: seed.org.users.COUNCIL_STANDING_OFFICER, password: seed.password },
    });
    standing = apiClient(app.baseUrl, checker, login.data!.token);
  });
  afterAll(() => app.close());
  afterEach(() => expect(checker.failures).toEqual([]));

  it('simulates a draft, pages its changed verdicts, compares two drafts, adopts one and deletes the other', async () => {
    const created = await standing.POST('/api/simulations', {
      body: { name: 'Dự thảo A: tỷ lệ chung 1/2', roundCode: seed.roundCode, changes: [HALF] },
    });
    expect(created.response.status).toBe(202);
    const a = created.data!.id;
    const b = (
      await standing.POST('/api/simulations', {
        body: { name: 'Dự thảo B: bỏ diện đặc biệt', roundCode: seed.roundCode, changes: [] },
      })
    ).data!.id;
    expect((await finished(a)).status).toBe('DONE');
    expect((await finished(b)).status).toBe('DONE');

    const detail = await standing.GET('/api/simulations/{id}', { params: { path: { id: a } } });
    expect(detail.data?.figures?.total).toBe(seed.population);
    expect(detail.data?.figures?.changed.total).toBe(seed.changing);
    const page = await standing.GET('/api/simulations/{id}/changes', {
      params: { path: { id: a }, query: { limit: 2 } },
    });
    expect(page.data?.total).toBe(seed.changing);
    expect(page.data?.items).toHaveLength(2);
    const listed = await standing.GET('/api/simulations', { params: { query: {} } });
    expect(listed.data?.map((s) => s.id)).toEqual(expect.arrayContaining([a, b]));
    const compared = await standing.GET('/api/simulations/compare', { params: { query: { a, b } } });
    expect(compared.data?.parameters.map((d) => d.path)).toEqual(['time.general.fraction.value']);

    const adopted = await standing.POST('/api/simulations/{id}/adopt', {
      params: { path: { id: a } },
      body: { expectedVersion: detail.data!.version },
    });
    expect(adopted.data?.roundCode).toBe(seed.roundCode);
    // B was drafted on the round before A was adopted.
    const bVersion = (await standing.GET('/api/simulations/{id}', { params: { path: { id: b } } })).data!.version;
    const moved = await standing.POST('/api/simulations/{id}/adopt', {
      params: { path: { id: b } },
      body: { expectedVersion: bVersion },
    });
    expect(moved.response.status).toBe(409);
    expect(moved.error?.code).toBe('ROUND_CHANGED');
    const removed = await standing.DELETE('/api/simulations/{id}', {
      params: { path: { id: b } },
      body: { expectedVersion: bVersion },
    });
    expect(removed.response.status).toBe(204);
    expect(checker.checked.length).toBeGreaterThan(8);
  });

  it('reads the audit verification and the checkpoint signing key in their documented shapes', async () => {
    const key = await standing.GET('/api/audit/checkpoints');
    expect(key.data?.algorithm).toBe('Ed25519');
    const report = await standing.GET('/api/audit/verify');
    expect(report.response.status).toBe(200);
    expect(report.data?.checkpoints.keyId).toBe(key.data?.keyId);
    expect(report.data?.rowsChecked).toBeGreaterThan(0);
  });
});
