import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { ScopedRecord, ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { NotFoundException, ValidationFailedException } from '../../common/app.exception.js';
import { Clock } from '../../common/clock.js';
import { formatIsoVi } from '../../kernel/calendar-date.js';
import { workflowActorOf } from '../common/actor.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import { ListKind } from '../lists/list.entity.js';
import { ListRepository } from '../lists/list.repository.js';
import { OrgRoutingRepository } from '../lists/org-routing.repository.js';
import type { RecordProcuracyNoticeDto } from './procuracy-notice.dto.js';
import { ProcuracyNoticeRepository, type ProcuracyNoticeRow } from './procuracy-notice.repository.js';

// The warden records the camp's written notice of a posted list's results to the competent procuracy; until then the
// transition table keeps the list's names from the appraisal team (Luật Đặc xá 2018, Điều 15, khoản 5; Điều 30).
@Injectable()
export class ProcuracyNoticeService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: ProcuracyNoticeRepository,
    private readonly lists: ListRepository,
    private readonly org: OrgRoutingRepository,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async record(user: SessionUser, dto: RecordProcuracyNoticeDto, idempotencyKey?: string): Promise<ProcuracyNoticeRow> {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: 'procuracy-notices', request: dto },
      async (m) => {
        const list = await this.lists.findList(m, dto.listId);
        if (!list || list.ownerUnitId !== actor.unitId) throw new NotFoundException('danh sách');
        // A camp's eligible list, or a court's list of persons on suspension (Luật Đặc xá 2018, Điều 15, khoản 5).
        if (list.kind !== ListKind.CAMP_ELIGIBLE && list.kind !== ListKind.COURT)
          throw new WorkflowException(
            'Thông báo gửi Viện kiểm sát báo cáo kết quả danh sách đề nghị đặc xá đã niêm yết của trại hoặc Tòa án.',
            WorkflowExceptionCode.INVALID_TRANSITION,
          );
        if (await this.repository.ofList(m, dto.listId))
          throw new WorkflowException(
            'Đã ghi nhận thông báo gửi Viện kiểm sát cho danh sách này.',
            WorkflowExceptionCode.ALREADY_DECIDED,
          );
        const today = this.clock.today();
        const problem =
          dto.notifiedOn > today
            ? `Ngày thông báo (${formatIsoVi(dto.notifiedOn)}) không được sau ngày hôm nay.`
            : list.postedOn && dto.notifiedOn < list.postedOn
              ? `Ngày thông báo (${formatIsoVi(dto.notifiedOn)}) không được trước ngày niêm yết danh sách (${formatIsoVi(list.postedOn)}).`
              : null;
        if (problem)
          throw new ValidationFailedException([{ path: 'notifiedOn', code: 'notifiedOn', message: problem }]);
        const procuracy = await this.org.procuracyOf(m, actor.unitId);
        if (!procuracy)
          throw new WorkflowException(
            'Sơ đồ tổ chức chưa có Viện kiểm sát có thẩm quyền kiểm sát trại này (Luật Đặc xá 2018, Điều 30): quản trị viên cần thêm đơn vị đó.',
            WorkflowExceptionCode.NO_RECIPIENT,
          );
        const id = await this.repository.insert(m, {
          roundId: list.roundId,
          facilityId: actor.unitId,
          listId: dto.listId,
          procuracyUnitId: procuracy.id,
          number: dto.number,
          notifiedOn: dto.notifiedOn,
          recordedBy: actor.id,
        });
        await this.audit.record(m, {
          actor: { id: actor.id, name: actor.name },
          action: 'procuracy.notice',
          entityType: 'procuracy_notice',
          entityId: id,
          after: { listId: dto.listId, procuracyUnitId: procuracy.id, number: dto.number, notifiedOn: dto.notifiedOn },
        });
        return (await this.repository.find(m, id))!;
      },
    );
  }

  async list(user: SessionUser, roundId: string | null): Promise<ProcuracyNoticeRow[]> {
    workflowActorOf(user);
    return this.uow.read((m) =>
      this.repository.visible(m, roundId, this.scope.filter(ScopedRecord.PROCURACY_NOTICE, user, 'n', 2)),
    );
  }

  // The notice of one camp list, for the list's page (the caller already reads the list).
  async ofList(user: SessionUser, listId: string): Promise<ProcuracyNoticeRow | null> {
    return this.uow.read(async (m) => {
      await this.scope.assertVisible(m, user, ScopedRecord.LIST, listId);
      return this.repository.ofList(m, listId);
    });
  }
}
