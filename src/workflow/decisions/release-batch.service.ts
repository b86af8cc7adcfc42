import { Injectable } from '@nestjs/common';
import { StaleWriteException, ValidationFailedException } from '../../common/app.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import { ScopedRecord, ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { WorkflowEvent } from '../core/events.js';
import { workflowActorOf } from '../common/actor.js';
import { checkBulkRows } from '../common/bulk-rows.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { TransitionService } from '../history/transition.service.js';
import type { ReleasesDto } from './decision.dto.js';
import { DecisionRepository } from './decision.repository.js';

// The camp records the release of everyone granted on one day and issues their certificates (Luật Đặc xá 2018, Điều
// 18, khoản 3) in one command: one transaction, every dossier through the transition table (one history and one audit
// row each), every certificate released in one statement with its own audit row, as one release would; any refusal
// refuses them all, named on its row.
@Injectable()
export class ReleaseBatchService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly decisions: DecisionRepository,
    private readonly transitions: TransitionService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async release(user: SessionUser, dto: ReleasesDto, idempotencyKey?: string) {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: 'certificates.release', request: dto },
      async (manager) => {
        const rows = dto.releases.map((r, i) => ({ ...r, path: `releases[${i}]` }));
        const certificates = await this.decisions.certificatesOf(
          manager,
          rows.map((r) => r.dossierId),
        );
        // A dossier without a certificate is reported like one outside the caller's scope: not found on its row.
        await checkBulkRows(manager, this.scope, {
          user,
          record: ScopedRecord.CERTIFICATE,
          rows: rows.map((r) => ({
            id: certificates.get(r.dossierId)?.id ?? r.dossierId,
            path: r.path,
            field: 'dossierId',
          })),
          what: 'giấy chứng nhận đặc xá',
        });
        const unitIds = [...new Set(rows.flatMap((r) => (r.presentationUnitId ? [r.presentationUnitId] : [])))];
        const units = unitIds.length ? await this.decisions.presentationUnitsOf(manager, unitIds) : new Map();
        const unknownUnits = rows.filter((r) => r.presentationUnitId && !units.has(r.presentationUnitId));
        if (unknownUnits.length > 0)
          throw new ValidationFailedException(
            unknownUnits.map((r) => ({
              path: `${r.path}.presentationUnitId`,
              code: 'presentationUnitId',
              message:
                'Không có Ủy ban nhân dân cấp xã hoặc đơn vị quân đội này trong hệ thống; bỏ trống nếu nơi người được đặc xá trình diện chưa có tài khoản.',
            })),
          );
        const moved = await this.transitions.applyMany(manager, {
          user,
          actor,
          event: WorkflowEvent.RELEASE,
          items: rows.map((r) => ({ dossierId: r.dossierId, version: r.version, path: r.path })),
        });
        const issued = rows.map((r) => ({ ...r, certificate: certificates.get(r.dossierId)! }));
        const released = await this.decisions.releaseMany(manager, {
          ids: issued.map((r) => r.certificate.id),
          units: issued.map((r) => r.presentationUnitId ?? null),
          releasedOn: dto.releasedOn,
          issuedBy: actor.id,
        });
        if (released !== issued.length) throw new StaleWriteException('Một số giấy chứng nhận đặc xá', 1);
        await this.audit.record(
          manager,
          issued.map((r) => ({
            actor: { id: actor.id, name: actor.name },
            action: 'certificate.issue',
            entityType: 'amnesty_certificate',
            entityId: r.certificate.id,
            after: {
              number: r.certificate.number,
              releasedOn: dto.releasedOn,
              presentationUnitId: r.presentationUnitId ?? null,
            },
          })),
        );
        const versions = new Map(moved.map((m) => [m.dossierId, m.version]));
        return {
          released: issued.length,
          releases: issued.map((r) => ({
            dossierId: r.dossierId,
            certificateId: r.certificate.id,
            number: r.certificate.number,
            releasedOn: dto.releasedOn,
            version: versions.get(r.dossierId)!,
          })),
        };
      },
    );
  }
}
