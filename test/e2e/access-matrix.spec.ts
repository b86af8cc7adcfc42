import { Role } from '../../src/auth/user.entity.js';
import { appRoutes } from '../support/app-routes.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ALL_ROLES } from './access/oracle.js';
import { ROWS, type Outcome, type Request, type Row } from './access/rows.js';
import { buildWorld, Position, session, type World } from './access/world.js';

interface Cell {
  route: string;
  subject: Role | 'anonymous';
  target: string;
  op: 'read' | 'write';
  expected: Outcome;
  actual: Outcome;
}

// Every route of the application × every role (and no session) × the records it addresses in the caller's own unit,
// another facility, another department and another ministry, for reads and writes. A route the router answers but the
// matrix has no row for fails the test, so a new endpoint cannot ship without its access rules being written down.
describe('access matrix', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  }, 600_000);
  afterAll(() => t?.close());

  it('has a row for every route the router answers, and no row for a route that does not exist', () => {
    const routed = appRoutes(t.app);
    const rows = ROWS.map((row) => row.route);
    expect(rows.length).toBe(new Set(rows).size);
    expect({ withoutRow: routed.filter((route) => !rows.includes(route)) }).toEqual({ withoutRow: [] });
    expect({ rowWithoutRoute: rows.filter((route) => !routed.includes(route)) }).toEqual({ rowWithoutRoute: [] });
  });

  const send = async (
    request: Request,
    token: string | null,
    csrf: string,
  ): Promise<{ status: number; body: unknown; location: string }> => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    let body: BodyInit | undefined;
    if (request.upload) {
      const data = new FormData();
      data.append('file', new Blob([request.upload as BlobPart], { type: 'application/pdf' }), 'van-ban.pdf');
      body = data;
    } else if (request.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.body).replace('"{csrf}"', JSON.stringify(csrf));
    }
    const response = await fetch(`${t.baseUrl}${request.path}`, {
      method: request.method,
      headers,
      body,
      redirect: 'manual',
    });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text;
    return { status: response.status, body: json, location: response.headers.get('location') ?? '' };
  };

  // A document just requested is rendered before the next request, as a clerk waits for it: the matrix measures
  // scope, not how the queue copes with a burst.
  async function renderedIfQueued(answer: { status: number; body: unknown; location: string }, token: string) {
    const jobId =
      answer.status === 202
        ? (answer.body as { jobId?: string }).jobId
        : /^\/documents\/jobs\/([0-9a-f-]{36})/.exec(answer.location)?.[1];
    if (!jobId) return;
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const job = await send({ method: 'GET', path: `/api/documents/jobs/${jobId}` }, token, '');
      if (['completed', 'failed'].includes((job.body as { state: string }).state)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  function classify(row: Row, answer: { status: number; location: string }): Outcome {
    const { status } = answer;
    if (status === 401 || (status === 303 && answer.location.startsWith('/login'))) return 'login';
    if (status === 403) return 'forbidden';
    if (status === 404 || status === row.hiddenStatus) return 'hidden';
    if (status >= 500) return `status ${status}`;
    if (row.op === 'read') return status < 400 ? 'ok' : `status ${status}`;
    return 'ok';
  }

  async function cellsOf(row: Row): Promise<Cell[]> {
    const cells: Cell[] = [];
    const base = { route: row.route, op: row.op };
    // No session: only public routes answer; pages send to the login page, the API says 401.
    const anonymous = await send(row.request(w, null, row.targets?.(w)[0]), null, '');
    cells.push({
      ...base,
      subject: 'anonymous',
      target: '-',
      expected: row.access === 'public' ? (row.allowed ?? 'ok') : 'login',
      actual: classify(row, anonymous),
    });
    for (const role of ALL_ROLES) {
      const permitted = row.access === 'public' || row.access.includes(role);
      const sessionOf = async () => (row.ownSession ? session(t, w.own.users[role]) : w.clients.get(role)!);
      if (permitted && row.content) {
        for (const cell of row.content(w)) {
          const s = await sessionOf();
          const answer = await send(cell.request(w, role), s.token, s.csrf);
          await renderedIfQueued(answer, s.token);
          cells.push({
            ...base,
            subject: role,
            target: cell.target,
            expected: cell.expected(role),
            actual: cell.judge(answer.status, answer.body),
          });
        }
        continue;
      }
      const targets = row.targets?.(w) ?? [undefined];
      for (const target of targets) {
        const s = await sessionOf();
        const answer = await send(row.request(w, role, target), s.token, s.csrf);
        const expected: Outcome = !permitted
          ? 'forbidden'
          : target && !target.readers.has(role)
            ? 'hidden'
            : (row.allowed ?? 'ok');
        cells.push({ ...base, subject: role, target: target?.label ?? '-', expected, actual: classify(row, answer) });
      }
    }
    return cells;
  }

  it('answers every cell as the scope rules say: out of scope is 404, a role that may not act is 403', async () => {
    const cells: Cell[] = [];
    for (const row of ROWS) cells.push(...(await cellsOf(row)));
    const wrong = cells.filter((c) => c.expected !== c.actual);
    const count = (op: 'read' | 'write') => cells.filter((c) => c.op === op).length;
    process.stdout.write(
      `access matrix: ${ROWS.length} routes, ${cells.length} cells (${count('read')} read, ${count('write')} write), ${wrong.length} wrong\n`,
    );
    expect(wrong).toEqual([]);
    // Every position and every role is exercised.
    for (const position of Object.values(Position))
      expect(cells.some((c) => c.target.endsWith(position) && c.expected === 'hidden')).toBe(true);
    expect(cells.length).toBeGreaterThan(2000);
  }, 900_000);

  it('writes a ministry screening’s results only for that ministry’s dossiers', async () => {
    const counts: { position: string; n: number }[] = [];
    for (const position of Object.values(Position)) {
      const [{ n }] = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM eligibility_results WHERE screening_id = $1 AND dossier_id = $2',
        [w.screenings.ownMinistry, w.at[position].screenedDossierId],
      );
      counts.push({ position, n });
    }
    expect(counts).toEqual([
      { position: Position.OWN, n: 1 },
      { position: Position.OTHER_FACILITY, n: 1 },
      { position: Position.OTHER_DEPARTMENT, n: 1 },
      { position: Position.OTHER_MINISTRY, n: 0 },
    ]);
    const [{ n: adminCovered }] = await t.dataSource.query(
      'SELECT count(DISTINCT dossier_id)::int AS n FROM eligibility_results WHERE screening_id = $1 AND dossier_id = ANY($2)',
      [w.screenings.admin, Object.values(Position).map((p) => w.at[p].screenedDossierId)],
    );
    expect(adminCovered).toBe(4);
  });
});
