import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UnauthorizedException } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { AppConfig } from '../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { AuthRepository } from './auth.repository.js';
import { verifyPassword } from './password.js';
import type { SessionUser } from './session-user.js';
import { AuthErrorCode, AuthException } from './auth.exception.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<{ token: string; expiresAt: Date; user: SessionUser }> {
    const found = await this.repository.findByUsername(username.trim());
    // The same answer for an unknown user and a wrong password, so accounts cannot be discovered.
    const ok = found ? await verifyPassword(password, found.passwordHash) : false;
    if (!found || !ok || !found.active) {
      throw new AuthException('Tên đăng nhập hoặc mật khẩu không đúng.', AuthErrorCode.INVALID_CREDENTIALS);
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + this.config.sessionTtlMinutes * 60_000);
    const { passwordHash: _hash, active: _active, ...user } = found;
    await this.dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
        hashToken(token),
        user.id,
        expiresAt,
      ]);
      await this.audit.record(manager, {
        actor: { id: user.id, name: user.username },
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
      });
    });
    return { token, expiresAt, user };
  }

  async logout(token: string, user: SessionUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [
        hashToken(token),
        this.clock.now(),
      ]);
      await this.audit.record(manager, {
        actor: { id: user.id, name: user.username },
        action: 'auth.logout',
        entityType: 'user',
        entityId: user.id,
      });
    });
  }

  async resolve(token: string | undefined): Promise<SessionUser> {
    if (!token) throw new UnauthorizedException();
    const user = await this.repository.findSessionUser(hashToken(token), this.clock.now());
    if (!user) throw new UnauthorizedException('Phiên làm việc đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.');
    return user;
  }
}
