import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { returnedRows } from '../common/sql.js';
import type { OrgUnitKind } from './org-unit.entity.js';

export interface NewUnitRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  path: string;
  ministry: string | null;
  departmentKind: string | null;
  facilityKind: string | null;
  bodyKind: string | null;
  place: string | null;
  // A local procuracy or a court: the provincial police or military-region command standing for its province.
  supervisedUnitId?: string | null;
}

export type UnitListing = Omit<NewUnitRow, 'path' | 'supervisedUnitId'>;

export interface UserRow {
  id: string;
  username: string;
  fullName: string;
  role: string;
  agency: string | null;
  active: boolean;
  version: number;
}

export interface LockedUser {
  id: string;
  username: string;
  role: string;
  active: boolean;
  version: number;
}

// The organisation tree's and the accounts' tables.
@Injectable()
export class OrgRepository {
  constructor(private readonly dataSource: DataSource) {}

  // `all`, or the units on the path of `path` (its subtree and its chain), and the national bodies.
  listUnits(scope: { all: boolean; path: string }): Promise<UnitListing[]> {
    return this.dataSource.query(
      `SELECT o.id, o.code, o.name, o.kind, o.parent_id AS "parentId", o.ministry, o.department_kind AS "departmentKind",
              o.facility_kind AS "facilityKind", o.body_kind AS "bodyKind", o.place
       FROM org_units o
       WHERE $1 OR o.path LIKE $2 OR $3 LIKE o.path || '%' OR o.kind = 'NATIONAL_BODY'
       ORDER BY o.path`,
      [scope.all, `${scope.path}%`, scope.path],
    );
  }

  async unitByCode(
    manager: EntityManager,
    code: string,
  ): Promise<{ id: string; kind: OrgUnitKind; path: string; ministry: string | null } | null> {
    const rows = await manager.query('SELECT id, kind, path, ministry FROM org_units WHERE code = $1', [code]);
    return rows[0] ?? null;
  }

  // A provincial police or military-region command, which stands for its province in the tree.
  async commandByCode(manager: EntityManager, code: string): Promise<{ id: string } | null> {
    const rows = await manager.query(
      `SELECT id FROM org_units WHERE code = $1 AND kind = 'DEPARTMENT'
       AND department_kind IN ('PROVINCIAL_POLICE', 'MILITARY_REGION')`,
      [code],
    );
    return rows[0] ?? null;
  }

  async insertUnit(manager: EntityManager, row: NewUnitRow): Promise<void> {
    await manager.query(
      `INSERT INTO org_units (id, code, name, kind, parent_id, path, ministry, department_kind, facility_kind, body_kind, place,
         supervised_unit_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
      [
        row.id,
        row.code,
        row.name,
        row.kind,
        row.parentId,
        row.path,
        row.ministry,
        row.departmentKind,
        row.facilityKind,
        row.bodyKind,
        row.place,
        row.supervisedUnitId ?? null,
      ],
    );
  }

  listUsers(): Promise<(UserRow & { orgUnitCode: string; orgUnitName: string })[]> {
    return this.dataSource.query(
      `SELECT u.id, u.username, u.full_name AS "fullName", u.role, u.agency, u.active, u.version, o.code AS "orgUnitCode", o.name AS "orgUnitName"
       FROM users u JOIN org_units o ON o.id = u.org_unit_id ORDER BY o.path, u.username`,
    );
  }

  async usernameTaken(manager: EntityManager, username: string): Promise<boolean> {
    return (await manager.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username])).length > 0;
  }

  async insertUser(
    manager: EntityManager,
    user: {
      username: string;
      passwordHash: string;
      fullName: string;
      role: string;
      unitId: string;
      agency: string | null;
    },
  ): Promise<UserRow> {
    const [created] = await manager.query(
      `INSERT INTO users (username, password_hash, full_name, role, org_unit_id, agency) VALUES ($1,$2,$3,$4,$5,$6)
       RETURNING id, username, full_name AS "fullName", role, agency, active, version`,
      [user.username, user.passwordHash, user.fullName, user.role, user.unitId, user.agency],
    );
    return created;
  }

  async lockUser(manager: EntityManager, id: string): Promise<LockedUser | null> {
    const rows = await manager.query('SELECT id, username, role, active, version FROM users WHERE id = $1 FOR UPDATE', [
      id,
    ]);
    return rows[0] ?? null;
  }

  // Writes only over the version read; a null field stays as it was.
  async updateUser(
    manager: EntityManager,
    change: {
      id: string;
      expectedVersion: number;
      active: boolean | null;
      role: string | null;
      passwordHash: string | null;
    },
  ): Promise<LockedUser> {
    const [after] = returnedRows<LockedUser>(
      await manager.query(
        `UPDATE users SET active = COALESCE($3, active), role = COALESCE($4, role), password_hash = COALESCE($5, password_hash),
         version = version + 1 WHERE id = $1 AND version = $2 RETURNING id, username, role, active, version`,
        [change.id, change.expectedVersion, change.active, change.role, change.passwordHash],
      ),
    );
    return after;
  }
}
