import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException, UnauthorizedException } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { AppConfig } from '../config/app-config.js';
import { type AuditEntry, AuditService } from '../audit/audit.service.js';
import { AuthRepository } from './auth.repository.js';
import { LoginThrottledException, loginFailedMessage } from './login-throttle.exception.js';
import { afterFailure, refusalFor, type ThrottlePolicy, type ThrottleState } from './login-throttle.js';
import { hashPassword, needsRehash, verifyDecoy, verifyPassword } from './password.js';
import type { SessionUser } from './session-user.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// A session's last use is written at most this often, so reading pages does not write on every request.
const TOUCH_INTERVAL_MS = 60_000;

export interface LoginAttempt {
  username: string;
  password: string;
  // The client's address as Express reports it (behind a proxy: see TRUST_PROXY).
  address: string;
}

type Outcome = { ok: true; token: string; expiresAt: Date; user: SessionUser } | { ok: false; error: AppException };

@Injectable()
export class AuthService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get policy(): ThrottlePolicy {
    return { maxFailures: this.config.loginMaxFailures, lockMinutes: this.config.loginLockMinutes };
  }

  // One transaction per attempt: the throttle check, the password check, the counters, the session and the audit
  // rows commit together. Attempts on one account are taken one at a time (a transaction advisory lock), so parallel
  // guesses cannot slip past the delay.
  async login(attempt: LoginAttempt): Promise<{ token: string; expiresAt: Date; user: SessionUser }> {
    const name = attempt.username.trim();
    const keys = { account: `account:${name.toLowerCase()}`, address: `address:${attempt.address}` };
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome> => {
      const locked = await this.repository.tryLockAttempts(manager, keys.account);
      const now = this.clock.now();
      if (!locked) return { ok: false, error: LoginThrottledException.busy(now) };
      const states = await this.repository.throttleStates(manager, [keys.account, keys.address]);
      const refusal = refusalFor(states, now, this.policy);
      if (refusal) return { ok: false, error: new LoginThrottledException(refusal, now) };
      const found = await this.repository.findByUsername(name, manager);
      // The same answer and the same work for an unknown user and a wrong password, so accounts cannot be discovered.
      const ok = found
        ? await verifyPassword(attempt.password, found.passwordHash)
        : await verifyDecoy(attempt.password);
      if (!found || !ok || !found.active) return this.recordFailure(manager, { name, attempt, states, keys });
      const { passwordHash, active: _active, ...user } = found;
      await this.repository.clearThrottle(manager, keys.account);
      return { ok: true, user, ...(await this.openSession(manager, user, attempt, passwordHash)) };
    });
    if (!outcome.ok) throw outcome.error;
    return outcome;
  }

  private async openSession(manager: EntityManager, user: SessionUser, attempt: LoginAttempt, passwordHash: string) {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlMinutes * 60_000);
    await this.repository.createSession(manager, { userId: user.id, tokenHash: hashToken(token), expiresAt, now });
    const actor = { id: user.id, name: user.username };
    const entries: AuditEntry[] = [
      { actor, action: 'auth.login', entityType: 'user', entityId: user.id, after: { address: attempt.address } },
    ];
    if (needsRehash(passwordHash)) {
      await this.repository.updatePasswordHash(manager, user.id, await hashPassword(attempt.password));
      entries.push({
        actor,
        action: 'auth.password_rehash',
        entityType: 'user',
        entityId: user.id,
        reason: 'Băm lại mật khẩu theo chi phí scrypt hiện hành (N=2^17).',
      });
    }
    // Last, after the slow hash: the audit chain stays locked from the append until this transaction ends.
    await this.audit.record(manager, entries);
    return { token, expiresAt };
  }

  private async recordFailure(
    manager: EntityManager,
    input: { name: string; attempt: LoginAttempt; states: ThrottleState[]; keys: { account: string; address: string } },
  ): Promise<Outcome> {
    const now = this.clock.now();
    const next = [input.keys.account, input.keys.address].map((key) =>
      afterFailure(
        key,
        input.states.find((s) => s.key === key),
        now,
        this.policy,
      ),
    );
    for (const state of next) await this.repository.saveThrottle(manager, state);
    const [account, address] = next;
    const lockedNow = next.filter((s) => s.lockedUntil);
    await this.audit.record(manager, [
      {
        actor: { id: null, name: input.name.slice(0, 100) },
        action: 'auth.login_failed',
        entityType: 'login',
        entityId: input.name.toLowerCase().slice(0, 100),
        after: { address: input.attempt.address, accountFailures: account.failures, addressFailures: address.failures },
      },
      ...lockedNow.map((s) => ({
        actor: { id: null, name: input.name.slice(0, 100) },
        action: 'auth.login_locked',
        entityType: 'login',
        entityId: s.key.slice(0, 120),
        after: { failures: s.failures, lockedUntil: s.lockedUntil!.toISOString() },
      })),
    ]);
    return { ok: false, error: loginFailedMessage(refusalFor(next, now, this.policy), now) };
  }

  async logout(token: string, user: SessionUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.repository.revokeSession(manager, hashToken(token), this.clock.now());
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
    const now = this.clock.now();
    const idleSince = new Date(now.getTime() - this.config.sessionIdleMinutes * 60_000);
    const found = await this.repository.findSessionUser(hashToken(token), now, idleSince);
    if (!found) throw new UnauthorizedException('Phiên làm việc đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.');
    const { sessionId, lastSeenAt, ...user } = found;
    if (now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) await this.repository.touchSession(sessionId, now);
    return user;
  }
}
