import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Public } from './auth.decorators.js';
import { LoginDto } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { SESSION_COOKIE, readSessionToken } from './session-token.js';
import { ROLE_LABELS, type SessionUser } from './session-user.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) response: Response) {
    const { token, expiresAt, user } = await this.auth.login(body.username, body.password);
    response.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', expires: expiresAt, path: '/' });
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
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  me(@CurrentUser() user: SessionUser) {
    return present(user);
  }
}

function present(user: SessionUser) {
  return { ...user, roleLabel: ROLE_LABELS[user.role] };
}
