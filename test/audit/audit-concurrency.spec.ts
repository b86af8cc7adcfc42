import { Role } from '../../src/auth/user.entity.js';
import { AuditVerifier } from '../../src/audit/audit-verifier.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { TEST_PASSWORD } from '../factories/org.factory.js';
import { advanceToAppraisal, fileDossiers, startAuditedApp, type AuditedApp } from '../support/audited-app.js';
import { HttpClient, type HttpResult } from '../support/http-client.js';

// 100 commands of every kind that appends to the audit chain, sent at once: each succeeds or fails for its own
// reason (a stale version, a throttled login), none with a 500, and the chain verifies afterwards.
describe('audit chain under concurrent appends', () => {
  let app: AuditedApp;
  let appraisal: string[];
  let meetingId: string;
  let waiting: string[];

  beforeAll(async () => {
    app = await startAuditedApp({ RUN_WORKERS: 'false' });
    ({ ids: appraisal, meetingId } = await advanceToAppraisal(app, ['Lý Văn Phúc', 'Đinh Thị Quế']));
    waiting = await fileDossiers(
      app,
      Array.from({ length: 16 }, (_, i) => `Phạm nhân chờ ${i + 1}`),
    );
  }, 120_000);
  afterAll(() => app.close());

  it('never collides: 100 parallel commands, no 500, an intact chain', async () => {
    const officer = await app.as(Role.TEAM_OFFICER);
    const appraiser = await app.as(Role.APPRAISER);
    const versions = new Map<string, number>(
      (await app.t.dataSource.query('SELECT id, version FROM dossiers WHERE id = ANY($1::uuid[])', [waiting])).map(
        (r: { id: string; version: number }) => [r.id, r.version],
      ),
    );
    const [{ before }] = await app.t.dataSource.query('SELECT count(*)::int AS before FROM audit_log');

    const commands: { kind: string; send: () => Promise<HttpResult>; ok: number[] }[] = [];
    for (let i = 0; i < 20; i += 1) {
      // The case: one user asking for many documents at once.
      commands.push({
        kind: 'document',
        ok: [202],
        send: () =>
          officer.post('/api/documents', {
            kind: 'team-minutes',
            sourceType: 'team-meeting',
            sourceId: meetingId,
            number: `${i + 10}/BB-Đ1`,
            signer: { title: 'Thư ký', name: 'Lê Văn Bình' },
          }),
      });
      // Sixteen dossiers, four of them twice: the second of a pair is stale (409), for its own reason.
      const dossierId = waiting[i % waiting.length];
      commands.push({
        kind: 'transition',
        ok: [200, 409],
        send: () =>
          officer.post(`/api/dossiers/${dossierId}/events`, {
            version: versions.get(dossierId),
            event: 'submit_for_ballot',
          }),
      });
      commands.push({
        kind: 'flag',
        ok: [201],
        send: () =>
          appraiser.post(`/api/appraisal/dossiers/${appraisal[i % appraisal.length]}/flags`, {
            field: 'person.birthDate',
            kind: 'content',
            message: `Đối chiếu ngày sinh với bản án (lần ${i + 1})`,
          }),
      });
      commands.push({
        kind: 'import',
        ok: [201],
        send: () =>
          officer.post(
            '/api/dossiers',
            buildDossier({
              roundCode: app.org.roundCode,
              facilityCode: app.org.facility.code,
              teamCode: app.org.team.code,
              person: { fullName: `Phạm nhân mới ${i + 1}` },
            }),
          ),
      });
      const role = [Role.TEAM_OFFICER, Role.WARDEN, Role.APPRAISER, Role.DEPARTMENT_OFFICER][i % 4];
      commands.push({
        kind: 'login',
        // A burst of sign-ins may be throttled: a reason of its own, not a collision.
        ok: [200, 429],
        send: () => new HttpClient(app.t.baseUrl).login(app.org.users[role], TEST_PASSWORD),
      });
    }
    expect(commands).toHaveLength(100);

    const results = await Promise.all(commands.map((c) => c.send()));
    const unexpected = results
      .map((r, i) => ({ kind: commands[i].kind, status: r.status, body: r.body }))
      .filter((r, i) => !commands[i].ok.includes(r.status));
    expect(unexpected).toEqual([]);
    const succeeded = (kind: string) => results.filter((r, i) => commands[i].kind === kind && r.status < 300).length;
    expect(succeeded('document')).toBe(20);
    expect(succeeded('transition')).toBe(16);
    expect(succeeded('flag')).toBe(20);
    expect(succeeded('import')).toBe(20);
    expect(succeeded('login')).toBeGreaterThan(0);

    const [{ after }] = await app.t.dataSource.query('SELECT count(*)::int AS after FROM audit_log');
    expect(after - before).toBeGreaterThanOrEqual(results.filter((r) => r.status < 300).length);
    const report = await app.t.app.get(AuditVerifier).verify();
    expect(report.breaks).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checkpoints.latestSeq).toBe(report.lastSeq);
    // A hundred commands at once on two cores: minutes, not seconds, when the machine is busy.
  }, 240_000);
});
