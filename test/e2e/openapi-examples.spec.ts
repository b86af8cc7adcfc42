import { API_EXAMPLE_DAY } from '../../seeds/demo/api-examples.js';
import { Stage } from '../../src/workflow/core/stages.js';
import { useDemoApp } from '../seeds/support/demo-app.js';
import { HttpClient } from '../support/http-client.js';
import { redoclyLint } from '../support/redocly-lint.js';

type Operation = { operationId: string; requestBody?: { content: Record<string, { example?: any }> }; responses: any };

// The request examples of the API description are true: each fits its operation's schema (Redocly's
// no-invalid-media-type-examples, shown here to catch a broken one), and the examples of the main commands, sent as
// they stand to the demo data of the day the examples are dated from, are accepted with the documented status.
describe('request examples of the API description', () => {
  const { state, rows } = useDemoApp('api_examples', API_EXAMPLE_DAY);
  let spec: Record<string, any>;
  let operations: Map<string, Operation & { method: string; path: string }>;

  beforeAll(async () => {
    spec = await (await fetch(`${state.baseUrl}/api/docs-json`)).json();
    operations = new Map(
      Object.entries(spec.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => [op.operationId, { ...op, method, path }] as const),
      ),
    );
  });

  const exampleOf = (id: string) => {
    const op = operations.get(id);
    if (!op) throw new Error(`No operation ${id}`);
    return structuredClone(op.requestBody!.content['application/json'].example);
  };
  const successOf = (id: string) => Number(Object.keys(operations.get(id)!.responses).find((s) => s.startsWith('2')));
  // Accepted with the success status the description documents (and the refusal shown when not).
  const expectAccepted = (id: string, result: { status: number; body: unknown }) =>
    expect({ id, status: result.status, body: result.status >= 400 ? result.body : null }).toEqual({
      id,
      status: successOf(id),
      body: null,
    });
  const signedIn = async (username: string) => {
    const client = new HttpClient(state.baseUrl);
    const login = await client.login(username, exampleOf('AuthController_login').password);
    expect({ username, status: login.status }).toEqual({ username, status: 200 });
    return client;
  };

  it('has an example for every JSON request body; only file uploads go without', () => {
    const bodies = [...operations.values()].filter((op) => op.requestBody);
    expect(bodies.length).toBeGreaterThanOrEqual(31);
    const without = bodies.filter((op) => Object.values(op.requestBody!.content).some((m) => m.example === undefined));
    expect(without.map((op) => op.operationId).sort()).toEqual([
      'DossierSpreadsheetController_preview',
      'PublicVerificationController_upload',
    ]);
    for (const op of without) expect(Object.keys(op.requestBody!.content)).toEqual(['multipart/form-data']);
  });

  it('has each example checked against its schema by the lint, which reports one that breaks it', async () => {
    const broken = structuredClone(spec);
    const media = (path: string, method: string) => broken.paths[path][method].requestBody.content['application/json'];
    delete media('/api/auth/login', 'post').example.password;
    media('/api/dossiers', 'post').example.person.birthDate = 20040620;
    media('/api/team-meetings', 'post').example.record.chairman = 'Nguyễn Văn Hưng';
    const report = await redoclyLint(broken);
    const reported = report.problems
      .filter((p) => p.ruleId === 'no-invalid-media-type-examples')
      .map((p) => p.location[0].pointer)
      .sort();
    const at = (path: string, rest = '') =>
      `#/paths/${path.replaceAll('/', '~1')}/post/requestBody/content/application~1json/example${rest}`;
    expect(reported).toEqual([
      at('/api/auth/login'),
      at('/api/dossiers', '/person/birthDate'),
      at('/api/team-meetings', '/record/chairman'),
    ]);
  }, 120_000);

  it('signs in, imports the dossier, evaluates it and sends it to the team meeting as the examples say', async () => {
    const login = await new HttpClient(state.baseUrl).post('/api/auth/login', exampleOf('AuthController_login'));
    expect(login.status).toBe(successOf('AuthController_login'));
    const officer = await signedIn(login.body.user.username);

    const created = await officer.post('/api/dossiers', exampleOf('DossierController_create'));
    expect({ status: created.status, body: created.body }).toMatchObject({
      status: successOf('DossierController_create'),
      body: { version: 1 },
    });
    const evaluated = await officer.post('/api/eligibility/evaluate', exampleOf('EligibilityController_evaluate'));
    expectAccepted('EligibilityController_evaluate', evaluated);
    expect({ status: evaluated.body.status, failing: evaluated.body.failingRuleIds }).toEqual({
      status: 'ELIGIBLE',
      failing: [],
    });

    const event = exampleOf('DossierEventController_fire');
    expectAccepted('DossierEventController_fire', await officer.post(`/api/dossiers/${created.body.id}/events`, event));
    const [dossier] = await rows('SELECT stage, version FROM dossiers WHERE id = $1', [created.body.id]);
    expect(dossier).toEqual({ stage: Stage.TEAM_BALLOT, version: event.version + 1 });
  });

  it('creates a round, a unit and an account as the administrator from the examples', async () => {
    const admin = await signedIn('admin');
    for (const [id, path] of [
      ['RoundController_create', '/api/rounds'],
      ['OrgController_createUnit', '/api/org/units'],
      ['OrgController_createUser', '/api/users'],
    ]) {
      expectAccepted(id, await admin.post(path, exampleOf(id)));
    }
    const [round] = await rows('SELECT code FROM rounds WHERE code = $1', [exampleOf('RoundController_create').code]);
    expect(round).toBeDefined();
  });

  it('records an appraiser’s flag and opinion from the examples on a dossier of the list at appraisal', async () => {
    const [atAppraisal] = await rows<{ id: string }>(
      'SELECT id FROM dossiers WHERE stage = $1 ORDER BY inmate_number LIMIT 1',
      [Stage.APPRAISAL],
    );
    expect(atAppraisal).toBeDefined();
    const appraiser = await signedIn('thamdinh.ca');
    const flagged = await appraiser.post(
      `/api/appraisal/dossiers/${atAppraisal.id}/flags`,
      exampleOf('AppraisalController_flag'),
    );
    expectAccepted('AppraisalController_flag', flagged);
    const opinion = await appraiser.put(
      `/api/appraisal/dossiers/${atAppraisal.id}/opinion`,
      exampleOf('AppraisalController_opinion'),
    );
    expectAccepted('AppraisalController_opinion', opinion);
  });
});
