import type { EntityManager } from 'typeorm';

// Plain bulk inserts for the organisation, accounts and rounds: one statement per table, values passed as one jsonb
// parameter (the same technique as the dossier bulk writer).
export type { NewUnitRow as OrgUnitRow } from '../../src/org/org.repository.js';
import type { NewUnitRow as OrgUnitRow } from '../../src/org/org.repository.js';

export interface UserRow {
  id: string;
  username: string;
  passwordHash: string;
  fullName: string;
  role: string;
  orgUnitId: string;
  agency: string | null;
}

export interface RoundRow {
  id: string;
  code: string;
  name: string;
  rulePack: string;
  decisionNumber: string;
  decisionDate: string;
  guidanceRef: string | null;
  cutoffDate: string;
  parameters: unknown;
  deadlines: unknown;
  status: string;
  postedAt: string | null;
}

const CHUNK = 5000;

async function insertJson(
  manager: EntityManager,
  table: string,
  columns: [string, string][],
  rows: Record<string, unknown>[],
): Promise<void> {
  const names = columns.map(([c]) => c).join(', ');
  const types = columns.map(([c, t]) => `${c} ${t}`).join(', ');
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager.query(
      `INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${types})`,
      [JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}

export async function insertOrgUnits(manager: EntityManager, units: OrgUnitRow[]): Promise<void> {
  await insertJson(
    manager,
    'org_units',
    [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['kind', 'text'],
      ['parent_id', 'uuid'],
      ['path', 'text'],
      ['ministry', 'text'],
      ['department_kind', 'text'],
      ['facility_kind', 'text'],
      ['body_kind', 'text'],
      ['place', 'text'],
      ['supervised_unit_id', 'uuid'],
    ],
    units.map((u) => ({
      id: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind,
      parent_id: u.parentId,
      path: u.path,
      ministry: u.ministry,
      department_kind: u.departmentKind,
      facility_kind: u.facilityKind,
      body_kind: u.bodyKind,
      place: u.place,
      supervised_unit_id: u.supervisedUnitId ?? null,
    })),
  );
}

export async function insertUsers(manager: EntityManager, users: UserRow[]): Promise<void> {
  await insertJson(
    manager,
    'users',
    [
      ['id', 'uuid'],
      ['username', 'text'],
      ['password_hash', 'text'],
      ['full_name', 'text'],
      ['role', 'text'],
      ['org_unit_id', 'uuid'],
      ['agency', 'text'],
    ],
    users.map((u) => ({
      id: u.id,
      username: u.username,
      password_hash: u.passwordHash,
      full_name: u.fullName,
      role: u.role,
      org_unit_id: u.orgUnitId,
      agency: u.agency,
    })),
  );
}

export async function insertRounds(manager: EntityManager, rounds: RoundRow[]): Promise<void> {
  await insertJson(
    manager,
    'rounds',
    [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['rule_pack', 'text'],
      ['decision_number', 'text'],
      ['decision_date', 'date'],
      ['guidance_ref', 'text'],
      ['cutoff_date', 'date'],
      ['parameters', 'jsonb'],
      ['deadlines', 'jsonb'],
      ['status', 'text'],
      ['posted_at', 'date'],
    ],
    rounds.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      rule_pack: r.rulePack,
      decision_number: r.decisionNumber,
      decision_date: r.decisionDate,
      guidance_ref: r.guidanceRef,
      cutoff_date: r.cutoffDate,
      parameters: r.parameters,
      deadlines: r.deadlines,
      status: r.status,
      posted_at: r.postedAt,
    })),
  );
}
