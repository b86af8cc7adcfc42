import { Body, Controller, Get, Header, Inject, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { AuthService } from '../auth/auth.service.js';
import { LoginThrottledException } from '../auth/login-throttle.exception.js';
import { SESSION_COOKIE, clientAddress, readSessionToken, sessionCookieOptions } from '../auth/session-token.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { AppConfig } from '../config/app-config.js';
import { AppException } from '../common/app.exception.js';
import { WebCsrfGuard } from './csrf.js';
import { PageService, type WebRequest } from './render/page.service.js';
import { WebExceptionFilter } from './web-exception.filter.js';

// Only a path on this site may follow the login, never another host ("//evil" or "https://…").
export function safeNext(next: unknown): string {
  const text = typeof next === 'string' ? next : '';
  return text.startsWith('/') && !text.startsWith('//') && !text.startsWith('/\\') ? text : '/';
}

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Controller()
export class LoginController {
  constructor(
    private readonly auth: AuthService,
    private readonly pages: PageService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('login')
  @Header('content-type', 'text/html; charset=utf-8')
  form(@Query('next') next: string | undefined, @Query('msg') msg: string | undefined): string {
    return this.pages.renderBare('login', 'Đăng nhập', { next: safeNext(next), loggedOut: msg === 'loggedOut' });
  }

  @Public()
  @Post('login')
  async login(
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const username = String(body.username ?? '');
    const next = safeNext(body.next);
    try {
      const password = String(body.password ?? '');
      const { token, expiresAt } = await this.auth.login({ username, password, address: clientAddress(request) });
      response.cookie(SESSION_COOKIE, token, sessionCookieOptions(this.config.cookieSecure, expiresAt));
      response.redirect(303, next);
    } catch (error) {
      if (!(error instanceof AppException) || (error.status !== 401 && error.status !== 429)) throw error;
      if (error instanceof LoginThrottledException) response.setHeader('retry-after', String(error.retryAfterSeconds));
      const html = this.pages.renderBare('login', 'Đăng nhập', { next, username, error: error.message });
      response.status(error.status).type('html').send(html);
    }
  }

  @Post('logout')
  async logout(@Req() request: WebRequest, @Res() response: Response): Promise<void> {
    const token = readSessionToken(request);
    if (token && request.user) await this.auth.logout(token, request.user);
    response.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.config.cookieSecure));
    response.redirect(303, '/login?msg=loggedOut');
  }
}
