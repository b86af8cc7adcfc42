import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { NotFoundException } from '../common/app.exception.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor, AuditEntry } from '../audit/audit.service.js';
import { ScopedRecord, ScopeService, type ScopeSubject, type SqlFilter } from '../auth/scope.service.js';
import { WorkerPool } from '../common/worker-pool.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { JobInterrupted, type JobContext } from '../jobs/job-queue.service.js';
import { EligibilityRepository, type RoundRow } from './eligibility.repository.js';
import {
  ScreeningRepository,
  type ClaimedScreening,
  type EndedScreening,
  type ScreeningRow,
} from './screening.repository.js';
import { isEvaluable, roundParameterErrors } from './eligibility.service.js';
import type { ScreenedBatch, ScreeningBatch } from './screening-batch.js';
import { EligibilityErrorCode, EligibilityException } from './eligibility.exception.js';
import { screenedDossiers } from '../observability/metrics.js';

export const FIRST_ID = '00000000-0000-0000-0000-000000000000';

// Who asked for a screening, as far as its scope goes; none (a benchmark, a command line) screens the whole round.
export type ScreeningRequester = ScopeSubject & { orgUnitId: string };

export interface ScreeningStatus extends ScreeningRow {
  percent: number;
}

// A claimed screening whose round is evaluable, as a fan-out (ScreeningPartJobs) plans it: its dossiers are those of
// the round in `scope(firstParam)`.
export interface ClaimedRound {
  screeningId: string;
  round: RoundRow;
  scope: (firstParam: number) => SqlFilter;
  // Where an earlier attempt of a screening screened in batches stopped (null when none did).
  resumeAfter: string | null;
}

