import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/user.entity.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { releasedPersons, type ReleasedPerson } from '../browser/support/release.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { formFields } from '../support/web-form.js';
import { Visitor } from '../support/web-visitor.js';

// The camp records the release of everyone granted on one day in one command (Luật Đặc xá 2018, Điều 18, khoản 3):
// one transaction through the transition table, per dossier one history row and two audit rows (the release and the
// certificate issued, as one release writes); any refusal refuses them all, named on its row, with nothing written.
describe('releases recorded for many granted persons at once', () => {
  let t: TestApp;
  let org: TestOrg;
  let people: ReleasedPerson[];
  let warden: HttpClient;

  const versionOf = async (dossierId: string): Promise<number> =>
    (await t.dataSource.query('SELECT version FROM dossiers WHERE id = $1', [dossierId]))[0].version;
  const row = async (p: ReleasedPerson, extra: Record<string, unknown> = {}) => ({
    dossierId: p.dossierId,
    version: await versionOf(p.dossierId),
    ...extra,
  });
  const release = (http: HttpClient, releases: unknown[], key?: string) =>
    http.post(
      '/api/certificates/releases',
      { releasedOn: '2025-09-01', releases },
      key ? { 'idempotency-key': key } : {},
    );
  const written = async (group: ReleasedPerson[]) => {
    const ids = group.map((p) => p.dossierId);
    const certificates = group.map((p) => p.certificateId);
    const [counts] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM workflow_history WHERE dossier_id = ANY($1::uuid[]) AND event = 'release') AS history,
              (SELECT count(*)::int FROM audit_log WHERE action = 'workflow.release' AND entity_id = ANY($1::text[])) AS moves,
              (SELECT count(*)::int FROM audit_log WHERE action = 'certificate.issue' AND entity_id = ANY($2::text[])) AS issued,
              (SELECT count(*)::int FROM amnesty_certificates WHERE id = ANY($2::uuid[]) AND released_on IS NOT NULL) AS released`,
      [ids, certificates],
    );
    return counts as { history: number; moves: number; issued: number; released: number };
  };
  const none = { history: 0, moves: 0, issued: 0, released: 0 };

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrg(t.dataSource);
    const walked = await releasedPersons(
      t,
      org,
      ['Trần Văn Hòa', 'Lý Thị Hạnh', 'Đỗ Minh Quân', 'Vũ Thị Lan', 'Ngô Văn Phúc', 'Hồ Văn Sơn', 'Kiều Thị Tâm'].map(
        (fullName, i) =>
          i === 4 ? { fullName, presentationUnitId: null } : { fullName, presentationUnitId: null, released: false },
      ),
    );
    people = walked.released;
    warden = new HttpClient(t.baseUrl);
    expect((await warden.login(org.users[Role.WARDEN], TEST_PASSWORD)).status).toBe(200);
  }, 240_000);
  afterAll(() => t?.close());

  it("refuses another camp's warden: not found on each row, nothing written", async () => {
    const other = new HttpClient(t.baseUrl);
    expect((await other.login(org.users.otherWarden, TEST_PASSWORD)).status).toBe(200);
    const res = await release(other, [await row(people[0]), await row(people[1])]);
    expect(res.status).toBe(404);
    expect(res.body.message).toContain('dòng 1, 2');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'releases[0].dossierId',
      'releases[1].dossierId',
    ]);
    expect(await written(people.slice(0, 2))).toEqual(none);
  });

  it('refuses a stale version with 409 naming the person and writes nothing', async () => {
    const res = await release(warden, [await row(people[0]), { ...(await row(people[1])), version: 1 }]);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('STALE_VERSION');
    expect(res.body.message).toContain('Lý Thị Hạnh');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'releases[1].version', code: 'stale' })]);
    expect(await written(people.slice(0, 2))).toEqual(none);
  });

  it('refuses a person already released, naming him, and writes nothing for the others', async () => {
    const res = await release(warden, [await row(people[0]), await row(people[4])]);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.message).toContain('Ngô Văn Phúc');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: expect.stringMatching(/^releases\[1\]\./) })]);
    expect(await written(people.slice(0, 1))).toEqual(none);
  });

  it('refuses a presentation unit that does not exist on its row', async () => {
    const res = await release(warden, [await row(people[0], { presentationUnitId: randomUUID() })]);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'releases[0].presentationUnitId', code: 'presentationUnitId' }),
    ]);
    expect(await written(people.slice(0, 1))).toEqual(none);
  });

  it('releases every person in one command, one history row and two audit rows each, and replays a retried key', async () => {
    const group = people.slice(0, 4);
    const rows = [
      await row(group[0], { presentationUnitId: org.localUnit.id }),
      await row(group[1]),
      await row(group[2]),
      await row(group[3]),
    ];
    const key = randomUUID();
    const res = await release(warden, rows, key);
    expect(res.status).toBe(200);
    expect(res.body.released).toBe(4);
    expect(res.body.releases.map((r: { certificateId: string }) => r.certificateId)).toEqual(
      group.map((p) => p.certificateId),
    );
    expect(res.body.releases.map((r: { version: number }) => r.version)).toEqual(rows.map((r) => r.version + 1));
    expect(await written(group)).toEqual({ history: 4, moves: 4, issued: 4, released: 4 });
    const stages: { stage: string }[] = await t.dataSource.query(
      'SELECT DISTINCT stage FROM dossiers WHERE id = ANY($1::uuid[])',
      [group.map((p) => p.dossierId)],
    );
    expect(stages).toEqual([{ stage: 'released' }]);
    const [named] = await t.dataSource.query(
      `SELECT to_char(released_on, 'YYYY-MM-DD') AS "releasedOn", presentation_unit_id AS unit, version
         FROM amnesty_certificates WHERE id = $1`,
      [group[0].certificateId],
    );
    expect(named).toEqual({ releasedOn: '2025-09-01', unit: org.localUnit.id, version: 2 });

    const replay = await release(warden, rows, key);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(res.body);
    expect(await written(group)).toEqual({ history: 4, moves: 4, issued: 4, released: 4 });
  });

  it('lets the page release everyone still waiting on one day, the day typed kept with the refusal', async () => {
    const rest = people.slice(5);
    const web = new Visitor(t.baseUrl);
    expect((await web.login(org.users[Role.WARDEN])).status).toBe(303);
    const fields = formFields(await (await web.send('GET', '/releases')).text(), 'release-all');
    expect(Object.keys(fields).filter((k) => k.endsWith('[dossierId]'))).toHaveLength(2);

    const refused = await web.send('POST', '/releases/all', { ...fields, releasedOn: '31/02/2025' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('value="31/02/2025"');
    expect(await written(rest)).toEqual(none);

    const done = await web.send('POST', '/releases/all', { ...fields, releasedOn: '02/09/2025' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/releases?msg=released');
    expect(await written(rest)).toEqual({ history: 2, moves: 2, issued: 2, released: 2 });
  });
});
