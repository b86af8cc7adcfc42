import { Role } from '../../../src/auth/user.entity.js';
import { buildDossier, PASSPORT_COPY } from '../../factories/dossier.factory.js';
import { insertUnit, TEST_APPRAISAL_TEAM, TEST_PASSWORD, type TestOrg } from '../../factories/org.factory.js';
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
  // The test organisation's appraisal team has one member (the Supreme Procuracy's): the administrator names that team
  // in the round, as a round whose Council formed a smaller team would.
  const round = await admin.get(`/api/rounds/${code}`);
  const team = await admin.put(`/api/rounds/${code}`, {
    expectedVersion: round.body.version,
    // Only the team's membership changes: the preset's other appraisal parameters (its conclusion rule) stay.
    parameters: { ...round.body.parameters, appraisal: { ...round.body.parameters.appraisal, ...TEST_APPRAISAL_TEAM } },
  });
  if (team.status !== 200) throw new Error(`round team: ${team.status} ${JSON.stringify(team.body)}`);
  return { id: res.body.id, code };
}

function ok(step: string, res: { status: number; body: unknown }): void {
  if (res.status >= 300) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
}

// The people and places of one camp that walk dossiers from the application to the camp's list.
export interface Camp {
  teamOfficer: string;
  councilMember: string;
  warden: string;
  facilityCode: string;
  teamCode: string;
  teamId: string;
}

export function campOf(org: TestOrg): Camp {
  return {
    teamOfficer: org.users[Role.TEAM_OFFICER],
    councilMember: org.users[Role.CAMP_COUNCIL_MEMBER],
    warden: org.users[Role.WARDEN],
    facilityCode: org.facility.code,
    teamCode: org.team.code,
    teamId: org.team.id,
  };
}

// Takes dossiers through one camp over the API, as its staff would: application, secret ballot, camp council,
// the warden's posted list sent to the managing department. The team does not put forward the `leftOff` names (the
// ballot fails), so they stay off the list and may complain.
// Who is left off by the camp council, and who is a foreigner (full name → nationality).
export interface CampOptions {
  leftOff?: string[];
  // Put forward by the team but found not eligible by the camp council, with its reason: on the camp's ineligible list.
  councilIneligible?: string[];
  // The warden posts the lists but does not send them to the department.
  keepPosted?: boolean;
  foreigners?: Record<string, string>;
}

export async function walkCamp(
  app: TestApp,
  camp: Camp,
  round: { id: string; code: string },
  names: string[],
  options: CampOptions = {},
): Promise<{
  dossierIds: string[];
  meetingId: string;
  eligibleListId: string;
  leftOffIds: string[];
  ineligibleIds: string[];
}> {
  const leftOff = new Set(options.leftOff ?? []);
  const notEligible = new Set(options.councilIneligible ?? []);
  const { dossierIds: ids, meetingId } = await toCampCouncil(app, camp, round, names, options);
  const version = async (id: string): Promise<number> =>
    (await app.dataSource.query('SELECT version FROM dossiers WHERE id = $1', [id]))[0].version;
  const putForward = ids.filter((_, i) => !leftOff.has(names[i]));
  const ineligibleIds = ids.filter((_, i) => !leftOff.has(names[i]) && notEligible.has(names[i]));
  const decisions = [];
  for (const id of putForward)
    decisions.push({
      dossierId: id,
      version: await version(id),
      ...(ineligibleIds.includes(id)
        ? { eligible: false, reasonCode: 'excluded_case', reason: 'Đang bị truy cứu trách nhiệm hình sự về tội khác.' }
        : { eligible: true, reason: 'Hội đồng đã đối chiếu đủ giấy tờ, đủ điều kiện đề nghị.' }),
    });
  ok('council', await (await client(app, camp.councilMember)).post('/api/camp-council/decisions', { decisions }));
  const warden = await client(app, camp.warden);
  const dossiers = [];
  for (const id of putForward)
    if (!ineligibleIds.includes(id)) dossiers.push({ dossierId: id, version: await version(id) });
  const posted = await warden.post('/api/camp-lists', { roundId: round.id, postedOn: '2025-07-15', dossiers });
  ok('camp list', posted);
  const result = {
    dossierIds: ids,
    meetingId,
    eligibleListId: posted.body.eligible.id,
    leftOffIds: ids.filter((id) => !putForward.includes(id)),
    ineligibleIds,
  };
  if (options.keepPosted) return result;
  ok('camp submit', await warden.post(`/api/lists/${posted.body.eligible.id}/submit`));
  // The warden notifies the procuracy of the list results before they can reach the appraisal team.
  ok(
    'procuracy notice',
    await warden.post('/api/procuracy-notices', {
      listId: posted.body.eligible.id,
      number: '01/TB-KS',
      notifiedOn: '2025-07-16',
    }),
  );
  return result;
}

