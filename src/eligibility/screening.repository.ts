import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ScopeSubject } from '../auth/scope.service.js';
import { returnedRows } from '../common/sql.js';
import type { EligibilityErrorCode } from './eligibility.exception.js';

export interface ScreeningRow {
  id: string;
  roundId: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  total: number;
  done: number;
  errorCode: EligibilityErrorCode | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ClaimedScreening {
  round_id: string;
  resume_after: string | null;
  scope_role: ScopeSubject['role'] | null;
  scope_path: string | null;
}

// An ended screening, as its audit record names it.
export interface EndedScreening {
  roundId: string;
  done: number;
  requestedBy: string | null;
  requesterName: string | null;
}

const ENDED_COLUMNS = `round_id AS "roundId", done, requested_by AS "requestedBy",
  (SELECT u.username FROM users u WHERE u.id = screenings.requested_by) AS "requesterName"`;

// The screenings table: a screening's request, its claim by a worker, its progress and its end.
@Injectable()
export class ScreeningRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    screening: {
      roundId: string;
      total: number;
      requestedBy: string | null;
      scopeUnitId: string | null;
      scopeRole: string | null;
    },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO screenings (round_id, total, requested_by, scope_unit_id, scope_role) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [screening.roundId, screening.total, screening.requestedBy, screening.scopeUnitId, screening.scopeRole],
    );
    return row.id;
  }

  // Marks the screening running for one more attempt; null when it has ended (or does not exist).
  async claim(screeningId: string): Promise<ClaimedScreening | null> {
    const [claimed] = returnedRows<ClaimedScreening>(
      await this.dataSource.query(
        `UPDATE screenings s SET status = 'RUNNING', started_at = COALESCE(s.started_at, now()), attempts = s.attempts + 1
          WHERE s.id = $1 AND s.status IN ('QUEUED','RUNNING')
          RETURNING s.round_id, s.resume_after, s.scope_role,
                    (SELECT u.path FROM org_units u WHERE u.id = s.scope_unit_id) AS scope_path`,
        [screeningId],
      ),
    );
    return claimed ?? null;
  }

  // Inside the batch's transaction, with its results.
  async advance(manager: EntityManager, screeningId: string, count: number, lastId: string): Promise<void> {
    await manager.query('UPDATE screenings SET done = done + $2, resume_after = $3 WHERE id = $1', [
      screeningId,
      count,
      lastId,
    ]);
  }

  // A part's progress, in its transaction with its results; false when the screening is no longer running (failed
  // meanwhile), and the part's transaction is then rolled back.
  async advanceRunning(manager: EntityManager, screeningId: string, count: number): Promise<boolean> {
    const updated = returnedRows(
      await manager.query(`UPDATE screenings SET done = done + $2 WHERE id = $1 AND status = 'RUNNING' RETURNING id`, [
        screeningId,
        count,
      ]),
    );
    return updated.length > 0;
  }

  // The screening's end, with what its audit record names: the round, the count, and who asked for it.
  async finish(manager: EntityManager, screeningId: string): Promise<EndedScreening | null> {
    const [ended] = returnedRows<EndedScreening>(
      await manager.query(
        `UPDATE screenings SET status = 'DONE', total = done, error = NULL, error_code = NULL, finished_at = now()
          WHERE id = $1 RETURNING ${ENDED_COLUMNS}`,
        [screeningId],
      ),
    );
    return ended ?? null;
  }

  // A failed attempt that will be retried: the reason is shown while the screening waits.
  async noteRetry(screeningId: string, failure: { code: EligibilityErrorCode; message: string }): Promise<void> {
    await this.dataSource.query(`UPDATE screenings SET error = $2, error_code = $3 WHERE id = $1`, [
      screeningId,
      failure.message,
      failure.code,
    ]);
  }

  // Null when the screening had already ended (done or failed): it fails once.
  async fail(
    manager: EntityManager,
    screeningId: string,
    failure: { code: EligibilityErrorCode; message: string },
  ): Promise<EndedScreening | null> {
    const [ended] = returnedRows<EndedScreening>(
      await manager.query(
        `UPDATE screenings SET status = 'FAILED', error = $2, error_code = $3, finished_at = now()
          WHERE id = $1 AND status NOT IN ('DONE', 'FAILED') RETURNING ${ENDED_COLUMNS}`,
        [screeningId, failure.message, failure.code],
      ),
    );
    return ended ?? null;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<ScreeningRow | null> {
    const [row] = await manager.query(
      `SELECT id, round_id AS "roundId", status, total, done, error_code AS "errorCode", error, created_at AS "createdAt", started_at AS "startedAt",
              finished_at AS "finishedAt" FROM screenings WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }
}
