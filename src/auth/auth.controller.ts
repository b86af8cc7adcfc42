import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Public } from './auth.decorators.js';
import { LoginDto } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { LoginThrottledException } from './login-throttle.exception.js';
import { SESSION_COOKIE, clientAddress, readSessionToken, sessionCookieOptions } from './session-token.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { AppConfig } from '../config/app-config.js';
import { ROLE_LABELS, type SessionUser } from './session-user.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const { token, expiresAt, user } = await this.auth
      .login({ ...body, address: clientAddress(request) })
      .catch((error: unknown) => {
        if (error instanceof LoginThrottledException)
          response.setHeader('retry-after', String(error.retryAfterSeconds));
        throw error;
      });
    response.cookie(SESSION_COOKIE, token, sessionCookieOptions(this.config.cookieSecure, expiresAt));
    return { token, expiresAt: expiresAt.toISOString(), user: present(user) };
  }

  @Post('logout')
  @HttpCode(204)
  async logout(
    @Req() request: Request,
    @CurrentUser() user: SessionUser,
    @Res({ passthrough: true }) response: Response,
  ) {
    const token = readSessionToken(request);
    if (token) await this.auth.logout(token, user);
    response.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.config.cookieSecure));
  }

  @Get('me')
  me(@CurrentUser() user: SessionUser) {
    return present(user);
  }
}

function present(user: SessionUser) {
  return { ...user, roleLabel: ROLE_LABELS[user.role] };
}
