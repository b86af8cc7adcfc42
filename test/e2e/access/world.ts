import { Role } from '../../../src/auth/user.entity.js';
import { csrfToken } from '../../../src/web/csrf.js';
import { campOf, client, forwardUp, presetRound, walkCamp, type Camp } from '../../browser/support/pipeline.js';
import { buildDossier } from '../../factories/dossier.factory.js';
import { createTestOrg, insertUnit, insertUser, TEST_PASSWORD, type TestOrg } from '../../factories/org.factory.js';
import { HttpClient } from '../../support/http-client.js';
import type { TestApp } from '../../support/test-app.js';

// Where a record sits, seen from the users of the matrix (all of `own`'s units): their own camp, another facility of
// their department, a facility of another department of their ministry, a facility of another ministry.
export enum Position {
  OWN = 'own unit',
  OTHER_FACILITY = 'other facility',
  OTHER_DEPARTMENT = 'other department',
  OTHER_MINISTRY = 'other ministry',
}
export const POSITIONS = Object.values(Position);

// What a document is made from, which decides who may read it.
export enum DocumentSource {
  CAMP_LIST = 'camp list',
  TEAM_MEETING = 'team meeting',
  CAMP_COUNCIL = 'camp council minutes',
  DOSSIER = 'dossier (proposal sheet)',
}

export interface MadeDocument {
  source: DocumentSource;
  id: string;
  jobId: string;
  bytes: Uint8Array;
}

export interface PositionRecords {
  camp: Camp;
  dossierId: string;
  dossierName: string;
  meetingId: string;
  listId: string;
  listCode: string;
  documents: MadeDocument[];
  // A dossier just filed, still at its first version, for the screenings to evaluate.
  screenedDossierId: string;
}

export interface Session {
  http: HttpClient;
  token: string;
  csrf: string;
}

export interface World {
  app: TestApp;
  own: TestOrg;
  other: TestOrg;
  round: { id: string; code: string };
  clients: Map<Role, Session>;
  at: Record<Position, PositionRecords>;
  // Lists the national bodies received from `own`'s ministry, and what they made of them.
  upper: { departmentListId: string; ministryListId: string; appraisalNoteId: string };
  reportId: string;
  flagId: string;
  screenings: { ownMinistry: string; otherMinistry: string; admin: string; standing: string };
}

