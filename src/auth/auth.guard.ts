import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ForbiddenException } from '../common/app.exception.js';
import { IS_PUBLIC, ROLES } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import { readSessionToken } from './session-token.js';
import type { Role } from './user.entity.js';
import type { SessionUser } from './session-user.js';
import { ROLE_LABELS } from './session-user.js';

// Registered globally: every route needs a live session unless it is marked @Public().
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: SessionUser; sessionToken?: string }>();
    const token = readSessionToken(request);
    request.user = await this.auth.resolve(token);
    request.sessionToken = token;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(request.user.role)) {
      throw new ForbiddenException(
        `Vai trò "${ROLE_LABELS[request.user.role]}" không được thực hiện thao tác này; chỉ dành cho: ${roles.map((r) => ROLE_LABELS[r]).join(', ')}.`,
      );
    }
    return true;
  }
}
