import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ScopeService } from '../auth/scope.service.js';
import type { SessionUser } from '../auth/session-user.js';
import { Role } from '../auth/user.entity.js';
import {
  AppException,
  ForbiddenException,
  NotFoundException,
  StaleWriteException,
  ValidationFailedException,
  type FieldError,
} from '../common/app.exception.js';
import { CommonErrorCode } from '../common/error-codes.js';
import { WorkerPool } from '../common/worker-pool.js';
import { SIMULATION_FACTS_KEPT, type AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { ROUND_PRESETS, type RoundParameters } from '../eligibility/core/index.js';
import { EligibilityRepository } from '../eligibility/eligibility.repository.js';
import { isEvaluable, roundParameterErrors } from '../eligibility/eligibility.service.js';
import { actorOf } from '../kernel/actor.js';
import { RoundService } from '../rounds/round.service.js';
import { SimulationCache, slotOf } from './simulation-cache.js';
import { SIMULATION_THREAD_LIMITS } from './simulation-facts.js';
import type { SimulationFigures } from './simulation-figures.js';
import { SimulationTally } from './simulation-tally.js';
import type { ChangedVerdict, SimulationPartJob, SimulationPartResult } from './simulation-part.js';
import { applyChanges, diffParameters, type ParameterChange } from './simulation-parameters.js';
import { SimulationRepository, type ChangeRow, type DossierKey } from './simulation.repository.js';
import { SimulationStatus } from './simulation.entity.js';
import { SimulationErrorCode, SimulationException } from './simulation.exception.js';

const BATCH = 2000;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';
export const CHANGES_PAGE_MAX = 500;

export interface CreateSimulation {
  name: string;
  roundCode: string;
  basePresetCode?: string;
  changes: ParameterChange[];
}

export interface SimulationProgress {
  id: string;
  status: SimulationStatus;
  total: number;
  done: number;
  percent: number;
  error: string | null;
  elapsedMs: number | null;
}

// Drafts a round's parameters and counts what they would do over every dossier in the author's scope, against the
// base, without touching any dossier's stored result. Evaluation reuses the screening's machinery: the same engine
// and exchange-format mapper, on the same worker-thread pool, reading dossiers in the same keyset batches.
@Injectable()
export class SimulationService {
  private readonly logger = new Logger('Simulation');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SimulationRepository,
    private readonly rounds: EligibilityRepository,
    private readonly roundService: RoundService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly cache: SimulationCache,
    @Inject(APP_CONFIG)
    private readonly config: Pick<AppConfig, 'screeningThreads'> & Partial<Pick<AppConfig, 'simulationFactsKept'>>,
  ) {}

  // Validates the draft and saves it, queued; `enqueue` (the job queue's send) runs inside the same transaction.
  async create(
    user: SessionUser,
    input: CreateSimulation,
    enqueue?: (id: string, manager: EntityManager) => Promise<unknown>,
  ): Promise<SimulationProgress> {
    return this.dataSource.transaction(async (manager) => {
      const { round, base } = await this.baseIn(manager, input.roundCode, input.basePresetCode);
      if (!isEvaluable(base))
        throw field(
          input.basePresetCode ? 'basePresetCode' : 'roundCode',
          'notEvaluable',
          `bộ tham số gốc chưa đủ để đánh giá (${
            roundParameterErrors(base)
              .map((e) => e.message)
              .join('; ') || 'thiếu thời điểm tính thời gian chấp hành án'
          }).`,
        );
      const { draft, errors } = applyChanges(base, input.changes);
      if (!errors.length) errors.push(...roundParameterErrors(draft, 'draft.'));
      if (!errors.length && !isEvaluable(draft))
        errors.push({
          path: 'changes',
          code: 'notEvaluable',
          message: 'Trường "changes": bộ tham số dự thảo thiếu thời điểm tính thời gian chấp hành án.',
        });
      if (errors.length) throw new ValidationFailedException(errors);
      const facilities = await this.repository.facilitiesInScope(manager, this.scope.unitFilter(user, 'f', 1));
      if (!facilities.length) throw new ForbiddenException('Bạn không quản lý cơ sở giam giữ nào để mô phỏng.');
      const version = await this.repository.roundVersion(manager, round.id);
      const changes = diffParameters(base, draft);
      const total = await this.repository.countDossiers(
        manager,
        round.id,
        facilities.map((f) => f.id),
      );
      const id = await this.repository.insert(manager, {
        name: input.name.trim(),
        roundId: round.id,
        roundVersion: version,
        basePresetCode: input.basePresetCode ?? null,
        base,
        changes,
        draft,
        facilityIds: facilities.map((f) => f.id),
        scopeLabel: scopeLabel(user),
        total,
        createdBy: user.id,
      });
      await this.audit.record(manager, {
        actor: actorOf(user),
        action: 'simulation.create',
        entityType: 'simulation',
        entityId: id,
        after: {
          name: input.name.trim(),
          roundCode: round.code,
          basePresetCode: input.basePresetCode ?? null,
          changes,
        },
      });
      if (enqueue) await enqueue(id, manager);
      return this.progressIn(manager, id);
    });
  }

  // The parameters a draft starts from: the round's own, or a preset's under the round's code.
  async baseFor(roundCode: string, presetCode?: string): Promise<RoundParameters> {
    return (await this.baseIn(this.dataSource.manager, roundCode, presetCode)).base;
  }

  private async baseIn(manager: EntityManager, roundCode: string, presetCode?: string) {
    const round = await this.rounds.roundByCode(manager, roundCode);
    if (!round) throw field('roundCode', 'unknownRound', `không có đợt đặc xá mã "${roundCode}".`);
    if (!presetCode) return { round, base: round.parameters };
    const preset = ROUND_PRESETS[presetCode];
    if (!preset) throw field('basePresetCode', 'unknownPreset', `không có mẫu tham số "${presetCode}".`);
    return { round, base: { ...preset, code: round.code } };
  }

  // Runs a claimed simulation in one transaction: its changed verdicts are written batch by batch while the threads
  // evaluate the next ones (the writes no longer wait for the whole round at the end), then its figures; a failure
  // leaves none of them.
  async run(id: string): Promise<SimulationProgress> {
    const sim = await this.repository.claim(this.dataSource.manager, id);
    if (!sim) return this.progressIn(this.dataSource.manager, id);
    const started = performance.now();
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.repository.clearChanges(manager, id);
        const { figures } = await this.simulate(
          { ...sim, id },
          (done) => this.repository.progress(this.dataSource.manager, id, done),
          (changes) => this.repository.copyChanges(manager, changes),
        );
        const elapsedMs = Math.round(performance.now() - started);
        await this.repository.finish(manager, id, figures, elapsedMs);
        await this.audit.record(manager, {
          actor: { id: sim.createdBy, name: sim.createdByName },
          action: 'simulation.run',
          entityType: 'simulation',
          entityId: id,
          after: { total: figures.total, base: figures.base, draft: figures.draft, changed: figures.changed.total },
        });
      });
    } catch (error) {
      this.logger.error(`Simulation ${id} failed`, (error as Error).stack);
      await this.repository.fail(
        this.dataSource.manager,
        id,
        'Mô phỏng không chạy xong do lỗi hệ thống; hãy chạy lại.',
      );
    }
    return this.progressIn(this.dataSource.manager, id);
  }

  // Reads the dossiers' keys in id order and splits each batch between the threads, each dossier always to the same
  // one, which keeps its outcomes between runs, reads the stored facts of those it does not have (the text never
  // crosses this thread), evaluates them and counts its share; the main thread keeps them busy by sending batches
  // ahead, then merges each batch's counts and changed verdicts in order. Each batch's changed verdicts go to `save`
  // (one at a time, in order) as soon as they are merged, while the threads evaluate the batches after it.
  async simulate(
    sim: { id: string; roundId: string; base: RoundParameters; draft: RoundParameters; facilityIds: string[] },
    progress: (done: number) => Promise<unknown> = async () => undefined,
    save: (changes: ChangeRow[]) => Promise<unknown> = async () => undefined,
  ): Promise<{ figures: SimulationFigures }> {
    const manager = this.dataSource.manager;
    const job = {
      generation: this.cache.generation,
      base: sim.base,
      draft: sim.draft,
      baseKey: this.cache.key(sim.base),
      draftKey: this.cache.key(sim.draft),
    };
    const units = await this.repository.facilities(manager, sim.facilityIds);
    const ministries = new Map(units.map((u) => [u.id, u.ministryId]));
    const names = new Map<string, string>();
    for (const u of units) {
      names.set(u.id, u.name);
      if (u.ministryId && u.ministryName) names.set(u.ministryId, u.ministryName);
    }
    const tally = new SimulationTally();
    const work = { documentsRead: 0, baseEvaluated: 0, draftEvaluated: 0, baseReused: 0, draftReused: 0 };
    const pool = this.cache.pool<SimulationPartJob, SimulationPartResult>(
      () =>
        new WorkerPool(
          new URL('./simulation-worker.js', import.meta.url),
          this.config.screeningThreads,
          {
            databaseUrl: (this.dataSource.options as { url?: string }).url,
            factsKept: Math.ceil(
              (this.config.simulationFactsKept ?? SIMULATION_FACTS_KEPT) / Math.max(1, this.config.screeningThreads),
            ),
          },
          SIMULATION_THREAD_LIMITS,
        ),
    );
    const pending: Array<Promise<{ count: number; parts: SimulationPartResult[] }>> = [];
    let done = 0;
    let saving: Promise<unknown> = Promise.resolve();
    // Set by a write that failed (a callback's assignment, kept in an object so it is read as it is when checked).
    const writes: { failed: { error: unknown } | null } = { failed: null };
    try {
      let after = FIRST_ID;
      let exhausted = false;
      for (;;) {
        while (!exhausted && pending.length <= pool.size) {
          const keys = await this.repository.dossierKeys(manager, {
            roundId: sim.roundId,
            facilityIds: sim.facilityIds,
            after,
            limit: BATCH,
          });
          if (!keys.length) {
            exhausted = true;
            break;
          }
          after = keys[keys.length - 1].id;
          const shares: DossierKey[][] = Array.from({ length: pool.size }, () => []);
          for (const k of keys) shares[slotOf(k.id, shares.length)].push(k);
          const parts = Promise.all(
            shares.flatMap((dossiers, slot) =>
              dossiers.length ? [pool.runOn(slot, { ...job, ministries, dossiers })] : [],
            ),
          ).then((parts) => ({ count: keys.length, parts }));
          parts.catch(() => undefined);
          pending.push(parts);
        }
        if (writes.failed) throw writes.failed.error;
        const next = pending.shift();
        if (!next) break;
        const { count, parts } = await next;
        const batch: ChangedVerdict[] = [];
        for (const part of parts) {
          tally.merge(part.tally);
          for (const [k, n] of Object.entries(part.work)) work[k as keyof typeof work] += n;
          for (const c of part.changes) batch.push(c);
        }
        // In dossier order, as the batch was read.
        batch.sort((x, y) => (x.dossier_id < y.dossier_id ? -1 : 1));
        const rows = batch.map((c) => ({ simulation_id: sim.id, ...c }));
        // A failed write fails the run when the next batch is merged, not after the whole round was evaluated.
        saving = saving.then(() => (rows.length ? save(rows) : undefined));
        saving.catch((error) => (writes.failed ??= { error }));
        done += count;
        await progress(done);
      }
      await saving;
    } finally {
      await Promise.allSettled([...pending, saving]);
    }
    return { figures: tally.figures(names, work) };
  }

  async progress(user: SessionUser, id: string): Promise<SimulationProgress> {
    await this.get(user, id);
    return this.progressIn(this.dataSource.manager, id);
  }

  private async progressIn(manager: EntityManager, id: string): Promise<SimulationProgress> {
    const row = await this.repository.progressOf(manager, id);
    if (!row) throw new NotFoundException('bản mô phỏng');
    return { ...row, percent: row.total ? Math.min(100, Math.round((1000 * row.done) / row.total) / 10) : 100 };
  }

  async get(user: SessionUser, id: string, manager = this.dataSource.manager) {
    const row = await this.repository.find(manager, id, this.scope.unitFilter(user, 'vu', 2));
    if (!row) throw new NotFoundException('bản mô phỏng');
    return row;
  }

  list(user: SessionUser, roundId: string | null = null) {
    return this.repository.list(this.dataSource.manager, this.scope.unitFilter(user, 'vu', 1), roundId);
  }

  async changes(user: SessionUser, id: string, page: { limit: number; offset: number }) {
    const sim = await this.get(user, id);
    const rows = await this.repository.changes(this.dataSource.manager, {
      simulationId: id,
      dossiers: this.scope.dossierFilter(user, 'd', 4),
      limit: Math.min(Math.max(page.limit, 1), CHANGES_PAGE_MAX),
      offset: Math.max(page.offset, 0),
    });
    return { total: sim.figures?.changed?.total ?? 0, limit: page.limit, offset: page.offset, items: rows };
  }

  // Every changed verdict, for the CSV export; people outside the viewer's dossier scope are counted, not named.
  async allChanges(user: SessionUser, id: string) {
    await this.get(user, id);
    return this.repository.changes(this.dataSource.manager, {
      simulationId: id,
      dossiers: this.scope.dossierFilter(user, 'd', 4),
      limit: 10_000_000,
      offset: 0,
    });
  }

  // Both drafts side by side: the headline counts and every breakdown row, matched by key.
  async compare(user: SessionUser, aId: string, bId: string) {
    const [a, b] = [await this.get(user, aId), await this.get(user, bId)];
    for (const [s, path] of [
      [a, 'a'],
      [b, 'b'],
    ] as const)
      if (s.status !== SimulationStatus.DONE)
        throw field(path, 'notDone', `bản mô phỏng "${s.name}" chưa chạy xong, chưa so sánh được.`);
    return { a, b, parameters: diffParameters(a.draftParameters, b.draftParameters) };
  }

  async remove(user: SessionUser, id: string, expectedVersion: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const sim = await this.repository.find(manager, id, this.scope.unitFilter(user, 'vu', 2), true);
      if (!sim) throw new NotFoundException('bản mô phỏng');
      if (sim.createdBy !== user.id && user.role !== Role.ADMIN)
        throw new ForbiddenException('Chỉ người lập hoặc quản trị hệ thống được xóa bản mô phỏng.');
      if (sim.version !== expectedVersion) throw new StaleWriteException('Bản mô phỏng', expectedVersion, sim.version);
      if (sim.status === SimulationStatus.RUNNING || sim.status === SimulationStatus.QUEUED)
        throw new SimulationException('Bản mô phỏng đang chạy, chưa xóa được.', SimulationErrorCode.RUNNING);
      await this.repository.delete(manager, id);
      await this.audit.record(manager, {
        actor: actorOf(user),
        action: 'simulation.delete',
        entityType: 'simulation',
        entityId: id,
        before: { name: sim.name, roundCode: sim.roundCode, changes: sim.changes, version: sim.version },
      });
    });
  }

  // The chosen draft becomes the round's parameters in one transaction, through the rounds service (a new round
  // version, audited there); refused with 409 when the round changed since the draft was based on it.
  async adopt(user: SessionUser, id: string, expectedVersion: number) {
    return this.dataSource.transaction(async (manager) => {
      const sim = await this.repository.find(manager, id, this.scope.unitFilter(user, 'vu', 2), true);
      if (!sim) throw new NotFoundException('bản mô phỏng');
      if (sim.version !== expectedVersion) throw new StaleWriteException('Bản mô phỏng', expectedVersion, sim.version);
      if (sim.adoptedAt)
        throw new SimulationException('Bản mô phỏng này đã được áp dụng cho đợt đặc xá.', SimulationErrorCode.ADOPTED);
      if (sim.status !== SimulationStatus.DONE)
        throw new SimulationException('Chỉ áp dụng được bản mô phỏng đã chạy xong.', SimulationErrorCode.NOT_DONE);
      let updated: { version: number };
      try {
        updated = await this.roundService.update(
          user,
          sim.roundCode,
          { expectedVersion: sim.roundVersion, parameters: sim.draftParameters },
          manager,
        );
      } catch (error) {
        if (error instanceof AppException && error.code === CommonErrorCode.STALE_VERSION)
          throw new SimulationException(
            'Tham số của đợt đặc xá đã thay đổi sau khi lập bản mô phỏng này; hãy mô phỏng lại trên tham số hiện hành.',
            SimulationErrorCode.ROUND_CHANGED,
          );
        throw error;
      }
      await this.repository.markAdopted(manager, id, user.id, updated.version);
      await this.audit.record(manager, {
        actor: actorOf(user),
        action: 'simulation.adopt',
        entityType: 'simulation',
        entityId: id,
        after: { roundCode: sim.roundCode, roundVersion: updated.version, changes: sim.changes },
      });
      return { roundCode: sim.roundCode, roundVersion: updated.version };
    });
  }
}

function field(path: string, code: string, problem: string): ValidationFailedException {
  const error: FieldError = { path, code, message: `Trường "${path}": ${problem}` };
  return new ValidationFailedException([error]);
}

function scopeLabel(user: SessionUser): string {
  return user.role === Role.MINISTRY_OFFICER || user.role === Role.DEPARTMENT_OFFICER
    ? `Các cơ sở giam giữ thuộc ${user.orgUnitName}`
    : 'Toàn quốc';
}
