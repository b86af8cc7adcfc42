import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { AppException, type FieldError } from '../../common/app.exception.js';
import { toFieldErrors } from '../../common/validation-messages.js';
import { CreateOrgUnitDto, CreateUserDto } from '../../org/org.dto.js';
import { OrgService } from '../../org/org.service.js';
import { WebCsrfGuard } from '../csrf.js';
import { optionsOf } from '../render/labels.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

const FIELD_LABELS: Record<string, string> = {
  username: 'Tên đăng nhập',
  fullName: 'Họ và tên',
  password: 'Mật khẩu',
  role: 'Vai trò',
  orgUnitCode: 'Đơn vị',
  agency: 'Cơ quan cử',
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  kind: 'Loại đơn vị',
  parentCode: 'Đơn vị cấp trên',
  facilityKind: 'Loại trại',
  departmentKind: 'Loại cơ quan quản lý',
  bodyKind: 'Loại cơ quan trung ương',
  ministry: 'Bộ',
  place: 'Địa danh',
};

function messages(errors: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors)
    out[e.path] ??= `${FIELD_LABELS[e.path] ?? e.path}: ${e.message.replace(/^(Trường|Tham số) "[^"]*":?\s*/, '')}`;
  return out;
}

function blankToUndefined(body: Record<string, unknown>, keys: string[]): Record<string, string | undefined> {
  return Object.fromEntries(
    keys.map((k) => [
      k,
      typeof body[k] === 'string' && (body[k] as string).trim() ? (body[k] as string).trim() : undefined,
    ]),
  );
}

// Accounts and units, through the organisation service's own rules (hierarchy checks, agency for appraisers).
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Roles(Role.ADMIN)
@Controller('admin')
export class AdminOrgController {
  constructor(
    private readonly pages: PageService,
    private readonly org: OrgService,
  ) {}

  @Get('users')
  @Header('content-type', 'text/html; charset=utf-8')
  users(@Req() request: WebRequest, @CurrentUser() user: SessionUser): Promise<string> {
    return this.renderUsers(request, user);
  }

  @Post('users')
  async createUser(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const values = blankToUndefined(body, ['username', 'fullName', 'password', 'role', 'orgUnitCode', 'agency']);
    const dto = plainToInstance(CreateUserDto, values);
    const errors = toFieldErrors(await validate(dto, { whitelist: true }));
    if (!errors.length) {
      try {
        await this.org.createUser(user, dto);
        response.redirect(303, '/admin/users?msg=user');
        return;
      } catch (error) {
        if (!(error instanceof AppException) || error.status >= 500) throw error;
        errors.push(
          ...(error.errors.length ? error.errors : [{ path: 'username', code: error.code, message: error.message }]),
        );
      }
    }
    response
      .status(400)
      .type('html')
      .send(await this.renderUsers(request, user, { ...values, password: '' }, messages(errors)));
  }

  @Post('users/:id/active')
  async toggle(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    await this.org.updateUser(user, id, { expectedVersion: Number(body.version), active: body.active === 'true' });
    response.redirect(303, '/admin/users?msg=user');
  }

  @Get('units')
  @Header('content-type', 'text/html; charset=utf-8')
  units(@Req() request: WebRequest, @CurrentUser() user: SessionUser): Promise<string> {
    return this.renderUnits(request, user);
  }

  @Post('units')
  async createUnit(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const values = blankToUndefined(body, [
      'code',
      'name',
      'kind',
      'parentCode',
      'ministry',
      'departmentKind',
      'facilityKind',
      'bodyKind',
      'place',
    ]);
    const dto = plainToInstance(CreateOrgUnitDto, { ...values, code: values.code?.toUpperCase() });
    const errors = toFieldErrors(await validate(dto, { whitelist: true }));
    if (!errors.length) {
      try {
        await this.org.createUnit(user, dto);
        response.redirect(303, '/admin/units?msg=unit');
        return;
      } catch (error) {
        if (!(error instanceof AppException) || error.status >= 500) throw error;
        errors.push(
          ...(error.errors.length ? error.errors : [{ path: 'code', code: error.code, message: error.message }]),
        );
      }
    }
    response
      .status(400)
      .type('html')
      .send(await this.renderUnits(request, user, values, messages(errors)));
  }

  private async renderUsers(
    request: WebRequest,
    user: SessionUser,
    values: Record<string, unknown> = {},
    errors: Record<string, string> = {},
  ): Promise<string> {
    const units: { code: string; name: string }[] = await this.org.listUnits(user);
    return this.pages.render(request, 'admin/users', 'Người dùng', {
      users: await this.org.listUsers(),
      values,
      errors,
      errorList: Object.values(errors),
      roles: optionsOf('role').map((o) => ({ ...o, selected: o.value === values.role })),
      agencies: optionsOf('agency').map((o) => ({ ...o, selected: o.value === values.agency })),
      units: units.map((u) => ({
        value: u.code,
        label: `${u.name} (${u.code})`,
        selected: u.code === values.orgUnitCode,
      })),
    });
  }

  private async renderUnits(
    request: WebRequest,
    user: SessionUser,
    values: Record<string, unknown> = {},
    errors: Record<string, string> = {},
  ): Promise<string> {
    const units: { code: string; name: string; kind: string; parentId: string | null; id: string }[] =
      await this.org.listUnits(user);
    const byId = new Map(units.map((u) => [u.id, u]));
    const depth = (u: { parentId: string | null }): number =>
      u.parentId && byId.has(u.parentId) ? 1 + depth(byId.get(u.parentId)!) : 0;
    const select = (kind: string, key: string) =>
      optionsOf(kind).map((o) => ({ ...o, selected: o.value === values[key] }));
    return this.pages.render(request, 'admin/units', 'Đơn vị', {
      units: units.map((u) => ({
        ...u,
        indent: Math.min(depth(u), 6),
        parentName: u.parentId ? byId.get(u.parentId)?.name : '',
      })),
      values,
      errors,
      errorList: Object.values(errors),
      kinds: select('orgKind', 'kind'),
      parents: units
        .filter((u) => u.kind !== 'TEAM')
        .map((u) => ({ value: u.code, label: `${u.name} (${u.code})`, selected: u.code === values.parentCode })),
      facilityKinds: select('facilityKind', 'facilityKind'),
      departmentKinds: select('departmentKind', 'departmentKind'),
      bodyKinds: select('bodyKind', 'bodyKind'),
      ministries: select('ministry', 'ministry'),
    });
  }
}
