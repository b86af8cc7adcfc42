import { Role } from '../../../src/auth/user.entity.js';
import { buildDossier } from '../../factories/dossier.factory.js';
import { TEST_PASSWORD } from '../../factories/org.factory.js';
import {
  ALL_ROLES,
  appraisalNoteTarget,
  CAMP,
  documentTargets,
  dossierTargets,
  HOP,
  issues,
  listTargets,
  meetingTargets,
  NATIONAL,
  PIPELINE,
  screeningTargets,
  sees,
  DOCUMENT_RECORD,
  type Target,
} from './oracle.js';
import { Position, POSITIONS, type World } from './world.js';

export type Outcome = 'ok' | 'forbidden' | 'hidden' | 'login' | 'listed' | 'absent' | `status ${number}`;

export interface Request {
  method: string;
  path: string;
  body?: unknown;
  // A multipart upload instead of a JSON body.
  upload?: Uint8Array;
}

// One route of the application: who passes its role gate, what it is about and how to call it.
export interface Row {
  route: string;
  op: 'read' | 'write';
  access: 'public' | readonly Role[];
  web?: boolean;
  // The records addressed by id; one cell per role and record.
  targets?: (w: World) => Target[];
  request: (w: World, role: Role | null, target?: Target) => Request;
  // What a permitted call answers when it is not a plain success (e.g. an id that cannot exist).
  allowed?: Outcome;
  // A refusal of a record named in the body, reported on the field like a record that does not exist.
  hiddenStatus?: number;
  // Calls that end the session are made on a session of their own.
  ownSession?: boolean;
  // Cells judged by the answer's content instead of its status (listings, uploads, creations).
  content?: (w: World) => ContentCell[];
}

export interface ContentCell {
  target: string;
  expected: (role: Role) => Outcome;
  request: (w: World, role: Role) => Request;
  judge: (status: number, body: unknown) => Outcome;
}

const STALE = 999;
// Complaints: the camps and the units above them, the courts and the Supreme People's Court (Luật Đặc xá 2018, Điều 37).
const COMPLAINT_READERS = [
  ...CAMP,
  Role.DEPARTMENT_OFFICER,
  Role.MINISTRY_OFFICER,
  Role.COURT_OFFICER,
  Role.COURT_PRESIDENT,
  Role.SUPREME_COURT_OFFICER,
];
const COMPLAINT_RECORDERS = [Role.TEAM_OFFICER, Role.MINISTRY_OFFICER, Role.COURT_OFFICER, Role.SUPREME_COURT_OFFICER];
const COMPLAINT_DECIDERS = [Role.WARDEN, Role.MINISTRY_OFFICER, Role.COURT_PRESIDENT, Role.SUPREME_COURT_OFFICER];
// Who enters dossiers: the camp's staff, and a court's officer for the persons on suspension it lists.
const DOSSIER_WRITERS = [...CAMP, Role.COURT_OFFICER];
// Who prints, reads and checks documents: every pipeline role but the commune or military unit of the presentation,
// which reads only the certificates naming it, on its own page (Luật Đặc xá 2018, Điều 20, khoản 2, điểm a).
const DOCUMENT_USERS = PIPELINE.filter((role) => role !== Role.LOCAL_UNIT_OFFICER);
const r = (method: string, path: string, body?: unknown): Request => ({ method, path, body });

// Web forms carry the session's form token; the tests fill it in (see the spec).
const form = (method: string, path: string, body: Record<string, unknown> = {}): Request => ({
  method,
  path,
  body: { ...body, _csrf: '{csrf}' },
});

const listed = (found: boolean): Outcome => (found ? 'listed' : 'absent');
const text = (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body));

// A listing shows a record of a position exactly when the caller may read it.
function listing(
  kind: 'dossier' | 'camp list',
  request: (w: World) => Request,
  needle: (w: World, p: Position) => string,
): (w: World) => ContentCell[] {
  return (w) =>
    POSITIONS.map((p) => ({
      target: `${kind}, ${p}`,
      expected: (role) => listed(sees(role, kind, p)),
      request,
      judge: (status, body) => (status === 200 ? listed(text(body).includes(needle(w, p))) : `status ${status}`),
    }));
}

const documentSources = (w: World) =>
  POSITIONS.flatMap((p) =>
    w.at[p].documents.map((d) => ({
      position: p,
      source: d.source,
      body:
        d.source === 'camp list'
          ? { kind: 'eligible-list', sourceType: 'list-snapshot', sourceId: w.at[p].listId }
          : d.source === 'team meeting'
            ? { kind: 'team-minutes', sourceType: 'team-meeting', sourceId: w.at[p].meetingId }
            : d.source === 'camp council minutes'
              ? { kind: 'council-minutes', sourceType: 'list-snapshot', sourceId: w.at[p].listId }
              : { kind: 'proposal-sheet', sourceType: 'dossier', sourceId: w.at[p].dossierId },
    })),
  );

const SIGNER = { title: 'Cán bộ', name: 'Nguyễn Văn Ký' };
// Each requested document takes the next number of the registry book, as a clerk would.
let serial = 100;
const nextNumber = () => `${(serial += 1)}/VB-KT`;

// Making a document: hidden when its source is out of reach, refused when it is another unit's to issue.
function creations(web: boolean): (w: World) => ContentCell[] {
  return (w) => {
    const sources = documentSources(w).filter((s) => !web || s.source === 'camp list');
    const cells: ContentCell[] = sources.map((s) => ({
      target: `${s.source}, ${s.position}`,
      expected: (role) =>
        !sees(role, DOCUMENT_RECORD[s.source], s.position)
          ? 'hidden'
          : issues(role, s.source, s.position)
            ? 'ok'
            : 'forbidden',
      request: () =>
        web
          ? form('POST', '/documents', {
              ...s.body,
              number: nextNumber(),
              signerTitle: SIGNER.title,
              signerName: SIGNER.name,
            })
          : r('POST', '/api/documents', { ...s.body, number: nextNumber(), signer: SIGNER }),
      judge: (status, body) => {
        if (status === 404) return 'hidden';
        if (status === 403) return 'forbidden';
        if (web) {
          if (status === 303) return 'ok';
          // The form page answers a refusal with its message.
          if (status === 400 && text(body).includes('mang tên đơn vị của mình')) return 'forbidden';
          if (status === 400 && text(body).includes('Không tìm thấy')) return 'hidden';
        }
        return status === 202 ? 'ok' : `status ${status}`;
      },
    }));
    if (web) return cells;
    return [
      ...cells,
      ...POSITIONS.map((p) => ({
        target: `appraisal note, dossier ${p}`,
        // The appraisal note is issued by whoever writes it, about a dossier they may read.
        expected: (role: Role) => (sees(role, 'dossier', p) ? 'ok' : 'hidden') as Outcome,
        request: () =>
          r('POST', '/api/documents', {
            kind: 'appraisal-note',
            sourceType: 'dossier',
            sourceId: w.at[p].dossierId,
            number: nextNumber(),
            signer: SIGNER,
          }),
        judge: (status: number): Outcome =>
          status === 202 ? 'ok' : status === 404 ? 'hidden' : status === 403 ? 'forbidden' : `status ${status}`,
      })),
    ];
  };
}

