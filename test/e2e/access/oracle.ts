import { Role } from '../../../src/auth/user.entity.js';
import { DocumentSource, Position, POSITIONS, type World } from './world.js';

// Who should see what, written from the rules in plain terms rather than from the code that enforces them.

export const ALL_ROLES = Object.values(Role);
export const PIPELINE = ALL_ROLES.filter((r) => r !== Role.ADMIN);
export const CAMP = [Role.TEAM_OFFICER, Role.CAMP_COUNCIL_MEMBER, Role.WARDEN];
export const NATIONAL = [Role.APPRAISER, Role.COUNCIL_STANDING_OFFICER, Role.COUNCIL_MEMBER];
export const HOP = [Role.DEPARTMENT_OFFICER, Role.MINISTRY_OFFICER, Role.APPRAISER, Role.COUNCIL_STANDING_OFFICER];

// The positions inside each unit role's subtree (the team officer's team is in the own camp).
const SUBTREE: Partial<Record<Role, Position[]>> = {
  [Role.TEAM_OFFICER]: [Position.OWN],
  [Role.CAMP_COUNCIL_MEMBER]: [Position.OWN],
  [Role.WARDEN]: [Position.OWN],
  [Role.DEPARTMENT_OFFICER]: [Position.OWN, Position.OTHER_FACILITY],
  [Role.MINISTRY_OFFICER]: [Position.OWN, Position.OTHER_FACILITY, Position.OTHER_DEPARTMENT],
};
const inSubtree = (role: Role, position: Position) => (SUBTREE[role] ?? []).includes(position);
// Only the own camp's records went on to the national bodies.
const reachedNational = (position: Position) => position === Position.OWN;
const isNational = (role: Role) => NATIONAL.includes(role);

export type RecordKind = 'dossier' | 'camp list' | 'team meeting' | 'camp council';

export function sees(role: Role, kind: RecordKind, position: Position): boolean {
  switch (kind) {
    case 'dossier':
      return inSubtree(role, position) || (isNational(role) && reachedNational(position));
    // A camp's list belongs to the facility and goes to the department: a team officer is below it.
    case 'camp list':
      return (
        (role !== Role.TEAM_OFFICER && inSubtree(role, position)) || (isNational(role) && reachedNational(position))
      );
    case 'team meeting':
      return inSubtree(role, position);
    case 'camp council':
      return role !== Role.TEAM_OFFICER && inSubtree(role, position);
  }
}

export const DOCUMENT_RECORD: Record<DocumentSource, RecordKind> = {
  [DocumentSource.CAMP_LIST]: 'camp list',
  [DocumentSource.TEAM_MEETING]: 'team meeting',
  [DocumentSource.CAMP_COUNCIL]: 'camp council',
  [DocumentSource.DOSSIER]: 'dossier',
};

// Who issues a document of the own camp's source under their own letterhead.
const ISSUERS: Record<DocumentSource, Role[]> = {
  [DocumentSource.CAMP_LIST]: [Role.CAMP_COUNCIL_MEMBER, Role.WARDEN],
  [DocumentSource.TEAM_MEETING]: [Role.TEAM_OFFICER],
  [DocumentSource.CAMP_COUNCIL]: [Role.CAMP_COUNCIL_MEMBER, Role.WARDEN],
  [DocumentSource.DOSSIER]: [Role.CAMP_COUNCIL_MEMBER, Role.WARDEN],
};
export const issues = (role: Role, source: DocumentSource, position: Position) =>
  position === Position.OWN && ISSUERS[source].includes(role);

// A record addressed by id, with the roles that may read it.
export interface Target {
  label: string;
  id: string;
  readers: ReadonlySet<Role>;
}

const readersOf = (test: (role: Role) => boolean) => new Set(ALL_ROLES.filter(test));

export function dossierTargets(w: World): Target[] {
  return POSITIONS.map((p) => ({
    label: `dossier, ${p}`,
    id: w.at[p].dossierId,
    readers: readersOf((r) => sees(r, 'dossier', p)),
  }));
}

export function listTargets(w: World): Target[] {
  return [
    ...POSITIONS.map((p) => ({
      label: `camp list, ${p}`,
      id: w.at[p].listId,
      readers: readersOf((r) => sees(r, 'camp list', p)),
    })),
    {
      label: 'department list, own unit',
      id: w.upper.departmentListId,
      readers: new Set([Role.DEPARTMENT_OFFICER, Role.MINISTRY_OFFICER, ...NATIONAL]),
    },
    {
      label: 'ministry list, own unit',
      id: w.upper.ministryListId,
      readers: new Set([Role.MINISTRY_OFFICER, ...NATIONAL]),
    },
  ];
}

export function meetingTargets(w: World): Target[] {
  return POSITIONS.map((p) => ({
    label: `team meeting, ${p}`,
    id: w.at[p].meetingId,
    readers: readersOf((r) => sees(r, 'team meeting', p)),
  }));
}

// Documents and their jobs: read by whoever may read the source.
export function documentTargets(w: World, of: 'id' | 'jobId' = 'id'): Target[] {
  const targets = POSITIONS.flatMap((p) =>
    w.at[p].documents.map((d) => ({
      label: `${of === 'id' ? 'document' : 'job'} from ${d.source}, ${p}`,
      id: d[of],
      readers: readersOf((r) => sees(r, DOCUMENT_RECORD[d.source], p)),
    })),
  );
  return targets;
}

export function appraisalNoteTarget(w: World): Target {
  return {
    label: 'appraisal note of the own dossier',
    id: w.upper.appraisalNoteId,
    readers: readersOf((r) => sees(r, 'dossier', Position.OWN)),
  };
}

export function screeningTargets(w: World): Target[] {
  return [
    { label: 'screening by own ministry', id: w.screenings.ownMinistry, readers: new Set([Role.MINISTRY_OFFICER]) },
    { label: 'screening by other ministry', id: w.screenings.otherMinistry, readers: new Set<Role>() },
    { label: 'screening by administrator', id: w.screenings.admin, readers: new Set([Role.ADMIN]) },
    {
      label: 'screening by standing body',
      id: w.screenings.standing,
      readers: new Set([Role.COUNCIL_STANDING_OFFICER]),
    },
  ];
}
