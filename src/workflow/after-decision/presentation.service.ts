import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { ScopedRecord, ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { StaleWriteException, ValidationFailedException } from '../../common/app.exception.js';
import { Clock } from '../../common/clock.js';
import { isForeignNationality } from '../../kernel/nationality.js';
import { presentationStatus } from '../core/after-decision.js';
import { WorkflowEvent } from '../core/events.js';
import { workflowActorOf, type WorkflowActor } from '../common/actor.js';
import { WorkflowRoundRepository } from '../common/round.repository.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { TransitionService } from '../history/transition.service.js';
import type { RecordPresentationDto } from './after-decision.dto.js';
import { AfterDecisionRepository, type CertificateRow } from './after-decision.repository.js';
import { heldCertificate } from './held-certificate.js';

// The person's presentation of the certificate to the commune's People's Committee or the military unit (Luật Đặc xá
// 2018, Điều 20, khoản 2, điểm a). That unit lists the persons whose certificates name it, each with the day they must
// report by (the release plus the round's deadlines.certificatePresentationDays), reading what the certificate shows and
// never the dossier (ScopeService's certificate rule); it, or the issuing camp or court, records the presentation.
@Injectable()
export class PresentationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: AfterDecisionRepository,
    private readonly rounds: WorkflowRoundRepository,
    private readonly transitions: TransitionService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async presentingTo(user: SessionUser) {
    workflowActorOf(user);
    return this.uow.read(async (m) => {
      const today = this.clock.today();
      const rows = await this.repository.presentingTo(m, this.scope.filter(ScopedRecord.CERTIFICATE, user, 'c', 1));
      const days = new Map<string, number | null>();
      for (const roundId of new Set(rows.map((r) => r.roundId)))
        days.set(roundId, (await this.rounds.rules(m, roundId)).presentationDays);
      return rows.map(({ nationality, roundId, ...c }) => {
        // A foreigner has no duty to present (Luật Đặc xá 2018, Điều 20, khoản 3): nothing is due, never overdue.
        const foreigner = isForeignNationality(nationality);
        return {
          certificateId: c.id,
          number: c.number,
          fullName: c.fullName,
          birthDate: c.birthDate,
          issuerName: c.issuerName,
          decisionNumber: c.decisionNumber,
          decisionDate: c.decisionDate,
          releasedOn: c.releasedOn,
          presentedOn: c.presentedOn,
          version: c.version,
          dossierVersion: c.dossierVersion,
          presentationRequired: !foreigner,
          ...presentationStatus({
            releasedOn: c.releasedOn,
            presentedOn: c.presentedOn,
            days: days.get(roundId) ?? null,
            today,
            foreigner,
          }),
        };
      });
    });
  }

  // The commune's or military unit's confirmation that the person presented the certificate, through the transition
  // table (released → presented).
  async recordPresentation(
    user: SessionUser,
    certificateId: string,
    dto: RecordPresentationDto,
    idempotencyKey?: string,
  ) {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: `certificates.${certificateId}.presentation`, request: dto },
      async (m) => {
        const c = await heldCertificate({
          manager: m,
          repository: this.repository,
          scope: this.scope,
          user,
          id: certificateId,
        });
        const presentedTo = presentedToOf(actor, c, dto);
        const applied = await this.transitions.apply(m, {
          user,
          actor,
          event: WorkflowEvent.RECORD_PRESENTATION,
          item: {
            dossierId: c.dossierId,
            version: dto.dossierVersion,
            context: {
              presentation: { releasedOn: c.releasedOn, presentedOn: dto.presentedOn, today: this.clock.today() },
            },
          },
        });
        if (
          !(await this.repository.recordPresentation(m, {
            id: certificateId,
            version: dto.version,
            presentedOn: dto.presentedOn,
            presentedTo,
            recordedBy: actor.id,
          }))
        )
          throw new StaleWriteException('Giấy chứng nhận đặc xá', dto.version, c.version);
        await this.audit.record(m, {
          actor: { id: actor.id, name: actor.name },
          action: 'certificate.presentation',
          entityType: 'amnesty_certificate',
          entityId: certificateId,
          after: { presentedOn: dto.presentedOn, presentedTo },
        });
        return {
          certificateId,
          presentedOn: dto.presentedOn,
          presentedTo,
          version: dto.version + 1,
          dossierVersion: applied.version,
        };
      },
    );
  }
}

// Whom the person presented to: the commune or military unit recording it is itself; the issuing unit writes the name
// its confirmation gave, or else the unit the certificate names.
function presentedToOf(actor: WorkflowActor, c: CertificateRow, dto: RecordPresentationDto): string {
  if (c.presentationUnitName && c.presentationUnitId === actor.unitId) return c.presentationUnitName;
  const named = dto.presentedTo?.trim() || c.presentationUnitName;
  if (named) return named;
  throw new ValidationFailedException([
    {
      path: 'presentedTo',
      code: 'required',
      message:
        'Trường "presentedTo": phải ghi Ủy ban nhân dân cấp xã hoặc đơn vị quân đội nơi người được đặc xá xuất trình giấy chứng nhận.',
    },
  ]);
}
