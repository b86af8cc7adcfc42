import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { DossierListService } from '../../dossiers/dossier-list.service.js';
import { COMPLAINANT_LABELS } from '../../workflow/core/complaints.js';
import { eventsFor } from '../../workflow/core/decide-transition.js';
import { WorkflowEvent } from '../../workflow/core/events.js';
import { Stage, STAGE_LABELS } from '../../workflow/core/stages.js';
import { DecideComplaintDto, FileComplaintDto } from '../../workflow/complaints/complaint.dto.js';
import {
  COMPLAINT_DECIDERS,
  COMPLAINT_READERS,
  COMPLAINT_RECORDERS,
} from '../../workflow/complaints/complaint.controller.js';
import { ComplaintService } from '../../workflow/complaints/complaint.service.js';
import type { ComplaintView } from '../../workflow/complaints/complaint.view.js';
import { WebCsrfGuard } from '../csrf.js';
import { answerForm } from '../render/form-answer.js';
import { parseDisplayDate } from '../render/format.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { DocumentSourceType } from '../../documents/builders/snapshot-builder.js';
import { DocumentKind } from '../../documents/view-models/common.js';
import { documentForm } from '../lists/document-jobs.controller.js';

// Where a complaint can be lodged from: left off the list, or a first complaint rejected (the second goes up).
const FILABLE: readonly Stage[] = [
  Stage.NOT_PUT_FORWARD,
  Stage.CAMP_INELIGIBLE,
  Stage.COURT_INELIGIBLE,
  Stage.COMPLAINT_REJECTED,
];

// The complaints of persons left off the eligible list (Luật Đặc xá 2018, Điều 36–37): the camp officer records
// them, the head of the facility and then the ministry decide them; for a court's list the court officer records them,
// the court president and then the Supreme People's Court decide them. What each role may do is the table's answer.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Roles(...COMPLAINT_READERS)
@Controller('complaints')
export class ComplaintPagesController {
  constructor(
    private readonly pages: PageService,
    private readonly complaints: ComplaintService,
    private readonly dossiers: DossierListService,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  page(@Req() request: WebRequest, @CurrentUser() user: SessionUser): Promise<string> {
    return this.render(request, user);
  }

  @Roles(...COMPLAINT_RECORDERS)
  @Post()
  async file(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const read = (key: string) => String(body[key] ?? '').trim();
    const [dossierId, version] = read('dossier').split(':');
    const dto = plainToInstance(FileComplaintDto, {
      dossierId,
      version: Number(version),
      receivedOn: parseDisplayDate(read('receivedOn')),
      complainant: read('complainant'),
      complainantName: read('complainantName'),
      content: read('content'),
    });
    await this.answer(request, user, response, dto, () => this.complaints.file(user, dto), 'complaintFiled');
  }

  @Roles(...COMPLAINT_DECIDERS)
  @Post(':id/decision')
  async decide(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const read = (key: string) => String(body[key] ?? '').trim();
    const dto = plainToInstance(DecideComplaintDto, {
      accept: read('accept') === 'true' ? true : read('accept') === 'false' ? false : undefined,
      reason: read('reason'),
      decidedOn: parseDisplayDate(read('decidedOn')),
      version: Number(read('version')),
      dossierVersion: Number(read('dossierVersion')),
    });
    await this.answer(request, user, response, dto, () => this.complaints.decide(user, id, dto), 'complaintDecided');
  }

  private answer(
    request: WebRequest,
    user: SessionUser,
    response: Response,
    dto: object,
    act: () => Promise<unknown>,
    done: string,
  ): Promise<void> {
    return answerForm({
      response,
      dto,
      act,
      redirectTo: `/complaints?msg=${done}`,
      rerender: (problem) => this.render(request, user, problem),
    });
  }

  private async render(request: WebRequest, user: SessionUser, problem?: string): Promise<string> {
    const all = await this.complaints.list(user, {});
    const canFile = FILABLE.some(
      (stage) =>
        eventsFor(stage, user.role).includes(WorkflowEvent.FILE_COMPLAINT) ||
        eventsFor(stage, user.role).includes(WorkflowEvent.ESCALATE_COMPLAINT),
    );
    const candidates = [];
    if (canFile)
      for (const stage of FILABLE) {
        const page = await this.dossiers.list(user, { stage, pageSize: 200 });
        candidates.push(...page.items.map((d) => ({ ...d, stageLabel: STAGE_LABELS[stage] })));
      }
    const decidable = (c: ComplaintView) =>
      !c.outcome &&
      eventsFor(c.level === 'FIRST' ? Stage.COMPLAINT_FIRST : Stage.COMPLAINT_SECOND, user.role).includes(
        WorkflowEvent.REJECT_COMPLAINT,
      );
    return this.pages.render(request, 'complaints/index', 'Khiếu nại về danh sách đề nghị đặc xá', {
      problem,
      canFile,
      candidates,
      complainants: Object.entries(COMPLAINANT_LABELS).map(([value, label]) => ({ value, label })),
      open: all.filter((c) => !c.outcome).map((c) => ({ ...c, canDecide: decidable(c) })),
      decided: all
        .filter((c) => c.outcome)
        .map((c) => ({
          ...c,
          doc: documentForm({
            kind: DocumentKind.COMPLAINT_DECISION,
            sourceType: DocumentSourceType.COMPLAINT,
            sourceId: c.id,
            back: '/complaints',
            idPrefix: `complaint-${c.id}-`,
          }),
          canPrint: c.decidingUnitId === user.orgUnitId,
        })),
    });
  }
}