export async function session(app: TestApp, username: string): Promise<Session> {
  const http = new HttpClient(app.baseUrl);
  const login = await http.login(username, TEST_PASSWORD);
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status}`);
  return { http, token: login.body.token, csrf: csrfToken(login.body.token) };
}

// A second department with one camp in `own`'s ministry, and its staff.
async function otherDepartment(app: TestApp, own: TestOrg): Promise<Camp> {
  const s = `${own.suffix}d2`;
  const ds = app.dataSource;
  const department = await insertUnit(ds, own.ministry, {
    code: `C10B-${s}`,
    name: 'Cục C10 (phía Nam)',
    kind: 'DEPARTMENT',
    ministry: 'CONG_AN',
    departmentKind: 'C10',
  });
  const facility = await insertUnit(ds, department, {
    code: `TG-C-${s}`,
    name: 'Trại giam Xuân Lộc',
    kind: 'FACILITY',
    ministry: 'CONG_AN',
    facilityKind: 'MPS_PRISON',
  });
  const team = await insertUnit(ds, facility, { code: `DOI-C1-${s}`, name: 'Đội 1', kind: 'TEAM' });
  return {
    teamOfficer: await insertUser(ds, { key: 'c-officer', suffix: s, role: Role.TEAM_OFFICER, unit: team }),
    councilMember: await insertUser(ds, {
      key: 'c-council',
      suffix: s,
      role: Role.CAMP_COUNCIL_MEMBER,
      unit: facility,
    }),
    warden: await insertUser(ds, { key: 'c-warden', suffix: s, role: Role.WARDEN, unit: facility }),
    facilityCode: facility.code,
    teamCode: team.code,
    teamId: team.id,
  };
}

async function waitForJobs(http: HttpClient, jobIds: string[]): Promise<void> {
  for (const jobId of jobIds) {
    for (let attempt = 0; ; attempt += 1) {
      const job = await http.get(`/api/documents/jobs/${jobId}`);
      if (job.body.state === 'completed') break;
      if (job.body.state === 'failed' || attempt > 600)
        throw new Error(`document job ${jobId}: ${JSON.stringify(job.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function waitForScreening(http: HttpClient, id: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const status = await http.get(`/api/screenings/${id}`);
    if (status.body.status === 'DONE') return;
    if (status.body.status === 'FAILED') throw new Error(`screening ${id}: ${status.body.error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`screening ${id} did not finish`);
}

const SIGNER = { title: 'Giám thị', name: 'Nguyễn Văn Ký' };

// The documents each camp makes of its own records, every one under its own letterhead.
async function campDocuments(
  app: TestApp,
  records: Omit<PositionRecords, 'documents' | 'screenedDossierId'>,
): Promise<MadeDocument[]> {
  const warden = await session(app, records.camp.warden);
  const officer = await session(app, records.camp.teamOfficer);
  const requests: [Session, DocumentSource, Record<string, unknown>][] = [
    [
      warden,
      DocumentSource.CAMP_LIST,
      { kind: 'eligible-list', sourceType: 'list-snapshot', sourceId: records.listId },
    ],
    [
      officer,
      DocumentSource.TEAM_MEETING,
      { kind: 'team-minutes', sourceType: 'team-meeting', sourceId: records.meetingId },
    ],
    [
      warden,
      DocumentSource.CAMP_COUNCIL,
      { kind: 'council-minutes', sourceType: 'list-snapshot', sourceId: records.listId },
    ],
    [warden, DocumentSource.DOSSIER, { kind: 'proposal-sheet', sourceType: 'dossier', sourceId: records.dossierId }],
  ];
  const made: MadeDocument[] = [];
  for (const [{ http, token }, source, body] of requests) {
    const requested = await http.post('/api/documents', { ...body, number: '01/DS-KT', signer: SIGNER });
    if (requested.status !== 202) throw new Error(`${source}: ${requested.status} ${JSON.stringify(requested.body)}`);
    await waitForJobs(http, [requested.body.jobId]);
    const file = await fetch(`${app.baseUrl}/api/documents/${requested.body.documentId}/file`, {
      headers: { authorization: `Bearer ${token}` },
    });
    made.push({
      source,
      id: requested.body.documentId,
      jobId: requested.body.jobId,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
  }
  return made;
}

// The whole state the matrix reads: records of every kind in every position, made through the API as the units would.
export async function buildWorld(app: TestApp): Promise<World> {
  // The other ministry first: routing sends to the newest national bodies, and the matrix's users sit in `own`'s.
  const other = await createTestOrg(app.dataSource);
  const own = await createTestOrg(app.dataSource);
  const round = await presetRound(app, own);
  const clients = new Map<Role, Session>();
  for (const role of Object.values(Role)) clients.set(role, await session(app, own.users[role]));

  const secondFacility: Camp = {
    teamOfficer: own.users.otherTeamOfficer,
    councilMember: await insertUser(app.dataSource, {
      key: 'b-council',
      suffix: own.suffix,
      role: Role.CAMP_COUNCIL_MEMBER,
      unit: own.otherFacility,
    }),
    warden: own.users.otherWarden,
    facilityCode: own.otherFacility.code,
    teamCode: own.otherTeam.code,
    teamId: own.otherTeam.id,
  };
  const camps: Record<Position, Camp> = {
    [Position.OWN]: campOf(own),
    [Position.OTHER_FACILITY]: secondFacility,
    [Position.OTHER_DEPARTMENT]: await otherDepartment(app, own),
    [Position.OTHER_MINISTRY]: campOf(other),
  };
  const at = {} as Record<Position, PositionRecords>;
  let upper: World['upper'] | undefined;
  for (const position of POSITIONS) {
    const dossierName = `Phạm Văn ${['Một', 'Hai', 'Ba', 'Bốn'][POSITIONS.indexOf(position)]}`;
    const walked = await walkCamp(app, camps[position], round, [dossierName]);
    if (position === Position.OWN) {
      // Only the own camp's list goes on: through the department and the ministry to the appraisal team.
      const [departmentListId, ministryListId] = await forwardUp(
        app,
        [own.users[Role.DEPARTMENT_OFFICER], own.users[Role.MINISTRY_OFFICER]],
        round.id,
      );
      upper = { departmentListId, ministryListId, appraisalNoteId: '' };
    }
    const [{ code: listCode }] = await app.dataSource.query('SELECT code FROM list_snapshots WHERE id = $1', [
      walked.eligibleListId,
    ]);
    const records = {
      camp: camps[position],
      dossierId: walked.dossierIds[0],
      dossierName,
      meetingId: walked.meetingId,
      listId: walked.eligibleListId,
      listCode,
    };
    const filed = await (
      await client(app, camps[position].teamOfficer)
    ).post(
      '/api/dossiers',
      buildDossier({
        roundCode: round.code,
        facilityCode: camps[position].facilityCode,
        teamCode: camps[position].teamCode,
      }),
    );
    if (filed.status !== 201) throw new Error(`dossier: ${filed.status} ${JSON.stringify(filed.body)}`);
    at[position] = { ...records, documents: await campDocuments(app, records), screenedDossierId: filed.body.id };
  }

  const appraiser = clients.get(Role.APPRAISER)!.http;
  const note = await appraiser.post('/api/documents', {
    kind: 'appraisal-note',
    sourceType: 'dossier',
    sourceId: at[Position.OWN].dossierId,
    number: '07/PTĐ-TTĐLN',
    signer: { title: 'Tổ trưởng', name: 'Lê Quốc Hùng' },
  });
  if (note.status !== 202) throw new Error(`appraisal note: ${note.status} ${JSON.stringify(note.body)}`);
  await waitForJobs(appraiser, [note.body.jobId]);
  upper!.appraisalNoteId = note.body.documentId;
  const flag = await appraiser.post(`/api/appraisal/dossiers/${at[Position.OWN].dossierId}/flags`, {
    field: 'person.fullName',
    kind: 'form',
    message: 'Họ tên viết không dấu ở trang 2.',
  });
  if (flag.status !== 201) throw new Error(`flag: ${flag.status} ${JSON.stringify(flag.body)}`);

  // The standing body's report, as its service stores one (its making needs a disagreement at the standing body).
  const [standing] = await app.dataSource.query('SELECT id FROM users WHERE username = $1', [
    own.users[Role.COUNCIL_STANDING_OFFICER],
  ]);
  const [{ id: reportId }] = await app.dataSource.query(
    `INSERT INTO explanatory_reports (round_id, items, dossier_ids, content_hash, created_by) VALUES ($1, $2, $3, 'kiem-thu', $4) RETURNING id`,
    [
      round.id,
      JSON.stringify([{ dossierId: at[Position.OWN].dossierId, opinions: [], findings: [] }]),
      [at[Position.OWN].dossierId],
      standing.id,
    ],
  );

  const screen = async (http: HttpClient) => {
    const started = await http.post(`/api/rounds/${round.id}/screenings`);
    if (started.status !== 202) throw new Error(`screening: ${started.status} ${JSON.stringify(started.body)}`);
    await waitForScreening(http, started.body.id);
    return started.body.id as string;
  };
  const screenings = {
    ownMinistry: await screen(clients.get(Role.MINISTRY_OFFICER)!.http),
    otherMinistry: await screen(await client(app, other.users[Role.MINISTRY_OFFICER])),
    admin: await screen(clients.get(Role.ADMIN)!.http),
    standing: await screen(clients.get(Role.COUNCIL_STANDING_OFFICER)!.http),
  };
  return { app, own, other, round, clients, at, upper: upper!, reportId, flagId: flag.body.id, screenings };
}
