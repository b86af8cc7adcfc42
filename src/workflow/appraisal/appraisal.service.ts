import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  CommonException,
  NotFoundException,
  StaleWriteException,
  ValidationFailedException,
  type FieldError,
} from '../../common/app.exception.js';
import { CommonErrorCode } from '../../common/error-codes.js';
import { agencyLabel } from '../../kernel/agencies.js';
import { canonicalHash } from '../../kernel/hash.js';
import { AuditService } from '../../audit/audit.service.js';
import { ScopedRecord, ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { buildExplanation, opinionReasonProblem, resolveFlag } from '../core/appraisal.js';
import { WorkflowEvent } from '../core/events.js';
import { WorkflowRole } from '../core/roles.js';
import { Stage } from '../core/stages.js';
import { workflowActorOf, type WorkflowActor } from '../common/actor.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import { DossierEventService } from '../history/dossier-event.service.js';
import type { ExplanatoryReportDto, FlagDto, ListOpinionsDto, OpinionDto, ResolveFlagDto } from './appraisal.dto.js';
import { AppraisalRepository } from './appraisal.repository.js';

// Inter-agency appraisal (Nghị định 76/2008/NĐ-CP, Điều 8; Nghị định 52/2019/NĐ-CP, Điều 8, khoản 2–3).
@Injectable()
export class AppraisalService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AppraisalRepository,
    private readonly events: DossierEventService,
    private readonly audit: AuditService,
    private readonly scope: ScopeService,
  ) {}

  async open(user: SessionUser, dossierId: string) {
    // Refuses accounts outside the pipeline before anything is read.
    workflowActorOf(user);
    return this.uow.read(async (manager) => {
      const head = await this.underAppraisal(manager, user, dossierId);
      const pinned = await this.repo.latestContent(manager, dossierId);
      return {
        dossierId,
        stage: head.stage,
        version: head.version,
        pinned,
        flags: await this.repo.flagsFor(manager, [dossierId]),
        opinions: await this.repo.opinionsFor(manager, [dossierId]),
      };
    });
  }

  async flag(user: SessionUser, dossierId: string, dto: FlagDto, idempotencyKey?: string) {
    const actor = this.appraiser(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: `appraisal.${dossierId}.flag`, request: dto },
      async (manager) => {
        const head = await this.underAppraisal(manager, user, dossierId);
        const id = await this.repo.insertFlag(manager, {
          roundId: head.roundId,
          dossierId,
          dossierVersion: head.contentVersion,
          agency: actor.agency!,
          field: dto.field,
          kind: dto.kind,
          message: dto.message,
          raisedBy: actor.id,
        });
        await this.audit.record(manager, {
          actor: { id: actor.id, name: actor.name },
          action: 'appraisal.flag',
          entityType: 'appraisal_flag',
          entityId: id,
          after: { dossierId, agency: actor.agency, ...dto },
        });
        return { id, status: 'open', version: 1 };
      },
    );
  }

  async opinion(user: SessionUser, dossierId: string, dto: OpinionDto, idempotencyKey?: string) {
    const actor = this.appraiser(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: `appraisal.${dossierId}.opinion`, request: dto },
      async (manager) => {
        const head = await this.underAppraisal(manager, user, dossierId);
        const version = await this.repo.upsertOpinion(manager, {
          dossierId,
          agency: actor.agency!,
          roundId: head.roundId,
          opinion: dto.opinion,
          note: dto.note ?? null,
          givenBy: actor.id,
          version: dto.version ?? null,
        });
        if (version === null) throw new StaleWriteException(`Ý kiến của ${actor.agency}`, dto.version ?? 0);
        await this.audit.record(manager, {
          actor: { id: actor.id, name: actor.name },
          action: 'appraisal.opinion',
          entityType: 'dossier',
          entityId: dossierId,
          after: { agency: actor.agency, ...dto, version },
        });
        return { dossierId, agency: actor.agency, opinion: dto.opinion, version };
      },
    );
  }

  // The agency's opinion on a whole list at once ("agree with all except …"): one transaction, one audit row per
  // dossier. Every refusal names its row (`opinions[i]…`): a name not before the team, a disagreement without its
  // reason (Nghị định 52/2019/NĐ-CP, Điều 8, khoản 3), an opinion changed since it was read (409).
  async opinions(user: SessionUser, dto: ListOpinionsDto, idempotencyKey?: string) {
    const actor = this.appraiser(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: 'appraisal.opinions', request: dto },
      async (manager) => {
        const heads = await this.repo.underAppraisal(
          manager,
          dto.opinions.map((o) => o.dossierId),
          this.atDesk(user),
        );
        const errors: FieldError[] = [];
        const seen = new Set<string>();
        dto.opinions.forEach((o, i) => {
          if (seen.has(o.dossierId))
            errors.push({
              path: `opinions[${i}].dossierId`,
              code: 'duplicate',
              message: 'Hồ sơ này đã có ở một dòng khác của danh sách.',
            });
          seen.add(o.dossierId);
          if (!heads.has(o.dossierId))
            errors.push({
              path: `opinions[${i}].dossierId`,
              code: 'notUnderAppraisal',
              message: 'Không tìm thấy hồ sơ này ở bước thẩm định liên ngành.',
            });
          const missingReason = opinionReasonProblem(o.opinion, o.note);
          if (missingReason)
            errors.push({ path: `opinions[${i}].note`, code: 'reasonRequired', message: missingReason });
        });
        if (errors.length > 0)
          throw new ValidationFailedException(errors, 'Chưa ghi được ý kiến: xem lỗi ở từng hồ sơ.');
        const versions = await this.repo.upsertOpinions(manager, {
          agency: actor.agency!,
          givenBy: actor.id,
          rows: dto.opinions.map((o) => ({
            dossierId: o.dossierId,
            roundId: heads.get(o.dossierId)!.roundId,
            opinion: o.opinion,
            note: o.note?.trim() || null,
            version: o.version ?? null,
          })),
        });
        const stale: FieldError[] = [];
        dto.opinions.forEach((o, i) => {
          if (!versions.has(o.dossierId))
            stale.push({
              path: `opinions[${i}].version`,
              code: 'stale',
              message: `Ý kiến về hồ sơ của ${heads.get(o.dossierId)!.fullName} đã được ghi hoặc thay đổi sau khi bạn xem; hãy tải lại trang.`,
            });
        });
        if (stale.length > 0)
          throw new CommonException(
            CommonErrorCode.STALE_VERSION,
            `Ý kiến của ${agencyLabel(actor.agency!)} về ${stale.length} hồ sơ đã thay đổi kể từ khi bạn xem; không ý kiến nào được ghi.`,
            stale,
          );
        const given = dto.opinions.map((o) => ({
          dossierId: o.dossierId,
          agency: actor.agency!,
          opinion: o.opinion,
          note: o.note?.trim() || null,
          version: versions.get(o.dossierId)!,
        }));
        await this.audit.record(
          manager,
          given.map((g) => ({
            actor: { id: actor.id, name: actor.name },
            action: 'appraisal.opinion',
            entityType: 'dossier',
            entityId: g.dossierId,
            after: { agency: g.agency, opinion: g.opinion, note: g.note, version: g.version },
          })),
        );
        return {
          opinions: given.map(({ note: _note, ...g }) => g).sort((a, b) => (a.dossierId < b.dossierId ? -1 : 1)),
        };
      },
    );
  }

  // The standing body accepts a finding (the dossier goes back to the camp for correction) or rejects it with a reason.
  async resolve(user: SessionUser, flagId: string, dto: ResolveFlagDto, idempotencyKey?: string) {
    const actor = workflowActorOf(user);
    if (actor.role !== WorkflowRole.COUNCIL_STANDING_OFFICER) {
      throw new WorkflowException(
        'Chỉ Thường trực Hội đồng tư vấn đặc xá giải quyết ý kiến thẩm định.',
        WorkflowExceptionCode.ROLE_NOT_ALLOWED,
      );
    }
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: `appraisal.flag.${flagId}`, request: dto },
      async (manager) => {
        await this.scope.assertVisible(manager, user, ScopedRecord.APPRAISAL_FLAG, flagId);
        const flag = await this.repo.flag(manager, flagId);
        if (!flag) throw new NotFoundException('ý kiến thẩm định');
        const outcome = resolveFlag(flag, { accept: dto.accept, reason: dto.reason });
        if ('path' in outcome)
          throw new ValidationFailedException([{ path: outcome.path, code: 'flag', message: outcome.message }]);
        if (
          !(await this.repo.resolveFlag(manager, {
            id: flagId,
            version: dto.version,
            status: outcome.status,
            resolution: dto.reason ?? null,
            resolvedBy: actor.id,
          }))
        ) {
          throw new StaleWriteException('Ý kiến thẩm định', dto.version, flag.version);
        }
        let dossier = null;
        if (dto.accept) {
          if (!dto.dossierVersion)
            throw new ValidationFailedException([
              { path: 'dossierVersion', code: 'required', message: 'Cần phiên bản hồ sơ để trả về trại.' },
            ]);
          dossier = await this.events.fireIn(manager, user, actor, flag.dossierId, {
            event: WorkflowEvent.SEND_BACK,
            version: dto.dossierVersion,
            reason: `${flag.agency} — ${flag.field}: ${flag.message}`,
          });
        }
        await this.audit.record(manager, {
          actor: { id: actor.id, name: actor.name },
          action: 'appraisal.resolve',
          entityType: 'appraisal_flag',
          entityId: flagId,
          before: { status: 'open' },
          after: { status: outcome.status, reason: dto.reason ?? null },
        });
        return { id: flagId, status: outcome.status, version: dto.version + 1, dossier };
      },
    );
  }

  async explanatoryReport(user: SessionUser, dto: ExplanatoryReportDto, idempotencyKey?: string) {
    const actor = workflowActorOf(user);
    if (actor.role !== WorkflowRole.COUNCIL_STANDING_OFFICER) {
      throw new WorkflowException(
        'Chỉ Thường trực Hội đồng tư vấn đặc xá lập báo cáo giải trình.',
        WorkflowExceptionCode.ROLE_NOT_ALLOWED,
      );
    }
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: 'appraisal.report', request: dto },
      async (manager) => {
        const dossiers = await this.repo.namesAt(manager, {
          roundId: dto.roundId,
          stage: Stage.STANDING_BODY,
          scope: this.scope.dossierFilter(user, 'd', 3),
        });
        const ids = dossiers.map((d) => d.id);
        const names = new Map(dossiers.map((d) => [d.id, d.full_name]));
        const items = buildExplanation({
          opinions: await this.repo.opinionsFor(manager, ids),
          flags: await this.repo.flagsFor(manager, ids),
        }).map((item) => ({ ...item, fullName: names.get(item.dossierId) }));
        if (items.length === 0)
          throw new WorkflowException(
            'Các cơ quan đã thống nhất về mọi hồ sơ: không cần báo cáo giải trình.',
            WorkflowExceptionCode.NOTHING_TO_FORWARD,
          );
        const contentHash = canonicalHash(items);
        const id = await this.repo.insertReport(manager, {
          roundId: dto.roundId,
          items,
          dossierIds: items.map((i) => i.dossierId),
          contentHash,
          createdBy: actor.id,
        });
        await this.audit.record(manager, {
          actor: { id: actor.id, name: actor.name },
          action: 'appraisal.report',
          entityType: 'explanatory_report',
          entityId: id,
          after: { items: items.length, contentHash },
        });
        return { id, contentHash, items };
      },
    );
  }

  async report(user: SessionUser, id: string) {
    workflowActorOf(user);
    return this.uow.read(async (manager) => {
      await this.scope.assertVisible(manager, user, ScopedRecord.EXPLANATORY_REPORT, id);
      const report = await this.repo.report(manager, id);
      if (!report) throw new NotFoundException('báo cáo giải trình');
      return report;
    });
  }

  // The findings and agencies' opinions on one dossier, for its page. The caller has already checked that the user may
  // see the dossier (DossierService.get).
  async findingsOf(dossierId: string) {
    return this.uow.read(async (manager) => ({
      flags: await this.repo.flagsFor(manager, [dossierId]),
      opinions: await this.repo.opinionsFor(manager, [dossierId]),
    }));
  }

  // This appraiser's agency's opinions on those of the given dossiers at the team's desk, with the versions a list of
  // opinions must carry.
  async ownOpinions(user: SessionUser, dossierIds: readonly string[]) {
    const actor = this.appraiser(user);
    return this.uow.read(async (manager) => {
      const atDesk = await this.scope.visibleIds(manager, user, ScopedRecord.APPRAISED_DOSSIER, dossierIds);
      return (await this.repo.opinionsFor(manager, atDesk)).filter((o) => o.agency === actor.agency);
    });
  }

  private appraiser(user: SessionUser): WorkflowActor {
    const actor = workflowActorOf(user);
    if (actor.role !== WorkflowRole.APPRAISER || !actor.agency) {
      throw new WorkflowException(
        'Chỉ thành viên Tổ thẩm định liên ngành (thuộc một cơ quan) được ghi ý kiến thẩm định.',
        WorkflowExceptionCode.ROLE_NOT_ALLOWED,
      );
    }
    return actor;
  }

  // The dossiers at the team's desk that `user` may open or act on: ScopeService's rule, whose 404 names the record
  // as every other scoped read does.
  private atDesk(user: SessionUser) {
    return this.scope.filter(ScopedRecord.APPRAISED_DOSSIER, user, 'd', 2);
  }

  private async underAppraisal(manager: EntityManager, user: SessionUser, dossierId: string) {
    const head = (await this.repo.underAppraisal(manager, [dossierId], this.atDesk(user))).get(dossierId);
    if (!head) throw new NotFoundException('hồ sơ');
    return head;
  }
}