// Screens every dossier of a round against its current parameters, in batches; each batch commits its results, its
// progress and the last dossier it covered together, so a crash loses at most the batches in flight, a retry
// continues after the last committed batch, and the screening can be read while it runs.
@Injectable()
export class ScreeningService {
  private readonly logger = new Logger('Screening');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EligibilityRepository,
    private readonly screenings: ScreeningRepository,
    private readonly audit: AuditService,
    private readonly scope: ScopeService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'screeningThreads' | 'screeningBatchSize'>,
  ) {}

  // Results are written only for the dossiers in the requester's scope (ScopeService.screeningDossierFilter).
  async create(actor: Actor, requester: ScreeningRequester | null, roundId: string): Promise<ScreeningStatus> {
    return this.dataSource.transaction(async (manager) => {
      const round = await this.repository.roundById(manager, roundId);
      if (!round) throw new NotFoundException('đợt đặc xá');
      const total = await this.repository.countDossiers(manager, roundId, this.dossierFilter(requester, 2));
      const id = await this.screenings.insert(manager, {
        roundId,
        total,
        requestedBy: actor.id,
        scopeUnitId: requester?.orgUnitId ?? null,
        scopeRole: requester?.role ?? null,
      });
      await this.audit.record(manager, {
        actor,
        action: 'screening.request',
        entityType: 'round',
        entityId: roundId,
        after: { screeningId: id, total, scopeUnitId: requester?.orgUnitId ?? null },
      });
      return this.statusOf(id, manager);
    });
  }

  // `fanOut`, when given, may take the screening over once it is claimed and its round checked (a large screening's
  // part jobs): true when it did, and this run ends there.
  async run(
    screeningId: string,
    context?: JobContext,
    fanOut?: (claimed: ClaimedRound) => Promise<boolean>,
  ): Promise<ScreeningStatus> {
    const claimed = await this.screenings.claim(screeningId);
    if (!claimed) return this.statusOf(screeningId);
    try {
      const round = await this.repository.roundById(this.dataSource.manager, claimed.round_id);
      if (!round)
        throw new EligibilityException('Đợt đặc xá không còn tồn tại.', EligibilityErrorCode.SCREENING_ROUND_GONE);
      const blocking = roundParameterErrors(round.parameters);
      if (!isEvaluable(round.parameters)) {
        throw new EligibilityException(
          `Đợt ${round.code} chưa đủ tham số để đánh giá: ${blocking.map((e) => e.message.replace(/\.$/, '')).join('; ') || 'thiếu thời điểm tính thời gian chấp hành án (cutoffDate)'}.`,
          EligibilityErrorCode.SCREENING_ROUND_NOT_EVALUABLE,
        );
      }
      const scope = this.scopeOf(claimed);
      const resumeAfter = claimed.resume_after;
      if (fanOut && (await fanOut({ screeningId, round, scope, resumeAfter }))) return this.statusOf(screeningId);
      await this.screenAll(round, {
        screeningId,
        resumeAfter: claimed.resume_after ?? FIRST_ID,
        scope: scope(4),
        interrupt: context?.signal,
      });
      await this.dataSource.transaction((manager) => this.finish(manager, screeningId));
    } catch (error) {
      if (error instanceof JobInterrupted) throw error;
      // A screening's own typed reason (the round is gone or not evaluable) will not change on a retry: it is final.
      const blocked = error instanceof EligibilityException;
      const final = blocked || (context?.finalAttempt ?? true);
      if (!blocked) this.logger.error(`Screening ${screeningId} failed`, (error as Error).stack);
      await this.failed(screeningId, error, final ? undefined : context, 'từ lô đã lưu');
    }
    return this.statusOf(screeningId);
  }

  // After a failed attempt: with the context of an attempt that will be retried, the reason is shown while the
  // screening waits (`resumesFrom`: where the retry starts) and the error is thrown again for the queue to retry;
  // without, the screening fails.
  async failed(screeningId: string, error: unknown, retried: JobContext | undefined, resumesFrom: string) {
    const failure = screeningFailure(error);
    if (!retried) return this.fail(screeningId, failure);
    const attempt = ` (lần thử ${retried.attempt}/${retried.attempts})`;
    await this.screenings.noteRetry(screeningId, {
      code: failure.code,
      message: `Lượt rà soát gặp lỗi hệ thống${attempt}. Hệ thống sẽ tự thử lại ${resumesFrom}.`,
    });
    throw error;
  }

  // The dossiers a screening covers: those in the scope of its requester, when it had one.
  scopeOf(screening: Pick<ClaimedScreening, 'scope_role' | 'scope_path'>): (firstParam: number) => SqlFilter {
    const requester =
      screening.scope_role && screening.scope_path !== null
        ? { role: screening.scope_role, orgUnitPath: screening.scope_path }
        : null;
    return (firstParam) => this.dossierFilter(requester, firstParam);
  }

  private dossierFilter(requester: ScopeSubject | null, firstParam: number): SqlFilter {
    return requester ? this.scope.screeningDossierFilter(requester, 'd', firstParam) : { sql: 'true', params: [] };
  }

  // The screening's end and its audit record, in the caller's transaction (the last part's, or one of its own).
  async finish(manager: EntityManager, screeningId: string): Promise<void> {
    const ended = await this.screenings.finish(manager, screeningId);
    if (ended) await this.audit.record(manager, endRecord('screening.finish', screeningId, ended));
  }

  // The reason is a code and a Vietnamese sentence; the exception's own text goes to the log only. A screening fails
  // once: its first reason and its audit record stay.
  async fail(screeningId: string, failure: { code: EligibilityErrorCode; message: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const ended = await this.screenings.fail(manager, screeningId, failure);
      if (ended)
        await this.audit.record(manager, {
          ...endRecord('screening.fail', screeningId, ended),
          reason: failure.message,
        });
    });
  }

  // Batches are chosen in id order and read and evaluated on the pool's threads (each dossier's stored facts, its
  // document where they are not current: screening-batch.ts) while the main thread chooses the next ones and commits
  // finished ones in order, each with its progress, two at a time (`commit`); a crash loses only the batches not yet
  // committed.
  private async screenAll(
    round: RoundRow,
    input: { screeningId: string; resumeAfter: string; scope: SqlFilter; interrupt?: AbortSignal },
  ): Promise<void> {
    const { screeningId, resumeAfter, interrupt } = input;
    const pool = new WorkerPool<ScreeningBatch, ScreenedBatch>(
      new URL('./screening-worker.js', import.meta.url),
      this.config.screeningThreads,
      { databaseUrl: (this.dataSource.options as { url?: string }).url },
    );
    const pending: { screened: Promise<ScreenedBatch>; lastId: string }[] = [];
    let committed: Promise<void> = Promise.resolve();
    try {
      let after = resumeAfter;
      let exhausted = false;
      for (;;) {
        while (!exhausted && pending.length <= pool.size) {
          const dossiers = await this.repository.currentVersions(this.dataSource.manager, {
            roundId: round.id,
            afterId: after,
            limit: this.config.screeningBatchSize,
            scope: input.scope,
          });
          if (!dossiers.length) {
            exhausted = true;
            break;
          }
          after = dossiers[dossiers.length - 1].id;
          const screened = pool.run({ roundId: round.id, round: round.parameters, screeningId, dossiers });
          screened.catch(() => undefined);
          pending.push({ screened, lastId: after });
        }
        const next = pending.shift();
        if (!next) break;
        const batch = await next.screened;
        const before = committed;
        committed = this.commit(screeningId, batch, next.lastId, before);
        committed.catch(() => undefined);
        await before;
        if (interrupt?.aborted) throw new JobInterrupted();
      }
      await committed;
    } finally {
      await committed.catch(() => undefined);
      await Promise.allSettled(pending.map((p) => p.screened));
      await pool.close();
    }
  }

  // One batch's transaction: its results and its progress. Its rows are written while the batch before it is still
  // being written on another connection, but its progress only once that batch has committed, and not at all if it
  // failed: the last dossier recorded never passes a batch that is not stored.
  private async commit(screeningId: string, batch: ScreenedBatch, lastId: string, before: Promise<void>) {
    await this.dataSource.transaction(async (manager) => {
      await this.repository.copyResults(manager, batch.data);
      await before;
      await this.screenings.advance(manager, screeningId, batch.count, lastId);
    });
    screenedDossiers.inc(batch.count);
  }

  // Read only where the screening was started and above (ScopeService); elsewhere it does not exist.
  async status(user: ScopeSubject, id: string): Promise<ScreeningStatus> {
    await this.scope.assertVisible(this.dataSource.manager, user, ScopedRecord.SCREENING, id);
    return this.statusOf(id);
  }

  private async statusOf(id: string, manager = this.dataSource.manager): Promise<ScreeningStatus> {
    const row = await this.screenings.find(id, manager);
    if (!row) throw new NotFoundException('lượt rà soát');
    return { ...row, percent: row.total ? Math.round((1000 * row.done) / row.total) / 10 : 100 };
  }
}

// A screening ends on a worker, on behalf of whoever asked for it (a command line or a benchmark asks as nobody).
function endRecord(action: string, screeningId: string, ended: EndedScreening): AuditEntry {
  return {
    actor: { id: ended.requestedBy, name: ended.requesterName ?? 'hệ thống' },
    action,
    entityType: 'round',
    entityId: ended.roundId,
    after: { screeningId, done: ended.done },
  };
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
