import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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

  async findByUsername(username: string): Promise<(SessionUser & { passwordHash: string; active: boolean }) | null> {
    const rows: UserRow[] = await this.dataSource.query(`${USER_SELECT} WHERE lower(u.username) = lower($1)`, [
      username,
    ]);
    return rows.length
      ? { ...toSessionUser(rows[0]), passwordHash: rows[0].password_hash, active: rows[0].active }
      : null;
  }

  async createSession(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.dataSource.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
      tokenHash,
      userId,
      expiresAt,
    ]);
  }

  async findSessionUser(tokenHash: string, now: Date): Promise<SessionUser | null> {
    const rows: UserRow[] = await this.dataSource.query(
      `${USER_SELECT} JOIN sessions s ON s.user_id = u.id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.active`,
      [tokenHash, now],
    );
    return rows.length ? toSessionUser(rows[0]) : null;
  }

  async revokeSession(tokenHash: string, now: Date): Promise<void> {
    await this.dataSource.query('UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [
      tokenHash,
      now,
    ]);
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
