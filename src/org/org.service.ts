import { duplicateCode } from '../common/database-errors.js';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NotFoundException, StaleWriteException, ValidationFailedException } from '../common/app.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password.js';
import { Role } from '../auth/user.entity.js';
import type { SessionUser } from '../auth/session-user.js';
import type { CreateOrgUnitDto, CreateUserDto, UpdateUserDto } from './org.dto.js';
import { checkUnitPlacement } from './org-rules.js';
import type { OrgUnitKind } from './org-unit.entity.js';
import { returnedRows } from '../common/sql.js';
import { actorOf } from '../kernel/actor.js';
import { OrgErrorCode, OrgException } from './org.exception.js';

@Injectable()
export class OrgService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  // Everyone sees the national bodies and the chain above them; units see their own subtree; the administrator all.
  async listUnits(user: SessionUser) {
    const all = user.role === Role.ADMIN;
    return this.dataSource.query(
      `SELECT o.id, o.code, o.name, o.kind, o.parent_id AS "parentId", o.ministry, o.department_kind AS "departmentKind",
              o.facility_kind AS "facilityKind", o.body_kind AS "bodyKind", o.place
       FROM org_units o
       WHERE $1 OR o.path LIKE $2 OR $3 LIKE o.path || '%' OR o.kind = 'NATIONAL_BODY'
       ORDER BY o.path`,
      [all, `${user.orgUnitPath}%`, user.orgUnitPath],
    );
  }

  async createUnit(user: SessionUser, input: CreateOrgUnitDto) {
    return this.dataSource.transaction(async (manager) => {
      const parent = input.parentCode
        ? ((
            await manager.query('SELECT id, kind, path, ministry FROM org_units WHERE code = $1', [input.parentCode])
          )[0] as { id: string; kind: OrgUnitKind; path: string; ministry: string | null } | undefined)
        : undefined;
      if (input.parentCode && !parent) {
        throw new ValidationFailedException([
          {
            path: 'parentCode',
            code: 'unknownUnit',
            message: `Trường "parentCode": không có đơn vị mã "${input.parentCode}".`,
          },
        ]);
      }
      const errors = checkUnitPlacement({ ...input, parentKind: parent?.kind ?? null });
      if (errors.length) throw new ValidationFailedException(errors);
      const exists = await manager.query('SELECT 1 FROM org_units WHERE code = $1', [input.code]);
      if (exists.length) throw duplicateCode(`Mã đơn vị "${input.code}" đã tồn tại (trường "code").`);
      const id = randomUUID();
      const row = {
        id,
        code: input.code,
        name: input.name,
        kind: input.kind,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        ministry: input.ministry ?? parent?.ministry ?? null,
        departmentKind: input.departmentKind ?? null,
        facilityKind: input.facilityKind ?? null,
        bodyKind: input.bodyKind ?? null,
        place: input.place ?? null,
      };
      await manager.query(
        `INSERT INTO org_units (id, code, name, kind, parent_id, path, ministry, department_kind, facility_kind, body_kind, place)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
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
        ],
      );
      await this.audit.record(manager, {
        actor: actorOf(user),
        action: 'org.unit.create',
        entityType: 'org_unit',
        entityId: id,
        after: row,
      });
      return row;
    });
  }

  async listUsers() {
    return this.dataSource.query(
      `SELECT u.id, u.username, u.full_name AS "fullName", u.role, u.agency, u.active, u.version, o.code AS "orgUnitCode", o.name AS "orgUnitName"
       FROM users u JOIN org_units o ON o.id = u.org_unit_id ORDER BY o.path, u.username`,
    );
  }

  async createUser(actor: SessionUser, input: CreateUserDto) {
    if (input.role === Role.APPRAISER && !input.agency) {
      throw new ValidationFailedException([
        {
          path: 'agency',
          code: 'required',
          message: 'Trường "agency" là bắt buộc với thành viên Tổ thẩm định (cơ quan cử).',
        },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const [unit] = await manager.query('SELECT id FROM org_units WHERE code = $1', [input.orgUnitCode]);
      if (!unit)
        throw new ValidationFailedException([
          {
            path: 'orgUnitCode',
            code: 'unknownUnit',
            message: `Trường "orgUnitCode": không có đơn vị mã "${input.orgUnitCode}".`,
          },
        ]);
      const taken = await manager.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [input.username]);
      if (taken.length)
        throw new OrgException(`Tên đăng nhập "${input.username}" đã được dùng.`, OrgErrorCode.DUPLICATE_USERNAME);
      // Hashing costs 128 MiB and a fraction of a second: only once the cheap checks have passed.
      const passwordHash = await hashPassword(input.password);
      const [created] = await manager.query(
        `INSERT INTO users (username, password_hash, full_name, role, org_unit_id, agency) VALUES ($1,$2,$3,$4,$5,$6)
         RETURNING id, username, full_name AS "fullName", role, agency, active, version`,
        [input.username, passwordHash, input.fullName, input.role, unit.id, input.agency ?? null],
      );
      await this.audit.record(manager, {
        actor: actorOf(actor),
        action: 'user.create',
        entityType: 'user',
        entityId: created.id,
        after: {
          username: created.username,
          role: created.role,
          orgUnitCode: input.orgUnitCode,
          agency: created.agency,
        },
      });
      return created;
    });
  }

  async updateUser(actor: SessionUser, id: string, input: UpdateUserDto) {
    return this.dataSource.transaction(async (manager) => {
      const [before] = await manager.query(
        'SELECT id, username, role, active, version FROM users WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!before) throw new NotFoundException('người dùng');
      if (before.version !== input.expectedVersion)
        throw new StaleWriteException('Tài khoản', input.expectedVersion, before.version);
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      const [after] = returnedRows<{ id: string; username: string; role: string; active: boolean; version: number }>(
        await manager.query(
          `UPDATE users SET active = COALESCE($3, active), role = COALESCE($4, role), password_hash = COALESCE($5, password_hash),
           version = version + 1 WHERE id = $1 AND version = $2 RETURNING id, username, role, active, version`,
          [id, input.expectedVersion, input.active ?? null, input.role ?? null, passwordHash],
        ),
      );
      // A new password or a deactivated account ends every session the account had open.
      const revoked =
        after.active === false || passwordHash
          ? returnedRows(
              await manager.query(
                'UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id',
                [id],
              ),
            ).length
          : 0;
      await this.audit.record(manager, {
        actor: actorOf(actor),
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        before,
        after: { ...after, passwordChanged: !!passwordHash, sessionsEnded: revoked },
      });
      return after;
    });
  }
}
