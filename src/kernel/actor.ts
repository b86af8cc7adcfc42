import type { Role } from './roles.js';

// The signed-in account, as much of it as an actor needs (the auth feature's session user has more).
export interface ActingUser {
  id: string;
  username: string;
  role: Role;
  orgUnitId: string;
  orgUnitPath: string;
  agency: string | null;
}

// Who does something: the audit log names them by id and account name; the workflow also reads role and unit.
export interface Actor {
  id: string;
  name: string;
  role: Role;
  unitId: string;
  unitPath: string;
  agency: string | null;
}

export function actorOf(user: ActingUser): Actor {
  return {
    id: user.id,
    name: user.username,
    role: user.role,
    unitId: user.orgUnitId,
    unitPath: user.orgUnitPath,
    agency: user.agency,
  };
}
