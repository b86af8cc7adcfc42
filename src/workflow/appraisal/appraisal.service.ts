import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotFoundException, StaleWriteException, ValidationFailedException } from '../../common/app.exception.js';
import { canonicalHash } from '../../kernel/hash.js';
import { AuditService } from '../../audit/audit.service.js';
import { ScopedRecord, ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { buildExplanation, resolveFlag } from '../core/appraisal.js';
import { WorkflowEvent } from '../core/events.js';
import { WorkflowRole } from '../core/roles.js';
import { Stage } from '../core/stages.js';
import { workflowActorOf, type WorkflowActor } from '../common/actor.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import { DossierEventService } from '../history/dossier-event.service.js';
import type { ExplanatoryReportDto, FlagDto, OpinionDto, ResolveFlagDto } from './appraisal.dto.js';
import { REACHED_TEAM } from './appraisal-record.repository.js';
import { AppraisalRepository } from './appraisal.repository.js';

const UNDER_APPRAISAL = [Stage.APPRAISAL, Stage.STANDING_BODY] as string[];

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
      const head = await this.underAppraisal(manager, dossierId);
      const [pinned] = await manager.query(
        `SELECT v.version, v.content_hash AS "contentHash", v.document FROM dossier_versions v
         WHERE v.dossier_id = $1 ORDER BY v.version DESC LIMIT 1`,
        [dossierId],
      );
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
        const head = await this.underAppraisal(manager, dossierId);
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
        const head = await this.underAppraisal(manager, dossierId);
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
        const dossiers: { id: string; full_name: string }[] = await manager.query(
          `SELECT id, full_name FROM dossiers WHERE round_id = $1 AND stage = $2 ORDER BY id`,
          [dto.roundId, Stage.STANDING_BODY],
        );
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

  private async underAppraisal(manager: EntityManager, dossierId: string) {
    const rows: {
      stage: string;
      version: number;
      roundId: string;
      contentVersion: number;
      campIneligibleBeforeTeam: boolean;
    }[] = await manager.query(
      `SELECT d.stage, d.version, d.round_id AS "roundId", (SELECT max(version) FROM dossier_versions v WHERE v.dossier_id = d.id) AS "contentVersion",
         (d.stage = 'camp_ineligible' AND ${REACHED_TEAM('d')}) AS "campIneligibleBeforeTeam"
       FROM dossiers d WHERE d.id = $1`,
      [dossierId],
    );
    // The camps' ineligible lists reach the team with their proposed names (Luật Đặc xá 2018, Điều 16, khoản 2).
    if (!rows[0] || !(UNDER_APPRAISAL.includes(rows[0].stage) || rows[0].campIneligibleBeforeTeam))
      throw new NotFoundException('hồ sơ');
    return rows[0];
  }
}
