import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isForeignNationality } from '../../kernel/nationality.js';
import { AuditService } from '../../audit/audit.service.js';
import { ScopedRecord, ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { NotFoundException, ValidationFailedException } from '../../common/app.exception.js';
import { Clock } from '../../common/clock.js';
import { formatIsoVi } from '../../kernel/calendar-date.js';
import {
  COPY_RECIPIENT_LABELS,
  CopyRecipient,
  issuerFor,
  missingCopies,
  PRESENTATION_CITATION,
  PRESENTATION_PARAMETER,
  FOREIGNER_PRESENTATION_CITATION,
  presentationStatus,
} from '../core/after-decision.js';
import { isFacilityKind } from '../core/routing.js';
import { workflowActorOf } from '../common/actor.js';
import { WorkflowRoundRepository } from '../common/round.repository.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import type { RecordCopyDto, RecordPostingDto } from './after-decision.dto.js';
import { AfterDecisionRepository, type CertificateRow, type CopyRow } from './after-decision.repository.js';
import { heldCertificate } from './held-certificate.js';

// After the President's decision (Luật Đặc xá 2018, Điều 18; Điều 20): each camp records the day it posted the decision
// and its list; the issuing unit records the copies of each certificate (the presentation is presentation.service.ts); every
// unit up the chain and the standing body see who has not presented yet.
@Injectable()
export class AfterDecisionService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: AfterDecisionRepository,
    private readonly rounds: WorkflowRoundRepository,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async recordPosting(user: SessionUser, dto: RecordPostingDto, idempotencyKey?: string) {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: 'decision-postings', request: dto },
      async (m) => {
        const decision = await this.repository.decision(m, dto.decisionId);
        if (!decision) throw new NotFoundException('Quyết định đặc xá');
        if ((await this.repository.grantedAt(m, decision.id, actor.unitId)) === 0)
          throw new NotFoundException('người được đặc xá của trại trong Quyết định này');
        this.checkDay('postedOn', dto.postedOn, decision.decisionDate, 'ngày Chủ tịch nước quyết định');
        const id = await this.repository.insertPosting(m, {
          decisionId: decision.id,
          facilityId: actor.unitId,
          postedOn: dto.postedOn,
          recordedBy: actor.id,
        });
        if (!id)
          throw new WorkflowException(
            'Trại đã ghi ngày niêm yết Quyết định đặc xá này.',
            WorkflowExceptionCode.ALREADY_DECIDED,
          );
        await this.audit.record(m, {
          actor: { id: actor.id, name: actor.name },
          action: 'decision.posting',
          entityType: 'decision_posting',
          entityId: id,
          after: { decisionId: decision.id, facilityId: actor.unitId, postedOn: dto.postedOn },
        });
        return { id, decisionId: decision.id, facilityId: actor.unitId, postedOn: dto.postedOn };
      },
    );
  }

  async postings(user: SessionUser, roundId: string | null) {
    workflowActorOf(user);
    return this.uow.read(async (m) => {
      const rows: { facility_id: string; decision_date: string; postedOn: string | null }[] =
        await this.repository.postings(m, roundId, this.scope.filter(ScopedRecord.DECISION_POSTING, user, 'x', 2));
      return rows.map(({ facility_id: _f, decision_date: _d, ...row }) => row);
    });
  }

  // One certificate, described for its reader.
  async certificate(user: SessionUser, id: string) {
    const actor = workflowActorOf(user);
    return this.uow.read(async (m) => {
      const c = await this.held(m, user, id);
      const days = (await this.rounds.rules(m, c.roundId)).presentationDays;
      return describe(c, await this.repository.copies(m, id), days, this.clock.today());
    });
  }

  // The certificates the caller's unit handles, for its page: each with the copies sent and still due and its
  // presentation against the round's period.
  async certificates(user: SessionUser) {
    workflowActorOf(user);
    return this.uow.read(async (m) => {
      const today = this.clock.today();
      const rows = await this.repository.inScope(m, this.scope.dossierFilter(user, 'd', 1));
      const days = new Map<string, number | null>();
      for (const roundId of new Set(rows.map((r) => r.roundId)))
        days.set(roundId, (await this.rounds.rules(m, roundId)).presentationDays);
      return rows.map((c) => describe(c, c.copies, days.get(c.roundId) ?? null, today));
    });
  }

  async recordCopy(user: SessionUser, certificateId: string, dto: RecordCopyDto, idempotencyKey?: string) {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: `certificates.${certificateId}.copies`, request: dto },
      async (m) => {
        const c = await this.held(m, user, certificateId);
        if (!c.releasedOn)
          throw new WorkflowException(
            'Chưa cấp giấy chứng nhận (chưa ghi ngày tha): chưa có bản sao để gửi.',
            WorkflowExceptionCode.INVALID_TRANSITION,
          );
        this.checkDay('sentOn', dto.sentOn, c.releasedOn, 'ngày tha tù');
        const id = await this.repository.insertCopy(m, {
          certificateId,
          recipient: dto.recipient,
          addressee: dto.addressee.trim(),
          sentOn: dto.sentOn,
          recordedBy: actor.id,
        });
        if (!id)
          throw new WorkflowException(
            `Đã ghi việc gửi bản sao cho ${dto.addressee}.`,
            WorkflowExceptionCode.ALREADY_DECIDED,
          );
        await this.audit.record(m, {
          actor: { id: actor.id, name: actor.name },
          action: 'certificate.copy',
          entityType: 'certificate_copy',
          entityId: id,
          after: { certificateId, ...dto },
        });
        return { id, certificateId, recipient: dto.recipient, addressee: dto.addressee.trim(), sentOn: dto.sentOn };
      },
    );
  }

  // Per round: the released persons in the caller's scope, who has presented and who has not, against the round's
  // period (Điều 20, khoản 2, điểm a; deadlines.certificatePresentationDays). A foreigner has no such duty (Điều 20,
  // khoản 3): listed apart, never counted as not presented or overdue.
  async presentationSummary(user: SessionUser, roundId: string) {
    workflowActorOf(user);
    return this.uow.read(async (m) => {
      const rules = await this.rounds.rules(m, roundId);
      const today = this.clock.today();
      const rows = await this.repository.presentations(m, roundId, this.scope.dossierFilter(user, 'd', 2));
      const people = rows.map((c) => {
        const foreigner = isForeignNationality(c.nationality);
        return {
          certificateId: c.id,
          dossierId: c.dossierId,
          number: c.number,
          fullName: c.fullName,
          facilityName: c.facilityName,
          releasedOn: c.releasedOn,
          presentedOn: c.presentedOn,
          presentedTo: c.presentedTo,
          presentationUnitName: c.presentationUnitName,
          presentationRequired: !foreigner,
          ...presentationStatus({
            releasedOn: c.releasedOn,
            presentedOn: c.presentedOn,
            days: rules.presentationDays,
            today,
            foreigner,
          }),
        };
      });
      const required = people.filter((p) => p.presentationRequired);
      const notPresented = required.filter((p) => !p.presentedOn);
      return {
        roundId,
        presentationDays: rules.presentationDays,
        // Where the round holds no period, the summary says so instead of inventing a due date.
        periodNote:
          rules.presentationDays === null
            ? `Đợt đặc xá chưa có thời hạn xuất trình Giấy chứng nhận (tham số ${PRESENTATION_PARAMETER}; ${PRESENTATION_CITATION} không quy định thời hạn).`
            : null,
        released: people.length,
        presented: required.length - notPresented.length,
        notPresented: notPresented.length,
        overdue: notPresented.filter((p) => p.overdue).length,
        notRequired: people.length - required.length,
        notRequiredNote: `Người được đặc xá là người nước ngoài không có nghĩa vụ xuất trình Giấy chứng nhận đặc xá (${FOREIGNER_PRESENTATION_CITATION}).`,
        people: [
          ...notPresented,
          ...required.filter((p) => p.presentedOn),
          ...people.filter((p) => !p.presentationRequired),
        ],
      };
    });
  }

  private held(m: EntityManager, user: SessionUser, id: string) {
    return heldCertificate({ manager: m, repository: this.repository, scope: this.scope, user, id });
  }

  private checkDay(path: string, day: string, notBefore: string, notBeforeLabel: string) {
    const today = this.clock.today();
    const problem =
      day > today
        ? `Ngày ${formatIsoVi(day)} không được sau ngày hôm nay.`
        : day < notBefore
          ? `Ngày ${formatIsoVi(day)} không được trước ${notBeforeLabel} (${formatIsoVi(notBefore)}).`
          : null;
    if (problem) throw new ValidationFailedException([{ path, code: path, message: problem }]);
  }
}

