import type pg from 'pg';
import { Role } from '../../src/auth/user.entity.js';
import { AuditVerifier } from '../../src/audit/audit-verifier.js';
import { fileDossiers, startAuditedApp, type AuditedApp } from '../support/audited-app.js';

// On a busy API process every statement waits its turn of the event loop, so a stage command costs about as many
// turns as it makes round trips to the database: they are counted here, each statement sent on the pool's connections.
describe('a stage command on one dossier', () => {
  let app: AuditedApp;
  let ids: string[];
  const sent: string[] = [];

  beforeAll(async () => {
    app = await startAuditedApp({ RUN_WORKERS: 'false' });
    ids = await fileDossiers(app, ['Trần Văn Đếm', 'Lê Thị Lượt']);
    const pool = (app.t.dataSource.driver as unknown as { master: pg.Pool }).master;
    const counted = new WeakSet<pg.PoolClient>();
    pool.on('acquire', (client) => {
      if (counted.has(client)) return;
      counted.add(client);
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        const text = args[0];
        sent.push(typeof text === 'string' ? text : String((text as { text?: string }).text));
        return query(...args);
      };
    });
  }, 120_000);
  afterAll(() => app.close());

  const version = async (id: string): Promise<number> =>
    (await app.t.dataSource.query('SELECT version FROM dossiers WHERE id = $1', [id]))[0].version;

  it('moves it in at most six round trips, session check and commit included', async () => {
    const officer = await app.as(Role.TEAM_OFFICER);
    const v = await version(ids[0]);
    sent.length = 0;
    const res = await officer.post(`/api/dossiers/${ids[0]}/events`, { version: v, event: 'submit_for_ballot' });
    const trips = [...sent];
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dossierId: ids[0], from: 'application', to: 'team_ballot', version: v + 1 });
    // More than six fails with the statements that were sent, in order.
    expect(trips.length <= 6 ? [] : trips.map((t) => t.replace(/\s+/g, ' ').slice(0, 110))).toEqual([]);
    const history = await app.t.dataSource.query(
      'SELECT count(*)::int AS n FROM workflow_history WHERE dossier_id = $1',
      [ids[0]],
    );
    expect(history[0].n).toBe(1);
    const audit = await app.t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'workflow.submit_for_ballot'`,
      [ids[0]],
    );
    expect(audit[0].n).toBe(1);
  });

  it('answers a stale version with 409 and writes nothing', async () => {
    const officer = await app.as(Role.TEAM_OFFICER);
    const v = await version(ids[1]);
    const res = await officer.post(`/api/dossiers/${ids[1]}/events`, { version: v + 1, event: 'submit_for_ballot' });
    expect(res.status).toBe(409);
    expect(await version(ids[1])).toBe(v);
  });

  it('keeps the chain intact', async () => {
    const report = await app.t.app.get(AuditVerifier).verify();
    expect(report.ok).toBe(true);
  });
});
