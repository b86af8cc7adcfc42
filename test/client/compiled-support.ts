// The client tests are compiled on their own, after their types are generated from the API description; they reach
// the test application and the factories through the already compiled test support instead of re-checking the whole
// source tree a second time.
export interface RunningApp {
  baseUrl: string;
  dataSource: { query(sql: string, params?: unknown[]): Promise<any[]> };
  close(): Promise<void>;
}

export interface TestOrgRefs {
  suffix: string;
  roundId: string;
  roundCode: string;
  facility: { id: string; code: string };
  team: { id: string; code: string };
  department: { id: string };
  users: Record<string, string>;
}

const load = <T>(path: string): Promise<T> => import(new URL(path, import.meta.url).href) as Promise<T>;

export async function startApp(): Promise<RunningApp> {
  const { startTestApp } = await load<{ startTestApp(): Promise<RunningApp> }>('../support/test-app.js');
  return startTestApp();
}

export async function createOrg(app: RunningApp): Promise<{ org: TestOrgRefs; password: string }> {
  const factory = await load<{ createTestOrg(ds: unknown): Promise<TestOrgRefs>; TEST_PASSWORD: string }>(
    '../factories/org.factory.js',
  );
  return { org: await factory.createTestOrg(app.dataSource), password: factory.TEST_PASSWORD };
}

export async function dossierFor(input: { roundCode: string; facilityCode: string; teamCode: string; name: string }) {
  const { buildDossier } = await load<{ buildDossier(o: Record<string, unknown>): Record<string, unknown> }>(
    '../factories/dossier.factory.js',
  );
  return buildDossier({
    roundCode: input.roundCode,
    facilityCode: input.facilityCode,
    teamCode: input.teamCode,
    person: { fullName: input.name },
  });
}

export interface SimulationSeed {
  org: TestOrgRefs;
  password: string;
  roundCode: string;
  // How many dossiers the population has, and how many change verdict when the general fraction goes from 1/3 to 1/2.
  population: number;
  changing: number;
}

export async function seedSimulation(app: RunningApp): Promise<SimulationSeed> {
  type Person = object;
  const population = await load<{
    seedSimulationRound(t: RunningApp): Promise<{ org: TestOrgRefs; roundCode: string }>;
    POPULATION: Person[];
    expectedVerdict(p: Person, fraction: number): string;
  }>('../simulation/simulation-population.js');
  const { org, roundCode } = await population.seedSimulationRound(app);
  const { TEST_PASSWORD } = await load<{ TEST_PASSWORD: string }>('../factories/org.factory.js');
  const changing = population.POPULATION.filter(
    (p) => population.expectedVerdict(p, 1 / 3) !== population.expectedVerdict(p, 1 / 2),
  ).length;
  return { org, password: TEST_PASSWORD, roundCode, population: population.POPULATION.length, changing };
}