// A certificate with who issues it for its facility's kind (Điều 18, khoản 3), its copies and those still due
// (khoản 4), and its presentation against the round's period (Điều 20, khoản 2, điểm a).
function describe(c: CertificateRow, copies: readonly CopyRow[], days: number | null, today: string) {
  return {
    ...c,
    issuer:
      c.unitKind === 'COURT'
        ? issuerFor({ court: true })
        : isFacilityKind(c.facilityKind)
          ? issuerFor({ facilityKind: c.facilityKind })
          : null,
    copies: copies.map((x) => ({ ...x, recipientLabel: COPY_RECIPIENT_LABELS[x.recipient as CopyRecipient] })),
    copiesDue: missingCopies(
      copies.map((x) => x.recipient as CopyRecipient),
      c.notYetEnforceable,
    ).map((r) => ({
      recipient: r,
      label: COPY_RECIPIENT_LABELS[r],
      // The copy for the commune or military unit goes to the one the certificate names, when it names one.
      addressee: r === CopyRecipient.COMMUNE_OR_UNIT ? c.presentationUnitName : null,
    })),
    presentation: presentationStatus({
      releasedOn: c.releasedOn,
      presentedOn: c.presentedOn,
      days,
      today,
      foreigner: isForeignNationality(c.nationality),
    }),
  };
}
