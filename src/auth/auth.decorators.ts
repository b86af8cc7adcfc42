import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from './user.entity.js';
import type { SessionUser } from './session-user.js';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';

// A route anyone may call without a session (login, health).
export const Public = () => SetMetadata(IS_PUBLIC, true);
// The roles that may call a route; without it any signed-in user may.
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): SessionUser => {
  const request = ctx.switchToHttp().getRequest<{ user?: SessionUser }>();
  if (!request.user) throw new Error('CurrentUser used on a public route');
  return request.user;
});