// An uploaded PDF names the stored document only to those who may read it.
const verifications = (w: World): ContentCell[] =>
  documentTargets(w).map((t, index) => {
    const bytes = POSITIONS.flatMap((p) => w.at[p].documents)[index].bytes;
    return {
      target: t.label,
      expected: (role) => listed(t.readers.has(role)),
      request: () => ({ method: 'POST', path: '/api/documents/verify', upload: bytes }),
      judge: (status, body) =>
        status === 200
          ? listed(((body as { documents: { id: string }[] }).documents ?? []).some((d) => d.id === t.id))
          : `status ${status}`,
    };
  });

const allDocuments = (w: World) => [...documentTargets(w), appraisalNoteTarget(w)];
const reportTarget = (w: World): Target[] => [
  { label: 'explanatory report', id: w.reportId, readers: new Set(NATIONAL) },
];
const flagTarget = (w: World): Target[] => [
  { label: 'appraisal flag, own dossier', id: w.flagId, readers: new Set(NATIONAL) },
];
const NO_SUCH = '00000000-0000-4000-8000-000000000001';
const SIMULATORS = [Role.MINISTRY_OFFICER, Role.COUNCIL_STANDING_OFFICER, Role.ADMIN];
const ADOPTERS = [Role.COUNCIL_STANDING_OFFICER, Role.ADMIN];
const dossierBody = (w: World, target?: Target) => {
  const p = POSITIONS.find((position) => w.at[position].dossierId === target?.id) ?? Position.OWN;
  const camp = w.at[p].camp;
  return buildDossier({ roundCode: w.round.code, facilityCode: camp.facilityCode, teamCode: camp.teamCode });
};

