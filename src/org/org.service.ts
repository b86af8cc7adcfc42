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
import { AuthRepository } from '../auth/auth.repository.js';
import { OrgRepository } from './org.repository.js';
import { actorOf } from '../kernel/actor.js';
import { OrgErrorCode, OrgException } from './org.exception.js';

@Injectable()
export class OrgService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly org: OrgRepository,
    private readonly sessions: AuthRepository,
    private readonly audit: AuditService,
  ) {}

  // Everyone sees the national bodies and the chain above them; units see their own subtree; the administrator all.
  async listUnits(user: SessionUser) {
    return this.org.listUnits({ all: user.role === Role.ADMIN, path: user.orgUnitPath });
  }

  async createUnit(user: SessionUser, input: CreateOrgUnitDto) {
    return this.dataSource.transaction(async (manager) => {
      const parent = input.parentCode ? await this.org.unitByCode(manager, input.parentCode) : null;
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
      const supervised = input.supervisedUnitCode
        ? await this.org.commandByCode(manager, input.supervisedUnitCode)
        : null;
      if (input.supervisedUnitCode && !supervised)
        errors.push({
          path: 'supervisedUnitCode',
          code: 'unknownUnit',
          message: `Trường "supervisedUnitCode": không có Công an tỉnh hoặc Bộ Tư lệnh quân khu mã "${input.supervisedUnitCode}".`,
        });
      if (errors.length) throw new ValidationFailedException(errors);
      if (await this.org.unitByCode(manager, input.code))
        throw duplicateCode(`Mã đơn vị "${input.code}" đã tồn tại (trường "code").`);
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
        supervisedUnitId: supervised?.id ?? null,
      };
      await this.org.insertUnit(manager, row);
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
    return this.org.listUsers();
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
      const unit = await this.org.unitByCode(manager, input.orgUnitCode);
      if (!unit)
        throw new ValidationFailedException([
          {
            path: 'orgUnitCode',
            code: 'unknownUnit',
            message: `Trường "orgUnitCode": không có đơn vị mã "${input.orgUnitCode}".`,
          },
        ]);
      if (await this.org.usernameTaken(manager, input.username))
        throw new OrgException(`Tên đăng nhập "${input.username}" đã được dùng.`, OrgErrorCode.DUPLICATE_USERNAME);
      // Hashing costs 128 MiB and a fraction of a second: only once the cheap checks have passed.
      const passwordHash = await hashPassword(input.password);
      const created = await this.org.insertUser(manager, {
        username: input.username,
        passwordHash,
        fullName: input.fullName,
        role: input.role,
        unitId: unit.id,
        agency: input.agency ?? null,
      });
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
      const before = await this.org.lockUser(manager, id);
      if (!before) throw new NotFoundException('người dùng');
      if (before.version !== input.expectedVersion)
        throw new StaleWriteException('Tài khoản', input.expectedVersion, before.version);
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      const after = await this.org.updateUser(manager, {
        id,
        expectedVersion: input.expectedVersion,
        active: input.active ?? null,
        role: input.role ?? null,
        passwordHash,
      });
      // A new password or a deactivated account ends every session the account had open.
      const revoked = after.active === false || passwordHash ? await this.sessions.revokeSessionsOf(manager, id) : 0;
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
