import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { ForbiddenException } from '../common/app.exception.js';
import { CommonErrorCode } from '../common/error-codes.js';
import { csrfToken } from '../web/csrf.js';

export const CSRF_HEADER = 'x-csrf-token';
// Any header a plain HTML form cannot send makes the request "non-simple": another site's page would need a CORS
// preflight, which this service never grants.
export const REQUESTED_WITH_HEADER = 'x-requested-with';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(request: Request): string | undefined {
  const origin = request.headers.origin;
  if (origin && origin !== 'null') return origin;
  return request.headers.referer || (origin === 'null' ? 'null' : undefined);
}

export function isSameOrigin(request: Request): boolean {
  const source = originOf(request);
  if (!source) return false;
  try {
    return new URL(source).host === request.host;
  } catch {
    return false;
  }
}

function tokenMatches(sent: string, sessionToken: string | undefined): boolean {
  const expected = csrfToken(sessionToken);
  return sent.length === expected.length && timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}

// API writes that ride on the browser's session cookie must prove they come from this site's own pages: a
// same-origin Origin (or Referer) AND either the page's CSRF token or a header no cross-site form can send. Writes
// authenticated by a bearer token carry no ambient credential and pass. Runs after the global AuthGuard.
@Injectable()
export class ApiCsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { sessionToken?: string }>();
    if (SAFE_METHODS.has(request.method) || !request.path.startsWith('/api/')) return true;
    if (request.headers.authorization?.startsWith('Bearer ')) return true;
    const origin = originOf(request);
    // Public routes (the login) carry no session; a foreign page must still not log a browser into an account.
    if (!request.sessionToken) {
      if (origin && !isSameOrigin(request)) throw crossSite();
      return true;
    }
    if (!isSameOrigin(request)) throw crossSite();
    const sent = request.headers[CSRF_HEADER];
    const proved =
      (typeof sent === 'string' && tokenMatches(sent, request.sessionToken)) ||
      !!request.headers[REQUESTED_WITH_HEADER];
    if (!proved)
      throw new ForbiddenException(
        `Yêu cầu ghi dữ liệu bằng phiên đăng nhập của trình duyệt phải kèm tiêu đề ${CSRF_HEADER} (mã chống giả mạo của phiên) hoặc ${REQUESTED_WITH_HEADER}.`,
        CommonErrorCode.CSRF,
      );
    return true;
  }
}

function crossSite(): ForbiddenException {
  return new ForbiddenException(
    'Yêu cầu ghi dữ liệu phải gửi từ chính trang của hệ thống (tiêu đề Origin hoặc Referer cùng địa chỉ); yêu cầu từ trang khác bị từ chối.',
    CommonErrorCode.CSRF,
  );
}