// The team's part: applications entered and put to the secret ballot; the `leftOff` names fail it, the others wait
// for the camp council.
export async function toCampCouncil(
  app: TestApp,
  camp: Camp,
  round: { id: string; code: string },
  names: string[],
  options: CampOptions = {},
): Promise<{ dossierIds: string[]; meetingId: string }> {
  const leftOff = new Set(options.leftOff ?? []);
  const officer = await client(app, camp.teamOfficer);
  const version = async (id: string): Promise<number> =>
    (await app.dataSource.query('SELECT version FROM dossiers WHERE id = $1', [id]))[0].version;
  const ids: string[] = [];
  for (const fullName of names) {
    const created = await officer.post(
      '/api/dossiers',
      buildDossier({
        roundCode: round.code,
        facilityCode: camp.facilityCode,
        teamCode: camp.teamCode,
        person: { fullName, ...(options.foreigners?.[fullName] ? { nationality: options.foreigners[fullName] } : {}) },
        // A foreigner's dossier holds a copy of the passport (Nghị định 52/2019/NĐ-CP, Điều 5, khoản 6).
        ...(options.foreigners?.[fullName] ? { identityPaper: PASSPORT_COPY } : {}),
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
  for (const [i, id] of ids.entries())
    candidates.push({
      dossierId: id,
      version: await version(id),
      votesFor: leftOff.has(names[i]) ? 5 : 18,
      votesAgainst: leftOff.has(names[i]) ? 14 : 1,
      votesBlank: 1,
      officerOpinion: 'Chấp hành tốt nội quy trại giam.',
    });
  const meeting = await officer.post('/api/team-meetings', {
    roundId: round.id,
    teamId: camp.teamId,
    meetingDate: '2025-07-12',
    membersPresent: 20,
    membersAbsent: 0,
    ballotsIssued: 20,
    ballotsReturned: 20,
    ballotsValid: 20,
    ballotsInvalid: 0,
    candidates,
  });
  ok('ballot', meeting);
  return { dossierIds: ids, meetingId: meeting.body.meetingId };
}

// Each unit in turn consolidates what it received and sends it one hop up.
export async function forwardUp(app: TestApp, usernames: string[], roundId: string): Promise<string[]> {
  const lists: string[] = [];
  for (const username of usernames) {
    const http = await client(app, username);
    const pending = await http.get(`/api/lists/pending?roundId=${roundId}`);
    ok(`${username} pending`, pending);
    const forwarded = await http.post('/api/lists/forward', { token: pending.body.token, roundId });
    ok(`${username} forward`, forwarded);
    lists.push(forwarded.body.listId);
  }
  return lists;
}

// Takes dossiers through the camp and the two consolidations over the API, as the other units would, so the
// national bodies' pages start from real lists: ballot, camp council, warden's list, department, ministry.
export async function dossiersAtAppraisal(
  app: TestApp,
  org: TestOrg,
  round: { id: string; code: string },
  names: string[],
  options: CampOptions = {},
): Promise<string[]> {
  const { dossierIds } = await walkCamp(app, campOf(org), round, names, options);
  await forwardUp(app, [org.users[Role.DEPARTMENT_OFFICER], org.users[Role.MINISTRY_OFFICER]], round.id);
  return dossierIds;
}

// The Office of the President, to which the Council's lists go (Luật Đặc xá 2018, Điều 17, khoản 4).
export async function addPresidentOffice(app: TestApp, org: TestOrg): Promise<void> {
  await insertUnit(app.dataSource, null, {
    code: `VPCTN-${org.suffix}`,
    name: 'Văn phòng Chủ tịch nước',
    kind: 'NATIONAL_BODY',
    bodyKind: 'PRESIDENT_OFFICE',
  });
}
