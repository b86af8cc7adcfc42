import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundException } from '../common/app.exception.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../audit/audit.service.js';
import { returnedRows } from '../common/sql.js';
import { WorkerPool } from '../common/worker-pool.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { EligibilityRepository, type RoundRow } from './eligibility.repository.js';
import { isEvaluable, roundParameterErrors } from './eligibility.service.js';
import type { ScreenedBatch, ScreeningBatch } from './stored-result.js';
import { EligibilityErrorCode, EligibilityException } from './eligibility.exception.js';
import { screenedDossiers } from '../observability/metrics.js';

const BATCH = 2000;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

export interface ScreeningStatus {
  id: string;
  roundId: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  total: number;
  done: number;
  percent: number;
  // Why a FAILED screening stopped: a stable code and a Vietnamese sentence (never the internal error text).
  errorCode: EligibilityErrorCode | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

// Screens every dossier of a round against its current parameters, in batches; each batch commits its results and
// its progress together, so a crash loses at most one batch and the screening can be read while it runs.
@Injectable()
export class ScreeningService {
  private readonly logger = new Logger('Screening');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EligibilityRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'screeningThreads'>,
  ) {}

  async create(actor: Actor, roundId: string): Promise<ScreeningStatus> {
    return this.dataSource.transaction(async (manager) => {
      const round = await this.repository.roundById(manager, roundId);
      if (!round) throw new NotFoundException('đợt đặc xá');
      const total = await this.repository.countDossiers(manager, roundId);
      const [row] = await manager.query(
        `INSERT INTO screenings (round_id, total, requested_by) VALUES ($1, $2, $3) RETURNING id`,
        [roundId, total, actor.id],
      );
      await this.audit.record(manager, {
        actor,
        action: 'screening.request',
        entityType: 'round',
        entityId: roundId,
        after: { screeningId: row.id, total },
      });
      return this.status(row.id, manager);
    });
  }

  async run(screeningId: string): Promise<ScreeningStatus> {
    const [claimed] = returnedRows<{ round_id: string }>(
      await this.dataSource.query(
        `UPDATE screenings SET status = 'RUNNING', started_at = now(), done = 0 WHERE id = $1 AND status IN ('QUEUED','RUNNING') RETURNING round_id`,
        [screeningId],
      ),
    );
    if (!claimed) return this.status(screeningId);
    try {
      const round = await this.repository.roundById(this.dataSource.manager, claimed.round_id);
      if (!round)
        throw new EligibilityException('Đợt đặc xá không còn tồn tại.', EligibilityErrorCode.SCREENING_ROUND_GONE);
      const blocking = roundParameterErrors(round.parameters);
      if (!isEvaluable(round.parameters)) {
        throw new EligibilityException(
          `Đợt ${round.code} chưa đủ tham số để đánh giá: ${blocking.map((e) => e.message).join('; ') || 'thiếu thời điểm tính thời gian chấp hành án (cutoffDate)'}.`,
          EligibilityErrorCode.SCREENING_ROUND_NOT_EVALUABLE,
        );
      }
      await this.screenAll(round, screeningId);
      await this.dataSource.query(
        `UPDATE screenings SET status = 'DONE', total = done, finished_at = now() WHERE id = $1`,
        [screeningId],
      );
    } catch (error) {
      const failure = screeningFailure(error);
      if (failure.code === EligibilityErrorCode.SCREENING_FAILED)
        this.logger.error(`Screening ${screeningId} failed`, (error as Error).stack);
      await this.dataSource.query(
        `UPDATE screenings SET status = 'FAILED', error = $2, error_code = $3, finished_at = now() WHERE id = $1`,
        [screeningId, failure.message, failure.code],
      );
    }
    return this.status(screeningId);
  }

  // Batches are read in id order and evaluated on the pool's threads while the main thread reads the next ones and
  // commits finished ones in order, each with its progress; a crash loses only the batches not yet committed.
  private async screenAll(round: RoundRow, screeningId: string): Promise<void> {
    const pool = new WorkerPool<ScreeningBatch, ScreenedBatch>(
      new URL('./screening-worker.js', import.meta.url),
      this.config.screeningThreads,
    );
    const pending: Promise<ScreenedBatch>[] = [];
    try {
      let after = FIRST_ID;
      let exhausted = false;
      for (;;) {
        while (!exhausted && pending.length <= pool.size) {
          const documents = await this.repository.currentDocumentTexts(this.dataSource.manager, round.id, after, BATCH);
          if (!documents.length) {
            exhausted = true;
            break;
          }
          after = documents[documents.length - 1].id;
          const screened = pool.run({ roundId: round.id, round: round.parameters, screeningId, documents });
          screened.catch(() => undefined);
          pending.push(screened);
        }
        const next = pending.shift();
        if (!next) break;
        const batch = await next;
        await this.dataSource.transaction(async (manager) => {
          await this.repository.copyResults(manager, batch.data);
          await manager.query('UPDATE screenings SET done = done + $2 WHERE id = $1', [screeningId, batch.count]);
        });
        screenedDossiers.inc(batch.count);
      }
    } finally {
      await Promise.allSettled(pending);
      await pool.close();
    }
  }

  async status(id: string, manager = this.dataSource.manager): Promise<ScreeningStatus> {
    const [row] = await manager.query(
      `SELECT id, round_id AS "roundId", status, total, done, error_code AS "errorCode", error, created_at AS "createdAt", started_at AS "startedAt",
              finished_at AS "finishedAt" FROM screenings WHERE id = $1`,
      [id],
    );
    if (!row) throw new NotFoundException('lượt rà soát');
    return { ...row, percent: row.total ? Math.round((1000 * row.done) / row.total) / 10 : 100 };
  }
}

// What a failed screening stores: its own typed reasons as they are, anything else as a generic sentence (the details
// go to the log with the screening's id).
function screeningFailure(error: unknown): { code: EligibilityErrorCode; message: string } {
  if (error instanceof EligibilityException) return { code: error.eligibilityCode, message: error.message };
  return {
    code: EligibilityErrorCode.SCREENING_FAILED,
    message: 'Lượt rà soát gặp lỗi hệ thống và đã dừng. Hãy chạy lại; nếu vẫn lỗi, báo quản trị viên.',
  };
}
