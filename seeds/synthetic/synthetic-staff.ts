import type { EntityManager } from 'typeorm';
import type { AuditService } from '../../src/audit/audit.service.js';
import { Role } from '../../src/auth/user.entity.js';
import { OrgUnitKind } from '../../src/org/org-unit.entity.js';
import type { Rng } from '../common/prng.js';
import { insertUsers } from '../common/seed-writer.js';

// The staff of the synthetic camp network, so that a synthetic round can be walked through the services as real
// officials would: a team officer for each team, a council member and a warden for each camp, an officer for each
// department and ministry above a synthetic camp. Usernames derive from the unit codes ("syn.syn-tg-001-d1.team").
export interface SyntheticCamp {
  code: string;
  teamOfficers: string[];
  councilMember: string;
  warden: string;
}

export interface SyntheticStaff {
  camps: SyntheticCamp[];
  // Departments first, then ministries: the order in which their lists move up.
  departments: string[];
  ministries: string[];
}

const username = (code: string, what: string) => `syn.${code.toLowerCase()}.${what}`;

interface UnitRow {
  id: string;
  code: string;
  kind: OrgUnitKind;
  parent_code: string | null;
  facility_code: string | null;
}

// Creates the accounts that are missing (by username), all with `passwordHash`, with one audit row each.
export async function ensureSyntheticStaff(
  manager: EntityManager,
  rng: Rng,
  passwordHash: string,
  audit: AuditService,
): Promise<SyntheticStaff> {
  // The synthetic units, each team with its camp (a team may sit under a sub-camp), and the units above the camps.
  const units: UnitRow[] = await manager.query(
    `SELECT u.id, u.code, u.kind, p.code AS parent_code,
            (SELECT f.code FROM org_units f WHERE f.kind = 'FACILITY' AND u.path LIKE f.path || '%' LIMIT 1)
              AS facility_code
     FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id
     WHERE u.code LIKE 'SYN-%' AND u.kind IN ('FACILITY', 'TEAM') ORDER BY u.code`,
  );
  const facilities = units.filter((u) => u.kind === OrgUnitKind.FACILITY);
  const above: { id: string; code: string; kind: OrgUnitKind }[] = await manager.query(
    `SELECT DISTINCT a.id, a.code, a.kind FROM org_units f JOIN org_units a ON f.path LIKE a.path || '%' AND a.id <> f.id
     WHERE f.code LIKE 'SYN-%' AND f.kind = 'FACILITY' AND a.kind IN ('DEPARTMENT', 'MINISTRY') ORDER BY a.code`,
  );
  const wanted: { username: string; fullName: string; role: Role; unitId: string }[] = [];
  const camps: SyntheticCamp[] = facilities.map((f) => {
    const teams = units.filter((u) => u.kind === OrgUnitKind.TEAM && u.facility_code === f.code);
    const camp: SyntheticCamp = {
      code: f.code,
      teamOfficers: teams.map((t) => username(t.code, 'team')),
      councilMember: username(f.code, 'council'),
      warden: username(f.code, 'warden'),
    };
    teams.forEach((t, i) =>
      wanted.push({
        username: camp.teamOfficers[i],
        fullName: `Quản giáo ${t.code}`,
        role: Role.TEAM_OFFICER,
        unitId: t.id,
      }),
    );
    wanted.push({
      username: camp.councilMember,
      fullName: `Thành viên Hội đồng ${f.code}`,
      role: Role.CAMP_COUNCIL_MEMBER,
      unitId: f.id,
    });
    wanted.push({ username: camp.warden, fullName: `Giám thị ${f.code}`, role: Role.WARDEN, unitId: f.id });
    return camp;
  });
  const officers = (kind: OrgUnitKind, role: Role) =>
    above
      .filter((u) => u.kind === kind)
      .map((u) => {
        wanted.push({ username: username(u.code, 'officer'), fullName: `Cán bộ ${u.code}`, role, unitId: u.id });
        return username(u.code, 'officer');
      });
  const departments = officers(OrgUnitKind.DEPARTMENT, Role.DEPARTMENT_OFFICER);
  const ministries = officers(OrgUnitKind.MINISTRY, Role.MINISTRY_OFFICER);

  const existing = new Set(
    (
      (await manager.query('SELECT username FROM users WHERE username = ANY($1::text[])', [
        wanted.map((w) => w.username),
      ])) as { username: string }[]
    ).map((r) => r.username),
  );
  const rows = wanted
    .filter((w) => !existing.has(w.username))
    .map((w) => ({
      id: rng.uuid(),
      username: w.username,
      passwordHash,
      fullName: w.fullName,
      role: w.role,
      orgUnitId: w.unitId,
      agency: null,
    }));
  if (rows.length > 0) {
    await insertUsers(manager, rows);
    await audit.record(
      manager,
      rows.map((u) => ({
        actor: { id: null, name: 'seed' },
        action: 'user.create',
        entityType: 'user',
        entityId: u.id,
        after: { username: u.username, role: u.role, agency: u.agency },
      })),
    );
  }
  return { camps, departments, ministries };
}
