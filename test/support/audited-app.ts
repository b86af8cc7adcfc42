import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../../src/auth/user.entity.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { createFreshDatabase, type FreshDatabase } from '../seeds/support/fresh-database.js';
import { HttpClient } from './http-client.js';
import { startTestApp, type TestApp } from './test-app.js';

// The real application on a database and an audit area (signing key, checkpoints) of its own, so its audit chain can
// be verified whole — or tampered with — without other suites' rows in the way.
export interface AuditedApp {
  t: TestApp;
  db: FreshDatabase;
  auditDir: string;
  storageDir: string;
  org: TestOrg;
  as(role: Role): Promise<HttpClient>;
  close(): Promise<void>;
}

export async function startAuditedApp(env: Record<string, string> = {}): Promise<AuditedApp> {
  const db = await createFreshDatabase(process.env.TEST_DATABASE_URL!, 'audited');
  const auditDir = mkdtempSync(join(tmpdir(), 'amnesty-audit-'));
  const storageDir = mkdtempSync(join(tmpdir(), 'amnesty-audit-docs-'));
  const t = await startTestApp({ AUDIT_DIR: auditDir, STORAGE_DIR: storageDir, ...env }, db.appUrl);
  const org = await createTestOrg(t.dataSource);
  const clients = new Map<Role, HttpClient>();
  return {
    t,
    db,
    auditDir,
    storageDir,
    org,
    async as(role: Role) {
      let client = clients.get(role);
      if (!client) {
        client = new HttpClient(t.baseUrl);
        const res = await client.login(org.users[role], TEST_PASSWORD);
        if (res.status !== 200) throw new Error(`login of ${role} answered ${res.status}`);
        clients.set(role, client);
      }
      return client;
    },
    async close() {
      await t.close();
      await db.drop();
      rmSync(auditDir, { recursive: true, force: true });
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}

function expectStatus(res: { status: number; body: unknown }, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
}

async function versionsOf(app: AuditedApp, ids: string[]): Promise<Map<string, number>> {
  const rows: { id: string; version: number }[] = await app.t.dataSource.query(
    'SELECT id, version FROM dossiers WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.version]));
}

export async function fileDossiers(app: AuditedApp, names: string[]): Promise<string[]> {
  const officer = await app.as(Role.TEAM_OFFICER);
  const ids: string[] = [];
  for (const fullName of names) {
    const created = await officer.post(
      '/api/dossiers',
      buildDossier({
        roundCode: app.org.roundCode,
        facilityCode: app.org.facility.code,
        teamCode: app.org.team.code,
        person: { fullName },
      }),
    );
    expectStatus(created, 201, 'import');
    ids.push(created.body.id);
  }
  return ids;
}

// Through the API, as the clerks would: filed, balloted, decided by the camp council, listed by the warden and
// consolidated by the department and the ministry, so every kind of protected row exists.
export async function advanceToAppraisal(
  app: AuditedApp,
  names: string[],
): Promise<{ ids: string[]; meetingId: string; campListId: string }> {
  const ids = await fileDossiers(app, names);
  const officer = await app.as(Role.TEAM_OFFICER);
  for (const id of ids) {
    const version = (await versionsOf(app, [id])).get(id)!;
    expectStatus(
      await officer.post(`/api/dossiers/${id}/events`, { version, event: 'submit_for_ballot' }),
      200,
      'submit',
    );
  }
  let versions = await versionsOf(app, ids);
  const meeting = await officer.post('/api/team-meetings', {
    roundId: app.org.roundId,
    teamId: app.org.team.id,
    meetingDate: '2025-07-12',
    membersPresent: 30,
    membersAbsent: 0,
    absentees: [],
    ballotsIssued: 30,
    ballotsReturned: 30,
    ballotsValid: 30,
    ballotsInvalid: 0,
    candidates: ids.map((dossierId) => ({
      dossierId,
      version: versions.get(dossierId),
      votesFor: 25,
      votesAgainst: 5,
      votesBlank: 0,
      officerOpinion: 'Chấp hành tốt nội quy, đề nghị xét.',
    })),
  });
  expectStatus(meeting, 201, 'team meeting');
  versions = await versionsOf(app, ids);
  const council = await (
    await app.as(Role.CAMP_COUNCIL_MEMBER)
  ).post('/api/camp-council/decisions', {
    decisions: ids.map((dossierId) => ({
      dossierId,
      version: versions.get(dossierId),
      eligible: true,
      reason: 'Đủ điều kiện theo hồ sơ và biên bản họp đội',
    })),
  });
  expectStatus(council, 200, 'camp council');
  versions = await versionsOf(app, ids);
  const warden = await app.as(Role.WARDEN);
  const posted = await warden.post('/api/camp-lists', {
    roundId: app.org.roundId,
    postedOn: '2025-07-15',
    dossiers: ids.map((dossierId) => ({ dossierId, version: versions.get(dossierId) })),
  });
  expectStatus(posted, 201, 'camp list');
  const campListId = posted.body.eligible.id;
  expectStatus(await warden.post(`/api/lists/${campListId}/submit`), 200, 'camp list submission');
  for (const role of [Role.DEPARTMENT_OFFICER, Role.MINISTRY_OFFICER]) {
    const http = await app.as(role);
    const pending = await http.get(`/api/lists/pending?roundId=${app.org.roundId}`);
    expectStatus(pending, 200, 'pending');
    expectStatus(
      await http.post('/api/lists/forward', { token: pending.body.token, roundId: app.org.roundId }),
      200,
      `forward by ${role}`,
    );
  }
  return { ids, meetingId: meeting.body.meetingId, campListId };
}
