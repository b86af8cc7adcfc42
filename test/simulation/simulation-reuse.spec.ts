import { Role } from '../../src/auth/user.entity.js';
import type { SimulationFigures } from '../../src/simulation/simulation-figures.js';
import { TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  CUSTODY_FROM,
  expectedVerdict,
  personDossier,
  POPULATION,
  seedSimulationRound,
  type Person,
} from './simulation-population.js';

const HALF = { path: 'time.general.fraction.value', value: { numerator: 1, denominator: 2 } };
const TWO_FIFTHS = { path: 'time.general.fraction.value', value: { numerator: 2, denominator: 5 } };

function expectedCounts(people: Person[], fraction: number) {
  const counts = { ELIGIBLE: 0, INELIGIBLE: 0, NEEDS_REVIEW: 0 };
  for (const p of people) counts[expectedVerdict(p, fraction)] += 1;
  return counts;
}

// Everything but the account of the work done, which is what reuse changes.
function withoutWork(f: SimulationFigures): Omit<SimulationFigures, 'work'> {
  const { work: _work, ...rest } = f;
  return rest;
}

describe('a re-run reuses what did not change, and only that', () => {
  let t: TestApp;
  let org: TestOrg;
  let standing: HttpClient;
  let roundCode: string;
  let ids: Map<Person, string>;

  async function simulate(name: string, changes: unknown[]): Promise<SimulationFigures> {
    const created = await standing.post('/api/simulations', { name, roundCode, changes });
    expect(created.status).toBe(202);
    for (let i = 0; i < 300; i++) {
      const p = await standing.get(`/api/simulations/${created.body.id}/progress`);
      if (p.body.status === 'DONE') break;
      if (p.body.status === 'FAILED') throw new Error('simulation failed');
      await new Promise((r) => setTimeout(r, 100));
    }
    return (await standing.get(`/api/simulations/${created.body.id}`)).body.figures as SimulationFigures;
  }

  beforeAll(async () => {
    t = await startTestApp();
    ({ org, roundCode, ids } = await seedSimulationRound(t));
    standing = new HttpClient(t.baseUrl);
    await standing.login(org.users[Role.COUNCIL_STANDING_OFFICER], TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('gives identical figures when the same draft runs again, from outcomes already computed', async () => {
    const n = POPULATION.length;
    const first = await simulate('Lần đầu: 1/2', [HALF]);
    expect(first.work).toEqual({
      documentsRead: n,
      baseEvaluated: n,
      draftEvaluated: n,
      baseReused: 0,
      draftReused: 0,
    });
    const again = await simulate('Chạy lại: 1/2', [HALF]);
    expect(again.work).toEqual({
      documentsRead: 0,
      baseEvaluated: 0,
      draftEvaluated: 0,
      baseReused: n,
      draftReused: n,
    });
    expect(withoutWork(again)).toEqual(withoutWork(first));
    expect(again.draft).toEqual(expectedCounts(POPULATION, 1 / 2));
  });

  it('evaluates only the changed draft when one value changes, and its figures follow the new value', async () => {
    const n = POPULATION.length;
    const half = await simulate('Lại 1/2', [HALF]);
    const twoFifths = await simulate('Dự thảo: 2/5', [TWO_FIFTHS]);
    // The facts the threads kept from the runs before: nothing read again.
    expect(twoFifths.work).toEqual({
      documentsRead: 0,
      baseEvaluated: 0,
      draftEvaluated: n,
      baseReused: n,
      draftReused: 0,
    });
    expect(twoFifths.base).toEqual(half.base);
    expect(twoFifths.draft).toEqual(expectedCounts(POPULATION, 2 / 5));
    expect(twoFifths.draft).not.toEqual(half.draft);
    // Those who served 47 % pass under 2/5 but not under 1/2: the time rule no longer blocks them.
    expect(twoFifths.changed.total).toBe(half.changed.total - POPULATION.filter((p) => p.group === 'MID').length);
  });

  it('re-evaluates a dossier whose facts changed since its outcome was kept, and that dossier only', async () => {
    const n = POPULATION.length;
    const mid = POPULATION.find((p) => p.group === 'MID' && p.facility === 'own')!;
    const id = ids.get(mid)!;
    const warden = new HttpClient(t.baseUrl);
    await warden.login(org.users[Role.WARDEN], TEST_PASSWORD);
    const current = (await warden.get(`/api/dossiers/${id}`)).body;
    // Custody from the same day as the longest-serving: 76 % served, eligible under 1/2 as well.
    const longer = personDossier({ ...mid, group: 'LONG' }, { roundCode, facilityCode: org.facility.code });
    expect(longer.intervals[0].from).toBe(CUSTODY_FROM.LONG);
    const put = await warden.put(`/api/dossiers/${id}`, {
      expectedVersion: current.version,
      dossier: {
        ...current.document,
        intervals: longer.intervals,
        judgments: longer.judgments,
        conductRatings: longer.conductRatings,
      },
    });
    expect(put.status).toBe(200);
    const after = await simulate('Sau khi sửa hồ sơ: 1/2', [HALF]);
    expect(after.work).toEqual({
      documentsRead: 1,
      baseEvaluated: 1,
      draftEvaluated: 1,
      baseReused: n - 1,
      draftReused: n - 1,
    });
    const people = POPULATION.map((p) => (p === mid ? { ...p, group: 'LONG' as const } : p));
    expect(after.base).toEqual(expectedCounts(people, 1 / 3));
    expect(after.draft).toEqual(expectedCounts(people, 1 / 2));
  });

  it('simulates a dossier the workflow has moved on its saved content, and a move alone reads nothing again', async () => {
    const n = POPULATION.length;
    const officer = new HttpClient(t.baseUrl);
    await officer.login(org.users[Role.TEAM_OFFICER], TEST_PASSWORD);
    const created = await officer.post(
      '/api/dossiers',
      buildDossier({ roundCode, facilityCode: org.facility.code, teamCode: org.team.code }),
    );
    expect(created.status).toBe(201);
    // The move counts in the dossier row's version; the content is still version 1.
    const moved = await officer.post(`/api/dossiers/${created.body.id}/events`, {
      event: 'submit_for_ballot',
      version: 1,
    });
    expect(moved.status).toBe(200);
    const first = await simulate('Có hồ sơ đã chuyển bước', [HALF]);
    expect(first.total).toBe(n + 1);
    expect(first.work).toMatchObject({ documentsRead: 1, baseEvaluated: 1, draftEvaluated: 1 });
    const again = await simulate('Lại lần nữa', [HALF]);
    expect(again.work).toMatchObject({ documentsRead: 0, baseReused: n + 1, draftReused: n + 1 });
    expect(withoutWork(again)).toEqual(withoutWork(first));
  });
});
