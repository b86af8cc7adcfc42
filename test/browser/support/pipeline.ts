import { Role } from '../../../src/auth/user.entity.js';
import { buildDossier } from '../../factories/dossier.factory.js';
import { TEST_PASSWORD, type TestOrg } from '../../factories/org.factory.js';
import { HttpClient } from '../../support/http-client.js';
import type { TestApp } from '../../support/test-app.js';

export async function client(app: TestApp, username: string): Promise<HttpClient> {
  const http = new HttpClient(app.baseUrl);
  const res = await http.login(username, TEST_PASSWORD);
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return http;
}

// A round the engine can evaluate: the administrator creates it from the preset of QĐ 1244/2025.
export async function presetRound(app: TestApp, org: TestOrg): Promise<{ id: string; code: string }> {
  const admin = await client(app, org.users[Role.ADMIN]);
  const code = `QD-1244-WEB-${org.suffix}`.toUpperCase();
  const res = await admin.post('/api/rounds', { code, presetCode: 'QD-1244-2025' });
  if (res.status !== 201) throw new Error(`round: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, code };
}

function ok(step: string, res: { status: number; body: unknown }): void {
  if (res.status >= 300) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
}

// Takes dossiers through the camp and the two consolidations over the API, as the other units would, so the
// national bodies' pages start from real lists: ballot, camp council, warden's list, department, ministry.
export async function dossiersAtAppraisal(
  app: TestApp,
  org: TestOrg,
  round: { id: string; code: string },
  names: string[],
): Promise<string[]> {
  const as = async (role: Role) => client(app, org.users[role]);
  const officer = await as(Role.TEAM_OFFICER);
  const version = async (id: string): Promise<number> =>
    (await app.dataSource.query('SELECT version FROM dossiers WHERE id = $1', [id]))[0].version;
  const ids: string[] = [];
  for (const fullName of names) {
    const created = await officer.post(
      '/api/dossiers',
      buildDossier({
        roundCode: round.code,
        facilityCode: org.facility.code,
        teamCode: org.team.code,
        person: { fullName },
      }),
    );
    ok('import', created);
    ids.push(created.body.id);
    ok(
      'submit',
      await officer.post(`/api/dossiers/${created.body.id}/events`, {
        event: 'submit_for_ballot',
        version: created.body.version,
      }),
    );
  }
  const candidates = [];
  for (const id of ids)
    candidates.push({
      dossierId: id,
      version: await version(id),
      votesFor: 18,
      votesAgainst: 1,
      votesBlank: 1,
      officerOpinion: 'Chấp hành tốt nội quy trại giam.',
    });
  ok(
    'ballot',
    await officer.post('/api/team-meetings', {
      roundId: round.id,
      teamId: org.team.id,
      meetingDate: '2025-07-12',
      membersPresent: 20,
      membersAbsent: 0,
      ballotsIssued: 20,
      ballotsReturned: 20,
      ballotsValid: 20,
      ballotsInvalid: 0,
      candidates,
    }),
  );
  const decisions = [];
  for (const id of ids)
    decisions.push({
      dossierId: id,
      version: await version(id),
      eligible: true,
      reason: 'Hội đồng đã đối chiếu đủ giấy tờ, đủ điều kiện đề nghị.',
    });
  ok('council', await (await as(Role.CAMP_COUNCIL_MEMBER)).post('/api/camp-council/decisions', { decisions }));
  const warden = await as(Role.WARDEN);
  const dossiers = [];
  for (const id of ids) dossiers.push({ dossierId: id, version: await version(id) });
  const posted = await warden.post('/api/camp-lists', { roundId: round.id, postedOn: '2025-07-15', dossiers });
  ok('camp list', posted);
  ok('camp submit', await warden.post(`/api/lists/${posted.body.eligible.id}/submit`));
  for (const role of [Role.DEPARTMENT_OFFICER, Role.MINISTRY_OFFICER]) {
    const http = await as(role);
    const pending = await http.get(`/api/lists/pending?roundId=${round.id}`);
    ok(`${role} pending`, pending);
    ok(`${role} forward`, await http.post('/api/lists/forward', { token: pending.body.token, roundId: round.id }));
  }
  return ids;
}