export const ROWS: Row[] = [
  // Public
  { route: 'GET /health', op: 'read', access: 'public', request: () => r('GET', '/health') },
  { route: 'GET /health/live', op: 'read', access: 'public', request: () => r('GET', '/health/live') },
  { route: 'GET /health/ready', op: 'read', access: 'public', request: () => r('GET', '/health/ready') },
  // Without METRICS_TOKEN (as here) the scrape is open: the deployment keeps /metrics on the monitoring network.
  { route: 'GET /metrics', op: 'read', access: 'public', request: () => r('GET', '/metrics') },
  { route: 'GET /login', op: 'read', access: 'public', web: true, request: () => r('GET', '/login') },
  {
    route: 'POST /login',
    op: 'write',
    access: 'public',
    web: true,
    request: (w) => r('POST', '/login', { username: w.own.users[Role.TEAM_OFFICER], password: TEST_PASSWORD }),
  },
  {
    route: 'POST /api/auth/login',
    op: 'write',
    access: 'public',
    request: (w) => r('POST', '/api/auth/login', { username: w.own.users[Role.TEAM_OFFICER], password: TEST_PASSWORD }),
  },
  { route: 'GET /assets/*path', op: 'read', access: 'public', request: () => r('GET', '/assets/css/app.css') },
  ...['/api/docs', '/api/docs/', '/api/docs/index.html', '/api/docs/swagger-ui-init.js', '/api/docs/LICENSE']
    .concat(['/api/docs/docs/swagger-ui-init.js', '/api/docs-json', '/api/docs-yaml'])
    .map((path): Row => ({
      route: `GET ${path}`,
      op: 'read',
      access: 'public',
      request: () => r('GET', path),
      // The documentation's licence file is not shipped: the route exists and answers 404 to everyone.
      allowed: path.endsWith('LICENSE') ? 'hidden' : undefined,
    })),

  // The public page a document's QR code opens: number, issuer, date and pages only, for anyone holding the paper.
  {
    route: 'GET /xac-minh/:id',
    op: 'read',
    access: 'public',
    web: true,
    request: (w) => r('GET', `/xac-minh/${w.at[Position.OWN].documents[0].id}`),
  },
  {
    route: 'POST /xac-minh/:id',
    op: 'write',
    access: 'public',
    web: true,
    request: (w) => ({
      method: 'POST',
      path: `/xac-minh/${w.at[Position.OWN].documents[0].id}`,
      upload: w.at[Position.OWN].documents[0].bytes,
    }),
  },

  // Session
  { route: 'GET /api/auth/me', op: 'read', access: ALL_ROLES, request: () => r('GET', '/api/auth/me') },
  {
    route: 'POST /api/auth/logout',
    op: 'write',
    access: ALL_ROLES,
    ownSession: true,
    request: () => r('POST', '/api/auth/logout'),
  },
  {
    route: 'POST /logout',
    op: 'write',
    access: ALL_ROLES,
    web: true,
    // Signing out lands on the login page.
    allowed: 'login',
    ownSession: true,
    request: () => form('POST', '/logout'),
  },

  // Organisation, rounds, audit
  { route: 'GET /api/org/units', op: 'read', access: ALL_ROLES, request: () => r('GET', '/api/org/units') },
  { route: 'POST /api/org/units', op: 'write', access: [Role.ADMIN], request: () => r('POST', '/api/org/units', {}) },
  { route: 'GET /api/users', op: 'read', access: [Role.ADMIN], request: () => r('GET', '/api/users') },
  { route: 'POST /api/users', op: 'write', access: [Role.ADMIN], request: () => r('POST', '/api/users', {}) },
  {
    route: 'PATCH /api/users/:id',
    op: 'write',
    access: [Role.ADMIN],
    request: () => r('PATCH', `/api/users/${NO_SUCH}`, { expectedVersion: STALE }),
    allowed: 'hidden',
  },
  { route: 'GET /api/rounds', op: 'read', access: ALL_ROLES, request: () => r('GET', '/api/rounds') },
  {
    // Everyone who may evaluate a dossier may read the presets an evaluation can name.
    route: 'GET /api/rounds/presets',
    op: 'read',
    access: ALL_ROLES,
    request: () => r('GET', '/api/rounds/presets'),
  },
  {
    route: 'GET /api/rounds/:code',
    op: 'read',
    access: ALL_ROLES,
    request: (w) => r('GET', `/api/rounds/${w.round.code}`),
  },
  { route: 'POST /api/rounds', op: 'write', access: [Role.ADMIN], request: () => r('POST', '/api/rounds', {}) },
  {
    route: 'PUT /api/rounds/:code',
    op: 'write',
    access: [Role.ADMIN],
    request: (w) => r('PUT', `/api/rounds/${w.round.code}`, {}),
  },
  {
    route: 'GET /api/audit/verify',
    op: 'read',
    access: [Role.ADMIN, Role.COUNCIL_STANDING_OFFICER],
    request: () => r('GET', '/api/audit/verify'),
  },
  {
    route: 'GET /api/audit/checkpoints',
    op: 'read',
    access: [Role.ADMIN, Role.COUNCIL_STANDING_OFFICER],
    request: () => r('GET', '/api/audit/checkpoints'),
  },

  // Dossiers
  {
    route: 'GET /api/dossiers',
    op: 'read',
    access: ALL_ROLES,
    request: () => r('GET', '/api/dossiers?pageSize=500'),
    content: listing(
      'dossier',
      () => r('GET', '/api/dossiers?pageSize=500'),
      (w, p) => w.at[p].dossierId,
    ),
  },
  {
    route: 'GET /api/dossiers/:id',
    op: 'read',
    access: ALL_ROLES,
    targets: dossierTargets,
    request: (_w, _role, t) => r('GET', `/api/dossiers/${t!.id}`),
  },
  {
    route: 'GET /api/dossiers/:id/export',
    op: 'read',
    access: ALL_ROLES,
    targets: dossierTargets,
    request: (_w, _role, t) => r('GET', `/api/dossiers/${t!.id}/export`),
  },
  {
    route: 'GET /api/dossiers/:id/eligibility',
    op: 'read',
    access: ALL_ROLES,
    targets: dossierTargets,
    request: (_w, _role, t) => r('GET', `/api/dossiers/${t!.id}/eligibility`),
  },
  {
    route: 'GET /api/dossiers/:id/history',
    op: 'read',
    access: ALL_ROLES,
    targets: dossierTargets,
    request: (_w, _role, t) => r('GET', `/api/dossiers/${t!.id}/history`),
  },
  {
    route: 'GET /api/rounds/:code/dossiers/export',
    op: 'read',
    access: ALL_ROLES,
    request: (w) => r('GET', `/api/rounds/${w.round.code}/dossiers/export`),
    content: listing(
      'dossier',
      (w) => r('GET', `/api/rounds/${w.round.code}/dossiers/export`),
      (w, p) => w.at[p].dossierName,
    ),
  },
  {
    route: 'POST /api/dossiers',
    op: 'write',
    access: DOSSIER_WRITERS,
    hiddenStatus: 400,
    content: (w) =>
      POSITIONS.map((p) => ({
        target: `facility, ${p}`,
        // A court's officer enters dossiers of its own court only: every camp is outside it.
        expected: (role) => (p === Position.OWN && role !== Role.COURT_OFFICER ? 'ok' : 'hidden'),
        request: () => r('POST', '/api/dossiers', dossierBody(w, { id: w.at[p].dossierId } as Target)),
        judge: (status) => (status === 201 ? 'ok' : status === 400 ? 'hidden' : `status ${status}`),
      })),
    request: (w) => r('POST', '/api/dossiers', dossierBody(w)),
  },
  // Dossiers as Excel: the template and the import belong to those who enter dossiers; the exports hold what the
  // caller may read, like the list they come from.
  {
    route: 'GET /api/dossiers/excel/template',
    op: 'read',
    access: CAMP,
    request: () => r('GET', '/api/dossiers/excel/template'),
  },
  {
    route: 'POST /api/dossiers/excel/imports',
    op: 'write',
    access: CAMP,
    request: (w) => ({
      method: 'POST',
      path: '/api/dossiers/excel/imports',
      upload: w.at[Position.OWN].documents[0].bytes,
    }),
  },
  {
    route: 'GET /api/dossiers/excel/imports/:id',
    op: 'read',
    access: CAMP,
    allowed: 'hidden',
    request: () => r('GET', `/api/dossiers/excel/imports/${NO_SUCH}`),
  },
  {
    route: 'POST /api/dossiers/excel/imports/:id/commit',
    op: 'write',
    access: CAMP,
    allowed: 'hidden',
    request: () => r('POST', `/api/dossiers/excel/imports/${NO_SUCH}/commit`),
  },
  {
    route: 'GET /api/dossiers/excel/export.csv',
    op: 'read',
    access: ALL_ROLES,
    request: () => r('GET', '/api/dossiers/excel/export.csv'),
    content: listing(
      'dossier',
      () => r('GET', '/api/dossiers/excel/export.csv'),
      (w, p) => w.at[p].dossierName,
    ),
  },
  ...['export.xlsx', 'dossiers.xlsx'].map((file): Row => ({
    route: `GET /api/dossiers/excel/${file}`,
    op: 'read',
    access: ALL_ROLES,
    request: () => r('GET', `/api/dossiers/excel/${file}`),
  })),
  ...['export.xlsx', 'export.csv', 'dossiers.xlsx'].map((file): Row => ({
    route: `GET /api/lists/:id/${file}`,
    op: 'read',
    access: ALL_ROLES,
    targets: listTargets,
    request: (_w, _role, t) => r('GET', `/api/lists/${t!.id}/${file}`),
  })),
  {
    route: 'POST /api/dossiers\\:batch',
    op: 'write',
    access: DOSSIER_WRITERS,
    request: () => r('POST', '/api/dossiers:batch', {}),
  },
  {
    route: 'PUT /api/dossiers/:id',
    op: 'write',
    access: DOSSIER_WRITERS,
    targets: dossierTargets,
    request: (w, _role, t) =>
      r('PUT', `/api/dossiers/${t!.id}`, { expectedVersion: STALE, dossier: dossierBody(w, t) }),
  },
  {
    route: 'POST /api/dossiers/:id/events',
    op: 'write',
    access: PIPELINE,
    targets: dossierTargets,
    request: (_w, _role, t) => r('POST', `/api/dossiers/${t!.id}/events`, { event: 'withdraw', version: STALE }),
  },
  {
    route: 'POST /api/eligibility/evaluate',
    op: 'write',
    access: ALL_ROLES,
    request: (w) => r('POST', '/api/eligibility/evaluate', { roundCode: w.round.code, dossier: dossierBody(w) }),
  },

  // Screenings
  {
    route: 'POST /api/rounds/:id/screenings',
    op: 'write',
    access: [Role.ADMIN, Role.COUNCIL_STANDING_OFFICER, Role.MINISTRY_OFFICER],
    request: () => r('POST', `/api/rounds/${NO_SUCH}/screenings`),
    allowed: 'hidden',
  },
  {
    route: 'GET /api/screenings/:id',
    op: 'read',
    access: ALL_ROLES,
    targets: screeningTargets,
    request: (_w, _role, t) => r('GET', `/api/screenings/${t!.id}`),
  },

  // Ballots and the camp
  {
    route: 'POST /api/team-meetings',
    op: 'write',
    access: [Role.TEAM_OFFICER],
    request: () => r('POST', '/api/team-meetings', {}),
  },
  {
    route: 'POST /api/team-meetings/candidates',
    op: 'write',
    access: [Role.TEAM_OFFICER],
    request: () => r('POST', '/api/team-meetings/candidates', {}),
  },
  {
    route: 'GET /api/team-meetings/:id',
    op: 'read',
    access: PIPELINE,
    targets: meetingTargets,
    request: (_w, _role, t) => r('GET', `/api/team-meetings/${t!.id}`),
  },
  {
    route: 'GET /api/camp-council/candidates',
    op: 'read',
    access: [Role.CAMP_COUNCIL_MEMBER, Role.WARDEN],
    request: (w) => r('GET', `/api/camp-council/candidates?roundId=${w.round.id}`),
  },
  {
    route: 'POST /api/camp-council/decisions',
    op: 'write',
    access: [Role.CAMP_COUNCIL_MEMBER],
    request: () => r('POST', '/api/camp-council/decisions', {}),
  },
  {
    route: 'POST /api/camp-lists',
    op: 'write',
    access: [Role.WARDEN],
    request: () => r('POST', '/api/camp-lists', {}),
  },
  {
    route: 'POST /api/lists/:id/submit',
    op: 'write',
    access: [Role.WARDEN],
    targets: (w) =>
      POSITIONS.map((p) => ({
        label: `camp list, ${p}`,
        id: w.at[p].listId,
        readers: new Set(p === Position.OWN ? [Role.WARDEN] : []),
      })),
    request: (_w, _role, t) => r('POST', `/api/lists/${t!.id}/submit`),
  },
  {
    route: 'GET /api/certificates',
    op: 'read',
    access: [Role.WARDEN, Role.COURT_PRESIDENT],
    request: () => r('GET', '/api/certificates'),
  },
  {
    route: 'POST /api/certificates/:id/release',
    op: 'write',
    access: [Role.WARDEN, Role.COURT_PRESIDENT],
    allowed: 'hidden',
    request: () =>
      r('POST', `/api/certificates/${NO_SUCH}/release`, { releasedOn: '2025-09-02', version: 1, dossierVersion: 1 }),
  },
  {
    route: 'POST /api/certificates/releases',
    op: 'write',
    access: [Role.WARDEN, Role.COURT_PRESIDENT],
    request: () => r('POST', '/api/certificates/releases', {}),
  },

  // Lists, lineage, reconciliation
  {
    route: 'GET /api/lists',
    op: 'read',
    access: PIPELINE,
    request: () => r('GET', '/api/lists'),
    content: listing(
      'camp list',
      () => r('GET', '/api/lists'),
      (w, p) => w.at[p].listId,
    ),
  },
  {
    route: 'GET /api/lists/pending',
    op: 'read',
    access: HOP,
    request: (w) => r('GET', `/api/lists/pending?roundId=${w.round.id}`),
  },
  {
    route: 'POST /api/lists/forward',
    op: 'write',
    access: HOP,
    request: (w) => r('POST', '/api/lists/forward', { token: 'x'.repeat(32), roundId: w.round.id }),
  },
  ...['', '/lineage', '/reconciliation'].map((suffix): Row => ({
    route: `GET /api/lists/:id${suffix}`,
    op: 'read',
    access: PIPELINE,
    targets: listTargets,
    request: (_w, _role, t) => r('GET', `/api/lists/${t!.id}${suffix}`),
  })),

  // Appraisal, standing body, council, President
  {
    route: 'GET /api/appraisal/dossiers/:id',
    op: 'read',
    access: NATIONAL,
    targets: dossierTargets,
    request: (_w, _role, t) => r('GET', `/api/appraisal/dossiers/${t!.id}`),
  },
  {
    route: 'POST /api/appraisal/dossiers/:id/flags',
    op: 'write',
    access: [Role.APPRAISER],
    targets: dossierTargets,
    request: (_w, _role, t) =>
      r('POST', `/api/appraisal/dossiers/${t!.id}/flags`, {
        field: 'person.birthDate',
        kind: 'content',
        message: 'Ngày sinh khác bản án.',
      }),
  },
  {
    route: 'PUT /api/appraisal/dossiers/:id/opinion',
    op: 'write',
    access: [Role.APPRAISER],
    targets: dossierTargets,
    request: (_w, _role, t) =>
      r('PUT', `/api/appraisal/dossiers/${t!.id}/opinion`, { opinion: 'agree', version: STALE }),
  },
  {
    route: 'PUT /api/appraisal/opinions',
    op: 'write',
    access: [Role.APPRAISER],
    targets: dossierTargets,
    // A name not before the team is refused on its row, as one that does not exist.
    hiddenStatus: 400,
    request: (_w, _role, t) =>
      r('PUT', '/api/appraisal/opinions', { opinions: [{ dossierId: t!.id, opinion: 'agree', version: STALE }] }),
  },
  {
    route: 'POST /api/appraisal/flags/:id/resolve',
    op: 'write',
    access: [Role.COUNCIL_STANDING_OFFICER],
    targets: flagTarget,
    request: (_w, _role, t) => r('POST', `/api/appraisal/flags/${t!.id}/resolve`, { accept: true, version: STALE }),
  },
  {
    route: 'POST /api/appraisal/explanatory-reports',
    op: 'write',
    access: [Role.COUNCIL_STANDING_OFFICER],
    request: (w) => r('POST', '/api/appraisal/explanatory-reports', { roundId: w.round.id }),
  },
  {
    route: 'GET /api/appraisal/explanatory-reports/:id',
    op: 'read',
    access: PIPELINE,
    targets: reportTarget,
    request: (_w, _role, t) => r('GET', `/api/appraisal/explanatory-reports/${t!.id}`),
  },
  {
    route: 'GET /api/council/pending',
    op: 'read',
    access: [Role.COUNCIL_MEMBER],
    request: (w) => r('GET', `/api/council/pending?roundId=${w.round.id}`),
  },
  {
    route: 'POST /api/council/lists',
    op: 'write',
    access: [Role.COUNCIL_MEMBER],
    request: () => r('POST', '/api/council/lists', {}),
  },
  {
    route: 'POST /api/president-decisions',
    op: 'write',
    access: [Role.COUNCIL_STANDING_OFFICER],
    request: () => r('POST', '/api/president-decisions', {}),
  },
  { route: 'GET /api/work-queue', op: 'read', access: ALL_ROLES, request: () => r('GET', '/api/work-queue') },

  // Notices to the procuracy (scope per record in test/e2e/complaints.spec.ts)
  {
    route: 'GET /api/procuracy-notices',
    op: 'read',
    access: [Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.MINISTRY_OFFICER, Role.COURT_PRESIDENT],
    request: () => r('GET', '/api/procuracy-notices'),
  },
  {
    route: 'POST /api/procuracy-notices',
    op: 'write',
    access: [Role.WARDEN, Role.COURT_PRESIDENT],
    request: () => r('POST', '/api/procuracy-notices', {}),
  },

  // Notices to the Ministry of Foreign Affairs, a round choice (scope per record in test/e2e/pipeline.spec.ts)
  {
    route: 'GET /api/foreign-ministry-notices',
    op: 'read',
    access: [Role.COUNCIL_STANDING_OFFICER, Role.COUNCIL_MEMBER],
    request: () => r('GET', '/api/foreign-ministry-notices'),
  },
  {
    route: 'POST /api/foreign-ministry-notices',
    op: 'write',
    access: [Role.COUNCIL_STANDING_OFFICER],
    request: () => r('POST', '/api/foreign-ministry-notices', {}),
  },

  // The courts' route (the matrix checks the role gate; scope per record is in test/e2e/courts.spec.ts)
  {
    route: 'GET /api/court/proposals',
    op: 'read',
    access: [Role.COURT_OFFICER, Role.COURT_PRESIDENT],
    request: () => r('GET', '/api/court/proposals'),
  },
  {
    route: 'POST /api/court/proposals',
    op: 'write',
    access: [Role.COURT_OFFICER],
    request: () => r('POST', '/api/court/proposals', {}),
  },
  {
    route: 'POST /api/court/dossiers/:id/rejection',
    op: 'write',
    access: [Role.COURT_PRESIDENT],
    request: () => r('POST', `/api/court/dossiers/${NO_SUCH}/rejection`, {}),
  },
  {
    route: 'POST /api/court/lists',
    op: 'write',
    access: [Role.COURT_PRESIDENT],
    request: () => r('POST', '/api/court/lists', {}),
  },
  {
    route: 'POST /api/court/lists/:id/submit',
    op: 'write',
    access: [Role.COURT_PRESIDENT],
    allowed: 'hidden',
    request: () => r('POST', `/api/court/lists/${NO_SUCH}/submit`),
  },
  // The appraisal team's record and the steps after the President's decision (scope per record in
  // test/e2e/after-decision.spec.ts)
  {
    route: 'POST /api/appraisal/records',
    op: 'write',
    access: [Role.APPRAISER],
    request: () => r('POST', '/api/appraisal/records', {}),
  },
  {
    route: 'GET /api/appraisal/records',
    op: 'read',
    access: NATIONAL,
    request: () => r('GET', '/api/appraisal/records'),
  },
  {
    route: 'GET /api/appraisal/records/:id',
    op: 'read',
    access: NATIONAL,
    allowed: 'hidden',
    request: () => r('GET', `/api/appraisal/records/${NO_SUCH}`),
  },
  {
    route: 'POST /api/decision-postings',
    op: 'write',
    access: [Role.WARDEN],
    request: () => r('POST', '/api/decision-postings', {}),
  },
  {
    route: 'GET /api/decision-postings',
    op: 'read',
    access: [Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.MINISTRY_OFFICER, Role.COUNCIL_STANDING_OFFICER],
    request: () => r('GET', '/api/decision-postings'),
  },
  {
    route: 'GET /api/certificates/:id',
    op: 'read',
    access: [Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.COURT_PRESIDENT],
    allowed: 'hidden',
    request: () => r('GET', `/api/certificates/${NO_SUCH}`),
  },
  {
    route: 'POST /api/certificates/:id/copies',
    op: 'write',
    access: [Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.COURT_PRESIDENT],
    allowed: 'hidden',
    request: () =>
      r('POST', `/api/certificates/${NO_SUCH}/copies`, {
        recipient: 'SENTENCING_COURT',
        addressee: 'Tòa án nhân dân thành phố Hà Nội',
        sentOn: '2025-09-02',
      }),
  },
  {
    route: 'POST /api/certificate-batches',
    op: 'write',
    access: [Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.COURT_PRESIDENT],
    // A facility outside the caller's units does not exist for them.
    allowed: 'hidden',
    request: () =>
      r('POST', '/api/certificate-batches', {
        roundId: NO_SUCH,
        facilityId: NO_SUCH,
        symbol: 'GCNĐX',
        signer: { title: 'Giám thị', name: 'Nguyễn Văn Thành' },
      }),
  },
  {
    route: 'GET /api/certificate-batches/pending',
    op: 'read',
    access: [Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.COURT_PRESIDENT],
    request: () => r('GET', '/api/certificate-batches/pending'),
  },
  {
    route: 'POST /api/certificates/:id/presentation',
    op: 'write',
    // The commune or military unit the certificate names records it too (Luật Đặc xá 2018, Điều 20, khoản 2, điểm a).
    access: [Role.LOCAL_UNIT_OFFICER, Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.COURT_PRESIDENT],
    allowed: 'hidden',
    request: () =>
      r('POST', `/api/certificates/${NO_SUCH}/presentation`, {
        presentedOn: '2025-09-05',
        presentedTo: 'Ủy ban nhân dân xã Tân Lập',
        version: 1,
        dossierVersion: 1,
      }),
  },
  {
    route: 'GET /api/presentations',
    op: 'read',
    access: [Role.LOCAL_UNIT_OFFICER],
    request: () => r('GET', '/api/presentations'),
  },
  {
    route: 'GET /api/rounds/:roundId/certificate-presentations',
    op: 'read',
    access: [
      Role.WARDEN,
      Role.DEPARTMENT_OFFICER,
      Role.MINISTRY_OFFICER,
      Role.COUNCIL_STANDING_OFFICER,
      Role.COURT_PRESIDENT,
    ],
    request: (w) => r('GET', `/api/rounds/${w.round.id}/certificate-presentations`),
  },

  // Their pages
  {
    route: 'GET /appraisal-records',
    op: 'read',
    access: NATIONAL,
    web: true,
    request: () => r('GET', '/appraisal-records'),
  },
  {
    route: 'POST /appraisal-records',
    op: 'write',
    access: [Role.APPRAISER],
    web: true,
    request: () => form('POST', '/appraisal-records'),
  },
  {
    route: 'GET /certificates',
    op: 'read',
    access: [Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.COURT_PRESIDENT],
    web: true,
    request: () => r('GET', '/certificates'),
  },
  {
    route: 'GET /certificates/presentations',
    op: 'read',
    access: [
      Role.WARDEN,
      Role.DEPARTMENT_OFFICER,
      Role.COURT_PRESIDENT,
      Role.MINISTRY_OFFICER,
      Role.COUNCIL_STANDING_OFFICER,
    ],
    web: true,
    request: () => r('GET', '/certificates/presentations'),
  },
  {
    route: 'POST /certificates/postings',
    op: 'write',
    access: [Role.WARDEN],
    web: true,
    request: () => form('POST', '/certificates/postings'),
  },
  {
    route: 'POST /certificates/batches',
    op: 'write',
    access: [Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.COURT_PRESIDENT],
    web: true,
    request: () => form('POST', '/certificates/batches'),
  },
  {
    route: 'POST /certificates/:id/copies',
    op: 'write',
    access: [Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.COURT_PRESIDENT],
    web: true,
    request: () => form('POST', `/certificates/${NO_SUCH}/copies`),
  },
  {
    route: 'POST /certificates/:id/presentation',
    op: 'write',
    access: [Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.COURT_PRESIDENT],
    web: true,
    request: () => form('POST', `/certificates/${NO_SUCH}/presentation`),
  },
  {
    route: 'GET /presentations',
    op: 'read',
    access: [Role.LOCAL_UNIT_OFFICER],
    web: true,
    request: () => r('GET', '/presentations'),
  },
  {
    route: 'POST /presentations/:id',
    op: 'write',
    access: [Role.LOCAL_UNIT_OFFICER],
    web: true,
    allowed: 'hidden',
    request: () =>
      form('POST', `/presentations/${NO_SUCH}`, { presentedOn: '05/09/2025', version: 1, dossierVersion: 1 }),
  },

  // Complaints (the matrix checks the role gate; scope per record is in test/e2e/complaints.spec.ts)
  {
    route: 'GET /api/complaints',
    op: 'read',
    access: COMPLAINT_READERS,
    request: () => r('GET', '/api/complaints'),
  },
  {
    route: 'GET /api/complaints/:id',
    op: 'read',
    access: COMPLAINT_READERS,
    allowed: 'hidden',
    request: () => r('GET', `/api/complaints/${NO_SUCH}`),
  },
  {
    route: 'POST /api/complaints',
    op: 'write',
    access: COMPLAINT_RECORDERS,
    request: () => r('POST', '/api/complaints', {}),
  },
  {
    route: 'POST /api/complaints/:id/decision',
    op: 'write',
    access: COMPLAINT_DECIDERS,
    allowed: 'hidden',
    request: () =>
      r('POST', `/api/complaints/${NO_SUCH}/decision`, {
        accept: false,
        reason: 'Không có căn cứ chấp nhận khiếu nại.',
        decidedOn: '2025-07-19',
        version: 1,
        dossierVersion: 1,
      }),
  },

  // Documents
  {
    route: 'POST /api/documents',
    op: 'write',
    access: DOCUMENT_USERS,
    request: () => r('POST', '/api/documents', {}),
    content: creations(false),
  },
  {
    route: 'GET /api/documents/:id',
    op: 'read',
    access: DOCUMENT_USERS,
    targets: allDocuments,
    request: (_w, _role, t) => r('GET', `/api/documents/${t!.id}`),
  },
  {
    route: 'GET /api/documents/:id/file',
    op: 'read',
    access: DOCUMENT_USERS,
    targets: allDocuments,
    request: (_w, _role, t) => r('GET', `/api/documents/${t!.id}/file`),
  },
  {
    route: 'GET /api/documents/jobs/:id',
    op: 'read',
    access: DOCUMENT_USERS,
    targets: (w) => documentTargets(w, 'jobId'),
    request: (_w, _role, t) => r('GET', `/api/documents/jobs/${t!.id}`),
  },
  {
    route: 'POST /api/documents/verify',
    op: 'write',
    access: DOCUMENT_USERS,
    request: (w) => ({ method: 'POST', path: '/api/documents/verify', upload: w.at[Position.OWN].documents[0].bytes }),
    content: verifications,
  },

  // Simulations of a draft round: ministries, the standing body and the administrator; adopting one changes the round
  // for every facility, so only the standing body and the administrator may. A simulation that does not exist is
  // answered as one out of scope.
  { route: 'GET /api/simulations', op: 'read', access: SIMULATORS, request: () => r('GET', '/api/simulations') },
  {
    route: 'POST /api/simulations',
    op: 'write',
    access: SIMULATORS,
    request: (w) => r('POST', '/api/simulations', { roundId: w.round.id, changes: {} }),
  },
  ...(['', '/progress', '/changes', '/changes.csv', '/figures.xlsx'] as const).map((tail): Row => ({
    route: `GET /api/simulations/:id${tail}`,
    op: 'read',
    access: SIMULATORS,
    allowed: 'hidden',
    request: () => r('GET', `/api/simulations/${NO_SUCH}${tail}`),
  })),
  {
    route: 'GET /api/simulations/compare',
    op: 'read',
    access: SIMULATORS,
    allowed: 'hidden',
    request: () => r('GET', `/api/simulations/compare?a=${NO_SUCH}&b=${NO_SUCH}`),
  },
  {
    route: 'POST /api/simulations/:id/adopt',
    op: 'write',
    access: ADOPTERS,
    request: () => r('POST', `/api/simulations/${NO_SUCH}/adopt`, { version: 1 }),
  },
  {
    route: 'DELETE /api/simulations/:id',
    op: 'write',
    access: SIMULATORS,
    request: () => r('DELETE', `/api/simulations/${NO_SUCH}?version=1`),
  },
  { route: 'GET /simulation', op: 'read', access: SIMULATORS, web: true, request: () => r('GET', '/simulation') },
  {
    route: 'GET /simulation/:id',
    op: 'read',
    access: SIMULATORS,
    web: true,
    allowed: 'hidden',
    request: () => r('GET', `/simulation/${NO_SUCH}`),
  },
  {
    route: 'GET /simulation/compare',
    op: 'read',
    access: SIMULATORS,
    web: true,
    allowed: 'hidden',
    request: () => r('GET', `/simulation/compare?a=${NO_SUCH}&b=${NO_SUCH}`),
  },
  {
    route: 'POST /simulation',
    op: 'write',
    access: SIMULATORS,
    web: true,
    request: (w) => form('POST', '/simulation', { roundId: w.round.id }),
  },
  {
    route: 'POST /simulation/:id/adopt',
    op: 'write',
    access: ADOPTERS,
    web: true,
    allowed: 'hidden',
    request: () => form('POST', `/simulation/${NO_SUCH}/adopt`, { version: '1' }),
  },
  {
    route: 'POST /simulation/:id/delete',
    op: 'write',
    access: SIMULATORS,
    web: true,
    allowed: 'hidden',
    request: () => form('POST', `/simulation/${NO_SUCH}/delete`, { version: '1' }),
  },

  // Web pages
  { route: 'GET /', op: 'read', access: ALL_ROLES, web: true, request: () => r('GET', '/') },
  {
    route: 'GET /dossiers',
    op: 'read',
    access: ALL_ROLES,
    web: true,
    request: () => r('GET', '/dossiers'),
    content: listing(
      'dossier',
      () => r('GET', '/dossiers'),
      (w, p) => `/dossiers/${w.at[p].dossierId}`,
    ),
  },
  {
    route: 'GET /dossiers/:id',
    op: 'read',
    access: ALL_ROLES,
    web: true,
    targets: dossierTargets,
    request: (_w, _role, t) => r('GET', `/dossiers/${t!.id}`),
  },
  { route: 'GET /dossiers/new', op: 'read', access: CAMP, web: true, request: () => r('GET', '/dossiers/new') },
  { route: 'GET /dossiers/import', op: 'read', access: CAMP, web: true, request: () => r('GET', '/dossiers/import') },
  // Without a file the page answers 400 with its message; the role gate and the form token come first.
  {
    route: 'POST /dossiers/import',
    op: 'write',
    access: CAMP,
    web: true,
    request: () => form('POST', '/dossiers/import'),
  },
  {
    route: 'GET /dossiers/import/:id',
    op: 'read',
    access: CAMP,
    web: true,
    allowed: 'hidden',
    request: () => r('GET', `/dossiers/import/${NO_SUCH}`),
  },
  {
    route: 'POST /dossiers/import/:id/commit',
    op: 'write',
    access: CAMP,
    web: true,
    allowed: 'hidden',
    request: () => form('POST', `/dossiers/import/${NO_SUCH}/commit`),
  },

  { route: 'POST /dossiers', op: 'write', access: CAMP, web: true, request: () => form('POST', '/dossiers') },
  {
    route: 'GET /dossiers/:id/edit',
    op: 'read',
    access: CAMP,
    web: true,
    targets: dossierTargets,
    request: (_w, _role, t) => r('GET', `/dossiers/${t!.id}/edit`),
  },
  {
    route: 'POST /dossiers/:id',
    op: 'write',
    access: CAMP,
    web: true,
    targets: dossierTargets,
    request: (_w, _role, t) => form('POST', `/dossiers/${t!.id}`, { expectedVersion: STALE }),
  },
  {
    route: 'POST /dossiers/:id/events',
    op: 'write',
    access: PIPELINE,
    web: true,
    targets: dossierTargets,
    request: (_w, _role, t) => form('POST', `/dossiers/${t!.id}/events`, { event: 'withdraw', version: STALE }),
  },
  {
    route: 'POST /dossiers/events',
    op: 'write',
    access: PIPELINE,
    web: true,
    request: () => form('POST', '/dossiers/events', { event: 'withdraw', pick: [`${NO_SUCH}:${STALE}`] }),
    allowed: 'hidden',
  },
  { route: 'GET /ballots', op: 'read', access: [Role.TEAM_OFFICER], web: true, request: () => r('GET', '/ballots') },
  {
    route: 'POST /ballots',
    op: 'write',
    access: [Role.TEAM_OFFICER],
    web: true,
    request: () => form('POST', '/ballots'),
  },
  {
    route: 'GET /ballots/meetings/:id',
    op: 'read',
    access: [Role.TEAM_OFFICER],
    web: true,
    targets: meetingTargets,
    request: (_w, _role, t) => r('GET', `/ballots/meetings/${t!.id}`),
  },
  { route: 'GET /camp/council', op: 'read', access: CAMP, web: true, request: () => r('GET', '/camp/council') },
  {
    route: 'POST /camp/council',
    op: 'write',
    access: [Role.CAMP_COUNCIL_MEMBER],
    web: true,
    request: () => form('POST', '/camp/council'),
  },
  {
    route: 'POST /camp/lists',
    op: 'write',
    access: [Role.WARDEN],
    web: true,
    request: () => form('POST', '/camp/lists'),
  },
  {
    route: 'GET /complaints',
    op: 'read',
    access: COMPLAINT_READERS,
    web: true,
    request: () => r('GET', '/complaints'),
  },
  {
    route: 'POST /complaints',
    op: 'write',
    access: COMPLAINT_RECORDERS,
    web: true,
    request: () => form('POST', '/complaints'),
  },
  {
    route: 'POST /complaints/:id/decision',
    op: 'write',
    access: COMPLAINT_DECIDERS,
    web: true,
    request: () => form('POST', `/complaints/${NO_SUCH}/decision`),
  },
  // The court's page (scope per record in test/e2e/courts.spec.ts)
  {
    route: 'GET /court',
    op: 'read',
    access: [Role.COURT_OFFICER, Role.COURT_PRESIDENT],
    web: true,
    request: () => r('GET', '/court'),
  },
  {
    route: 'POST /court/proposals',
    op: 'write',
    access: [Role.COURT_OFFICER],
    web: true,
    request: () => form('POST', '/court/proposals'),
  },
  {
    route: 'POST /court/lists',
    op: 'write',
    access: [Role.COURT_PRESIDENT],
    web: true,
    request: () => form('POST', '/court/lists'),
  },
  {
    route: 'POST /court/lists/:id/notice',
    op: 'write',
    access: [Role.COURT_PRESIDENT],
    web: true,
    request: () => form('POST', `/court/lists/${NO_SUCH}/notice`),
  },
  {
    route: 'POST /court/lists/:id/submit',
    op: 'write',
    access: [Role.COURT_PRESIDENT],
    web: true,
    request: () => form('POST', `/court/lists/${NO_SUCH}/submit`),
  },
  {
    route: 'POST /lists/:id/foreign-ministry-notice',
    op: 'write',
    access: [Role.COUNCIL_STANDING_OFFICER],
    web: true,
    // An id that cannot exist is no list of the President's decision: 404 past the role gate.
    allowed: 'hidden',
    request: () => form('POST', `/lists/${NO_SUCH}/foreign-ministry-notice`),
  },
  {
    route: 'POST /lists/:id/procuracy-notice',
    op: 'write',
    access: [Role.WARDEN],
    web: true,
    targets: (w) =>
      POSITIONS.map((p) => ({
        label: `camp list, ${p}`,
        id: w.at[p].listId,
        readers: new Set(p === Position.OWN ? [Role.WARDEN] : []),
      })),
    request: (_w, _role, t) => form('POST', `/lists/${t!.id}/procuracy-notice`),
  },
  {
    route: 'POST /camp/lists/:id/submit',
    op: 'write',
    access: [Role.WARDEN],
    web: true,
    targets: (w) =>
      POSITIONS.map((p) => ({
        label: `camp list, ${p}`,
        id: w.at[p].listId,
        readers: new Set(p === Position.OWN ? [Role.WARDEN] : []),
      })),
    request: (_w, _role, t) => form('POST', `/camp/lists/${t!.id}/submit`),
  },
  {
    route: 'GET /lists',
    op: 'read',
    access: PIPELINE,
    web: true,
    request: () => r('GET', '/lists'),
    content: listing(
      'camp list',
      () => r('GET', '/lists'),
      (w, p) => `/lists/${w.at[p].listId}`,
    ),
  },
  {
    route: 'GET /lists/:id',
    op: 'read',
    access: PIPELINE,
    web: true,
    targets: listTargets,
    request: (_w, _role, t) => r('GET', `/lists/${t!.id}`),
  },
  {
    route: 'POST /lists/forward',
    op: 'write',
    access: HOP,
    web: true,
    request: (w) => form('POST', '/lists/forward', { token: 'x'.repeat(32), roundId: w.round.id }),
  },
  {
    route: 'GET /releases',
    op: 'read',
    access: [Role.WARDEN, Role.COURT_PRESIDENT],
    web: true,
    request: () => r('GET', '/releases'),
  },
  {
    route: 'POST /releases/:id/release',
    op: 'write',
    access: [Role.WARDEN, Role.COURT_PRESIDENT],
    web: true,
    allowed: 'hidden',
    request: () =>
      form('POST', `/releases/${NO_SUCH}/release`, { releasedOn: '01/01/2026', version: 1, dossierVersion: 1 }),
  },
  {
    route: 'POST /releases/all',
    op: 'write',
    access: [Role.WARDEN, Role.COURT_PRESIDENT],
    web: true,
    request: () => form('POST', '/releases/all', { releasedOn: '01/01/2026' }),
  },
  {
    route: 'GET /screenings',
    op: 'read',
    access: [Role.ADMIN, Role.COUNCIL_STANDING_OFFICER, Role.MINISTRY_OFFICER],
    web: true,
    request: () => r('GET', '/screenings'),
  },
  {
    route: 'POST /screenings',
    op: 'write',
    access: [Role.ADMIN, Role.COUNCIL_STANDING_OFFICER, Role.MINISTRY_OFFICER],
    web: true,
    allowed: 'hidden',
    request: () => form('POST', '/screenings', { roundId: NO_SUCH }),
  },
  {
    route: 'GET /screenings/:id',
    op: 'read',
    access: [Role.ADMIN, Role.COUNCIL_STANDING_OFFICER, Role.MINISTRY_OFFICER],
    web: true,
    targets: screeningTargets,
    request: (_w, _role, t) => r('GET', `/screenings/${t!.id}`),
  },
  {
    route: 'POST /documents',
    op: 'write',
    access: PIPELINE,
    web: true,
    request: () => form('POST', '/documents'),
    content: creations(true),
  },
  {
    route: 'GET /documents/jobs/:id',
    op: 'read',
    access: PIPELINE,
    web: true,
    targets: (w) => documentTargets(w, 'jobId'),
    request: (_w, _role, t) => r('GET', `/documents/jobs/${t!.id}`),
  },
  {
    route: 'GET /appraisal',
    op: 'read',
    access: [Role.APPRAISER],
    web: true,
    request: () => r('GET', '/appraisal'),
  },
  {
    route: 'GET /appraisal/flags',
    op: 'read',
    access: [Role.APPRAISER],
    web: true,
    request: () => r('GET', '/appraisal/flags'),
  },
  {
    route: 'POST /appraisal/dossiers/:id/flags',
    op: 'write',
    access: [Role.APPRAISER],
    web: true,
    targets: dossierTargets,
    request: (_w, _role, t) =>
      form('POST', `/appraisal/dossiers/${t!.id}/flags`, {
        field: 'person.birthDate',
        kind: 'content',
        message: 'Ngày sinh khác bản án.',
      }),
  },
  {
    route: 'POST /appraisal/dossiers/:id/opinion',
    op: 'write',
    access: [Role.APPRAISER],
    web: true,
    targets: dossierTargets,
    request: (_w, _role, t) =>
      form('POST', `/appraisal/dossiers/${t!.id}/opinion`, { opinion: 'agree', version: String(STALE) }),
  },
  {
    route: 'POST /appraisal/opinions',
    op: 'write',
    access: [Role.APPRAISER],
    web: true,
    targets: dossierTargets,
    hiddenStatus: 400,
    request: (_w, _role, t) =>
      form('POST', '/appraisal/opinions', {
        rows: [
          {
            dossierId: t!.id,
            version: String(STALE),
            was: 'agree',
            except: '1',
            opinion: 'disagree',
            note: 'Chưa đủ.',
          },
        ],
      }),
  },
  {
    route: 'GET /standing/flags',
    op: 'read',
    access: [Role.COUNCIL_STANDING_OFFICER, Role.COUNCIL_MEMBER],
    web: true,
    request: () => r('GET', '/standing/flags'),
  },
  {
    route: 'POST /standing/flags/:id/resolve',
    op: 'write',
    access: [Role.COUNCIL_STANDING_OFFICER],
    web: true,
    targets: flagTarget,
    request: (_w, _role, t) =>
      form('POST', `/standing/flags/${t!.id}/resolve`, { accept: 'true', version: String(STALE) }),
  },
  {
    route: 'GET /standing/report',
    op: 'read',
    access: [Role.COUNCIL_STANDING_OFFICER, Role.COUNCIL_MEMBER],
    web: true,
    request: () => r('GET', '/standing/report'),
  },
  {
    route: 'POST /standing/report',
    op: 'write',
    access: [Role.COUNCIL_STANDING_OFFICER],
    web: true,
    request: (w) => form('POST', '/standing/report', { roundId: w.round.id }),
  },
  {
    route: 'GET /standing/president',
    op: 'read',
    access: [Role.COUNCIL_STANDING_OFFICER],
    web: true,
    request: () => r('GET', '/standing/president'),
  },
  {
    route: 'POST /standing/president',
    op: 'write',
    access: [Role.COUNCIL_STANDING_OFFICER],
    web: true,
    request: () => form('POST', '/standing/president'),
  },
  {
    route: 'GET /council',
    op: 'read',
    access: [Role.COUNCIL_MEMBER],
    web: true,
    request: () => r('GET', '/council'),
  },
  {
    route: 'POST /council',
    op: 'write',
    access: [Role.COUNCIL_MEMBER],
    web: true,
    request: () => form('POST', '/council'),
  },
  ...['/admin/users', '/admin/units', '/admin/rounds'].flatMap((path): Row[] => [
    { route: `GET ${path}`, op: 'read', access: [Role.ADMIN], web: true, request: () => r('GET', path) },
    { route: `POST ${path}`, op: 'write', access: [Role.ADMIN], web: true, request: () => form('POST', path) },
  ]),
  {
    route: 'GET /admin/rounds/:code',
    op: 'read',
    access: [Role.ADMIN],
    web: true,
    request: (w) => r('GET', `/admin/rounds/${w.round.code}`),
  },
  {
    route: 'POST /admin/rounds/:code',
    op: 'write',
    access: [Role.ADMIN],
    web: true,
    request: (w) => form('POST', `/admin/rounds/${w.round.code}`),
  },
  {
    route: 'POST /admin/users/:id/active',
    op: 'write',
    access: [Role.ADMIN],
    web: true,
    request: () => form('POST', `/admin/users/${NO_SUCH}/active`, { version: String(STALE) }),
    allowed: 'hidden',
  },
];
