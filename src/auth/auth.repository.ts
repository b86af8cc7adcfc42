import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { returnedRows } from '../common/sql.js';
import type { ThrottleState } from './login-throttle.js';
import type { SessionUser } from './session-user.js';

interface UserRow {
  id: string;
  username: string;
  full_name: string;
  role: SessionUser['role'];
  agency: SessionUser['agency'];
  org_unit_id: string;
  org_unit_name: string;
  org_unit_kind: SessionUser['orgUnitKind'];
  org_unit_path: string;
  password_hash: string;
  active: boolean;
}

const USER_SELECT = `
  SELECT u.id, u.username, u.full_name, u.role, u.agency, u.org_unit_id, u.password_hash, u.active,
         o.name AS org_unit_name, o.kind AS org_unit_kind, o.path AS org_unit_path
  FROM users u JOIN org_units o ON o.id = u.org_unit_id`;

@Injectable()
export class AuthRepository {
  constructor(private readonly dataSource: DataSource) {}

  // On the caller's transaction: a login holds one connection already, and waiting for a second one from the pool
  // while holding it would stall every login once as many arrive together as the pool has connections.
  async findByUsername(
    username: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<(SessionUser & { passwordHash: string; active: boolean }) | null> {
    const rows: UserRow[] = await manager.query(`${USER_SELECT} WHERE lower(u.username) = lower($1)`, [username]);
    return rows.length
      ? { ...toSessionUser(rows[0]), passwordHash: rows[0].password_hash, active: rows[0].active }
      : null;
  }

  async createSession(
    manager: EntityManager,
    session: { userId: string; tokenHash: string; expiresAt: Date; now: Date },
  ): Promise<void> {
    await manager.query(
      'INSERT INTO sessions (token_hash, user_id, expires_at, last_seen_at) VALUES ($1, $2, $3, $4)',
      [session.tokenHash, session.userId, session.expiresAt, session.now],
    );
  }

  // Holds, until the transaction ends, the lock under which one account's or address's login attempts are counted;
  // false when another attempt holds it.
  async tryLockAttempts(manager: EntityManager, key: string): Promise<boolean> {
    const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 7)) AS locked', [
      key,
    ]);
    return locked;
  }

  // A live session: not revoked, within its absolute lifetime and used within the idle timeout.
  async findSessionUser(
    tokenHash: string,
    now: Date,
    idleSince: Date,
  ): Promise<(SessionUser & { sessionId: string; lastSeenAt: Date }) | null> {
    const rows: (UserRow & { session_id: string; last_seen_at: Date })[] = await this.dataSource.query(
      `${USER_SELECT.replace('SELECT', 'SELECT s.id AS session_id, s.last_seen_at,')} JOIN sessions s ON s.user_id = u.id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND s.last_seen_at > $3 AND u.active`,
      [tokenHash, now, idleSince],
    );
    return rows.length
      ? { ...toSessionUser(rows[0]), sessionId: rows[0].session_id, lastSeenAt: rows[0].last_seen_at }
      : null;
  }

  async touchSession(sessionId: string, now: Date): Promise<void> {
    await this.dataSource.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2', [
      sessionId,
      now,
    ]);
  }

  async revokeSession(manager: EntityManager, tokenHash: string, now: Date): Promise<void> {
    await manager.query('UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [
      tokenHash,
      now,
    ]);
  }

  // Ends every open session of the account; how many were open.
  async revokeSessionsOf(manager: EntityManager, userId: string): Promise<number> {
    const rows = await manager.query(
      'UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id',
      [userId],
    );
    return returnedRows(rows).length;
  }

  async throttleStates(manager: EntityManager, keys: string[]): Promise<ThrottleState[]> {
    const rows: { key: string; failures: number; last_failure_at: Date; locked_until: Date | null }[] =
      await manager.query(
        'SELECT key, failures, last_failure_at, locked_until FROM login_throttle WHERE key = ANY($1::text[])',
        [keys],
      );
    return rows.map((r) => ({
      key: r.key,
      failures: r.failures,
      lastFailureAt: r.last_failure_at,
      lockedUntil: r.locked_until,
    }));
  }

  async saveThrottle(manager: EntityManager, state: ThrottleState): Promise<void> {
    await manager.query(
      `INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET failures = $2, last_failure_at = $3, locked_until = $4`,
      [state.key, state.failures, state.lastFailureAt, state.lockedUntil],
    );
  }

  async clearThrottle(manager: EntityManager, key: string): Promise<void> {
    await manager.query('DELETE FROM login_throttle WHERE key = $1', [key]);
  }

  async updatePasswordHash(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
  }
}

function toSessionUser(r: UserRow): SessionUser {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    role: r.role,
    agency: r.agency,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    orgUnitKind: r.org_unit_kind,
    orgUnitPath: r.org_unit_path,
  };
}
