import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkerPool } from '../common/worker-pool.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { WORKER_ID } from '../jobs/job-leases.js';
import { JobInterrupted, JobQueue, type JobContext } from '../jobs/job-queue.service.js';
import { SCREENING_PART_QUEUE } from '../jobs/queue-names.js';
import { screenedDossiers } from '../observability/metrics.js';
import { EligibilityRepository } from './eligibility.repository.js';
import { EligibilityErrorCode } from './eligibility.exception.js';
import type { ScreenedBatch, ScreeningBatch } from './screening-batch.js';
import { ScreeningPartsRepository, type ScreeningPart } from './screening-parts.repository.js';
import { ScreeningRepository } from './screening.repository.js';
import { FIRST_ID, ScreeningService, type ClaimedRound } from './screening.service.js';

export interface ScreeningPartData {
  screeningId: string;
  part: number;
}

// What a screening (or a part of one) whose worker died on its last attempt stores.
export const WORKER_STOPPED_FAILURE = {
  code: EligibilityErrorCode.SCREENING_WORKER_STOPPED,
  message:
    'Không hoàn thành được lượt rà soát: máy xử lý dừng đột ngột ở cả lần thử cuối. Vui lòng chạy lại lượt rà soát.',
};

// The part's screening ended (failed) while the part was screened: its transaction is rolled back.
class ScreeningEnded extends Error {}

// A large screening is screened by several workers at once: its screening job cuts the round's dossiers (in the
// requester's scope, in id order) into keyset ranges of SCREENING_PART_DOSSIERS, records them with the round
// parameters it checked, and queues one part job per range, in one transaction. Any worker takes a part, evaluates
// its dossiers on its threads (screening-batch.ts, as a single-job screening does) and, in one transaction, marks the
// part done, writes its results and progress and counts it off the run: the worker that counts off the last part
// finishes the screening in that transaction. A part is counted once, so a retried part never writes twice; a part
// that fails for good fails the screening.
@Injectable()
export class ScreeningPartJobs implements OnApplicationShutdown {
  private readonly logger = new Logger('Screening');
  private pool: WorkerPool<ScreeningBatch, ScreenedBatch> | null = null;

  constructor(
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG)
    private readonly config: Pick<
      AppConfig,
      'screeningThreads' | 'screeningBatchSize' | 'screeningFanoutDossiers' | 'screeningPartDossiers'
    >,
    private readonly dataSource: DataSource,
    private readonly parts: ScreeningPartsRepository,
    private readonly screenings: ScreeningRepository,
    private readonly repository: EligibilityRepository,
    private readonly service: ScreeningService,
  ) {
    jobs.register<ScreeningPartData>(
      SCREENING_PART_QUEUE,
      async (data, context) => void (await this.screen(data, context)),
      {
        timeoutSeconds: 900,
        onGiveUp: ({ screeningId }) => this.service.fail(screeningId, WORKER_STOPPED_FAILURE),
      },
    );
  }

  // Called by the screening job once it has claimed the screening and checked its round. True while (or once) its
  // parts are out; false when the job should screen it itself: a small screening, or one resumed in batches.
  async fanOut({ screeningId, round, scope, resumeAfter }: ClaimedRound): Promise<boolean> {
    if ((await this.parts.remaining(screeningId)) !== null) return true;
    const screening = await this.screenings.find(screeningId);
    if (resumeAfter !== null || !screening || screening.total <= this.config.screeningFanoutDossiers) return false;
    const bounds = await this.parts.boundaries(round.id, this.config.screeningPartDossiers, scope(3));
    const ranges = [FIRST_ID, ...bounds].map((afterId, i) => ({ afterId, upToId: bounds[i] ?? null }));
    // The run and its part jobs commit together: either every part is queued or none is.
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.parts.create(manager, { screeningId, parameters: round.parameters, ranges }))) return;
      for (let part = 0; part < ranges.length; part += 1)
        await this.jobs.send<ScreeningPartData>(SCREENING_PART_QUEUE, { screeningId, part }, manager);
    });
    this.logger.log(`Screening ${screeningId}: ${screening.total} dossiers queued as ${ranges.length} part jobs`);
    return true;
  }

  // A part job. True when this part was the last one and finished the screening.
  async screen({ screeningId, part }: ScreeningPartData, context?: JobContext): Promise<boolean> {
    const found = await this.parts.find(screeningId, part);
    if (!found || found.done_at !== null || found.status !== 'RUNNING') return false;
    try {
      const scope = ScreeningPartsRepository.upTo(this.service.scopeOf(found)(4), found.up_to_id, 4);
      const screened = await this.evaluate(found, scope);
      if (context?.signal.aborted) throw new JobInterrupted();
      return await this.commit(found, screened);
    } catch (error) {
      if (error instanceof JobInterrupted) throw error;
      const final = context?.finalAttempt ?? true;
      this.logger.error(`Part ${part} of screening ${screeningId} failed`, (error as Error).stack);
      // Until the last attempt the screening stays running: its other parts go on while this one is retried.
      await this.service.failed(screeningId, error, final ? undefined : context, 'phần chưa xong');
      return false;
    }
  }

  // The part's dossiers chosen in batches on this thread and evaluated on the pool's threads, all at once.
  private async evaluate(part: ScreeningPart, scope: ReturnType<typeof ScreeningPartsRepository.upTo>) {
    const pool = (this.pool ??= new WorkerPool<ScreeningBatch, ScreenedBatch>(
      new URL('./screening-worker.js', import.meta.url),
      this.config.screeningThreads,
      { databaseUrl: (this.dataSource.options as { url?: string }).url },
    ));
    const batches: Promise<ScreenedBatch>[] = [];
    const limit = this.config.screeningBatchSize;
    try {
      for (let after = part.after_id; ;) {
        const dossiers = await this.repository.currentVersions(this.dataSource.manager, {
          roundId: part.round_id,
          afterId: after,
          limit,
          scope,
        });
        if (!dossiers.length) break;
        after = dossiers[dossiers.length - 1].id;
        const batch = { roundId: part.round_id, round: part.parameters, screeningId: part.screening_id, dossiers };
        batches.push(pool.run(batch));
        batches[batches.length - 1].catch(() => undefined);
        if (dossiers.length < limit) break;
      }
      return await Promise.all(batches);
    } finally {
      await Promise.allSettled(batches);
    }
  }

  // The part's one transaction: marked done (nothing is written if it was already), its results, the screening's
  // progress, the run's count; the last part also finishes the screening.
  private async commit(part: ScreeningPart, screened: ScreenedBatch[]): Promise<boolean> {
    const screeningId = part.screening_id;
    const count = screened.reduce((sum, b) => sum + b.count, 0);
    const worker = WORKER_ID;
    let outcome: 'counted' | 'finished' | null = null;
    await this.dataSource
      .transaction(async (manager) => {
        if (!(await this.parts.markDone(manager, { screeningId, part: part.part, worker, screened: count }))) return;
        for (const batch of screened) if (batch.count) await this.repository.copyResults(manager, batch.data);
        if (!(await this.screenings.advanceRunning(manager, screeningId, count))) throw new ScreeningEnded();
        outcome = 'counted';
        if ((await this.parts.countOff(manager, screeningId)) > 0) return;
        await this.service.finish(manager, screeningId);
        outcome = 'finished';
      })
      .catch((error) => {
        if (!(error instanceof ScreeningEnded)) throw error;
        outcome = null;
      });
    if (outcome) screenedDossiers.inc(count);
    if (outcome === 'finished') this.logger.log(`Screening ${screeningId} finished by part ${part.part}`);
    return outcome === 'finished';
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }
}
