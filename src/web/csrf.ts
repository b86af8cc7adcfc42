import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { ForbiddenException } from '../common/app.exception.js';
import { CommonErrorCode } from '../common/error-codes.js';
import { IS_PUBLIC } from '../auth/auth.decorators.js';

export const CSRF_FIELD = '_csrf';

// A per-session token derived from the session token: it needs no storage, dies with the session, and a page on
// another site cannot compute it because the session cookie is httpOnly.
export function csrfToken(sessionToken: string | undefined): string {
  return createHash('sha256')
    .update(`csrf:${sessionToken ?? ''}`)
    .digest('base64url');
}

// Browsers send Origin on form posts; an old one may not, and the form token still protects that case.
function sameOrigin(request: Request): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

// A form post made inside a session: the Origin header, when the browser sends one, must be this site, and the body
// must carry the session's token. A file upload is checked by its handler once the multipart body has been read.
export function assertFormPost(request: Request & { sessionToken?: string }, isPublic = false): void {
  if (!sameOrigin(request)) throw new ForbiddenException('Yêu cầu gửi từ trang khác bị từ chối.', CommonErrorCode.CSRF);
  if (isPublic) return;
  const sent = String((request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD] ?? '');
  const expected = csrfToken(request.sessionToken);
  const ok = sent.length === expected.length && timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!ok)
    throw new ForbiddenException(
      'Phiên biểu mẫu đã hết hạn. Hãy tải lại trang rồi thực hiện lại.',
      CommonErrorCode.CSRF,
    );
}

// Web form posts are checked before the handler runs. Runs after the global AuthGuard, which has resolved the session.
@Injectable()
export class WebCsrfGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { sessionToken?: string }>();
    if (request.method === 'GET' || request.method === 'HEAD') return true;
    assertFormPost(
      request,
      !!this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]),
    );
    return true;
  }
}
