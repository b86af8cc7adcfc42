import { Role } from '../../src/auth/user.entity.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { campOf, client, forwardUp, presetRound, walkCamp } from '../browser/support/pipeline.js';
import type { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The department and the ministry choose which pending dossiers go up (Nghị định 76/2008/NĐ-CP, Điều 7, khoản 2,
// điểm b–c): only those move, through the one transition path, and the others wait for a later list.
describe('lists: forwarding the chosen dossiers of a hop', () => {
  let app: TestApp;
  let org: TestOrg;
  let round: { id: string; code: string };
  let department: HttpClient;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app.dataSource);
    round = await presetRound(app, org);
    department = await client(app, org.users[Role.DEPARTMENT_OFFICER]);
  });
  afterAll(() => app.close());

  const stagesOf = async (ids: string[]): Promise<string[]> => {
    const rows: { id: string; stage: string }[] = await app.dataSource.query(
      'SELECT id, stage FROM dossiers WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return ids.map((id) => rows.find((r) => r.id === id)!.stage);
  };
  const pendingOf = async (http: HttpClient) => (await http.get(`/api/lists/pending?roundId=${round.id}`)).body;

  it('forwards only the chosen dossiers in one transaction, one history and one audit row each; the rest stay pending', async () => {
    const camp = await walkCamp(app, campOf(org), round, ['Lương Văn Một', 'Lương Văn Hai', 'Lương Văn Ba']);
    const [first, kept, third] = camp.dossierIds;
    const before = await pendingOf(department);
    expect(before.count).toBe(3);

    const res = await department.post('/api/lists/forward', {
      token: before.token,
      roundId: round.id,
      dossierIds: [third, first],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ entryCount: 2, from: 'department', to: 'ministry' });
    expect(res.body.reconciliation).toEqual({
      namesIn: 3,
      forwarded: 2,
      forwardedHere: 2,
      removed: 0,
      sentBack: 0,
      pending: 1,
    });
    expect(await stagesOf([first, kept, third])).toEqual(['ministry', 'department', 'ministry']);
    const list = await department.get(`/api/lists/${res.body.listId}`);
    expect(list.body.entries.map((e: { dossierId: string }) => e.dossierId).sort()).toEqual([first, third].sort());

    const history: { dossier_id: string; list_id: string; tx: string }[] = await app.dataSource.query(
      `SELECT dossier_id, list_id, xmin::text AS tx FROM workflow_history
       WHERE dossier_id = ANY($1::uuid[]) AND event = 'forward' AND from_stage = 'department'`,
      [camp.dossierIds],
    );
    expect(history.map((h) => h.dossier_id).sort()).toEqual([first, third].sort());
    expect(new Set(history.map((h) => h.list_id))).toEqual(new Set([res.body.listId]));
    expect(new Set(history.map((h) => h.tx)).size).toBe(1);
    const audits: { entity_id: string }[] = await app.dataSource.query(
      `SELECT entity_id FROM audit_log WHERE action = 'workflow.forward' AND entity_id = ANY($1::text[])
         AND after->>'listId' = $2`,
      [camp.dossierIds, res.body.listId],
    );
    expect(audits.map((a) => a.entity_id).sort()).toEqual([first, third].sort());

    // The name left waits for the next list; that list accounts for the whole camp list it came on.
    const after = await pendingOf(department);
    expect(after.items.map((i: { dossierId: string }) => i.dossierId)).toEqual([kept]);
    const rest = await department.post('/api/lists/forward', { token: after.token, roundId: round.id });
    expect(rest.status).toBe(200);
    expect(rest.body.reconciliation).toMatchObject({ namesIn: 3, forwarded: 3, forwardedHere: 1, pending: 0 });
    const balance = await department.get(`/api/lists/${rest.body.listId}/reconciliation`);
    expect(balance.body).toMatchObject({ namesIn: 3, forwarded: 3, pending: 0, balanced: true });

    // Every name of either list traces back through the camp's list to the team ballot; the ministry may choose too.
    const [ministryList] = await forwardChosen(Role.MINISTRY_OFFICER, [kept]);
    const ministry = await client(app, org.users[Role.MINISTRY_OFFICER]);
    for (const [http, listId, names] of [
      [department, res.body.listId, [first, third]],
      [ministry, ministryList, [kept]],
    ] as const) {
      const lineage = await http.get(`/api/lists/${listId}/lineage`);
      expect(lineage.status).toBe(200);
      expect(lineage.body.entries).toHaveLength(names.length);
      for (const dossierId of names)
        expect(lineage.body.entries).toContainEqual(
          expect.objectContaining({
            dossierId,
            complete: true,
            ballot: expect.objectContaining({ meetingId: camp.meetingId }),
          }),
        );
    }
    expect(await stagesOf([first, kept, third])).toEqual(['ministry', 'appraisal', 'ministry']);
  });

  async function forwardChosen(role: Role, dossierIds: string[]): Promise<string[]> {
    const http = await client(app, org.users[role]);
    const pending = await pendingOf(http);
    const res = await http.post('/api/lists/forward', { token: pending.token, roundId: round.id, dossierIds });
    expect(res.status).toBe(200);
    return [res.body.listId];
  }

  it('refuses, naming them, chosen ids that do not wait at the hop or lie outside the caller’s scope; nothing moves', async () => {
    const elsewhere = await createTestOrg(app.dataSource);
    const [foreign] = (await walkCamp(app, campOf(elsewhere), round, ['Đinh Văn Ngoài'])).dossierIds;
    const [own] = (await walkCamp(app, campOf(org), round, ['Đinh Văn Trong'])).dossierIds;
    const atMinistry: string = (
      await app.dataSource.query("SELECT id FROM dossiers WHERE facility_id = $1 AND stage = 'ministry' LIMIT 1", [
        org.facility.id,
      ])
    )[0].id;
    const before = await pendingOf(department);
    const audits = async () =>
      Number((await app.dataSource.query("SELECT count(*) AS n FROM audit_log WHERE action = 'list.forward'"))[0].n);
    const auditsBefore = await audits();

    const res = await department.post('/api/lists/forward', {
      token: before.token,
      roundId: round.id,
      dossierIds: [own, foreign, atMinistry],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_CHOICE');
    expect(res.body.message).toContain('Trường "dossierIds" có 2 hồ sơ không nằm trong danh sách chờ chuyển');
    expect(res.body.message).toContain(foreign);
    expect(res.body.message).toContain(atMinistry);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['dossierIds[1]', 'dossierIds[2]']);
    expect(await stagesOf([own, foreign, atMinistry])).toEqual(['department', 'department', 'ministry']);
    expect((await pendingOf(department)).token).toBe(before.token);
    expect(await audits()).toBe(auditsBefore);

    // An empty or repeated choice is refused at the edge, by its field.
    for (const dossierIds of [[], [own, own], ['không-phải-mã']]) {
      const bad = await department.post('/api/lists/forward', { token: before.token, roundId: round.id, dossierIds });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.errors)).toContain('dossierIds');
    }
    await forwardUp(app, [org.users[Role.DEPARTMENT_OFFICER]], round.id);
  });

  it('refuses a choice at the hops that send their whole list up', async () => {
    const appraiser = await client(app, org.users[Role.APPRAISER]);
    const pending = await pendingOf(appraiser);
    const [one] = pending.items.map((i: { dossierId: string }) => i.dossierId);
    const res = await appraiser.post('/api/lists/forward', {
      token: pending.token,
      roundId: round.id,
      dossierIds: [one],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_CHOICE');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'dossierIds', code: 'notAllowed' })]);
    expect(res.body.message).toContain('chỉ Cục và Bộ được chọn từng hồ sơ');
    expect((await pendingOf(appraiser)).token).toBe(pending.token);
  });
});
