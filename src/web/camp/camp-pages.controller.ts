import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { AppException, type FieldError } from '../../common/app.exception.js';
import { Clock } from '../../common/clock.js';
import { toFieldErrors } from '../../common/validation-messages.js';
import { DossierListService } from '../../dossiers/dossier-list.service.js';
import { CampDecisionsForm } from './camp-decisions.form.js';
import { CampListDto } from '../../workflow/camp/camp.dto.js';
import { CampCouncilService } from '../../workflow/camp/camp-council.service.js';
import { CampListService } from '../../workflow/camp/camp-list.service.js';
import { eventsFor } from '../../workflow/core/decide-transition.js';
import { WorkflowEvent } from '../../workflow/core/events.js';
import { REASON_CODES } from '../../workflow/core/reason-codes.js';
import { Stage } from '../../workflow/core/stages.js';
import { WebCsrfGuard } from '../csrf.js';
import { asItems } from '../dossier-form/paths.js';
import { isChecked } from '../dossier-form/form-convert.js';
import { formatDate, parseDisplayDate } from '../render/format.js';
import { clerkMessage } from '../dossier-form/form-errors.js';
import { meetingRecordFields, readMeetingRecord } from '../render/meeting-record-form.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebLookupRepository } from '../web-lookup.repository.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

// The camp council decides each candidate beside the engine's verdict; the warden approves, posts and sends the list.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Roles(Role.CAMP_COUNCIL_MEMBER, Role.WARDEN, Role.TEAM_OFFICER)
@Controller('camp')
export class CampPagesController {
  constructor(
    private readonly pages: PageService,
    private readonly council: CampCouncilService,
    private readonly campLists: CampListService,
    private readonly lists: DossierListService,
    private readonly lookups: WebLookupRepository,
    private readonly clock: Clock,
  ) {}

  @Get('council')
  @Header('content-type', 'text/html; charset=utf-8')
  page(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Query('roundId') roundId?: string,
  ): Promise<string> {
    return this.render(request, user, roundId);
  }

  @Roles(Role.CAMP_COUNCIL_MEMBER)
  @Post('council')
  async decide(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const form = new CampDecisionsForm(body);
    const { dto, errors } = await form.toDto();
    let problem = errors.length
      ? form.describe(errors) || 'Thông tin cuộc họp chưa đúng: xem các ô được đánh dấu.'
      : undefined;
    let fieldErrors: FieldError[] = errors;
    let status = 400;
    if (!problem) {
      try {
        await this.council.decide(user, dto);
        response.redirect(303, `/camp/council?roundId=${encodeURIComponent(form.roundId)}&msg=decided`);
        return;
      } catch (error) {
        if (!(error instanceof AppException) || error.status >= 500) throw error;
        status = error.status;
        problem = [error.message, form.describe(error.errors)].filter(Boolean).join(' ');
        fieldErrors = error.errors;
      }
    }
    // What was chosen and typed comes back as it was, each refusal beside the person it concerns.
    const rowErrors = form.rowErrors(fieldErrors);
    const values = new Map(
      [...form.values()].map(([id, row]) => [id, rowErrors.has(id) ? { ...row, error: rowErrors.get(id)! } : row]),
    );
    response
      .status(status)
      .type('html')
      .send(await this.render(request, user, form.roundId, problem, values, { form, errors: fieldErrors }));
  }

  @Roles(Role.WARDEN)
  @Post('lists')
  async approve(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const roundId = String(body.roundId ?? '');
    const picked = asItems(body.dossiers)
      .filter((d) => isChecked(d.include))
      .map((d) => ({ dossierId: String(d.dossierId), version: Number(d.version) }));
    const dto = plainToInstance(CampListDto, {
      roundId,
      postedOn: parseDisplayDate(String(body.postedOn ?? '')),
      dossiers: picked,
    });
    const errors = toFieldErrors(await validate(dto));
    let problem = errors.some((e) => e.path === 'postedOn')
      ? 'Ngày niêm yết phải là ngày hợp lệ dạng dd/mm/yyyy.'
      : errors.length
        ? 'Chọn ít nhất một hồ sơ để duyệt.'
        : undefined;
    if (!problem) {
      try {
        const posted = await this.campLists.approveAndPost(user, dto);
        response.redirect(303, `/lists/${posted.eligible.id}?msg=approved`);
        return;
      } catch (error) {
        if (!(error instanceof AppException) || error.status >= 500) throw error;
        problem = error.message;
      }
    }
    response
      .status(400)
      .type('html')
      .send(await this.render(request, user, roundId, problem));
  }

  @Roles(Role.WARDEN)
  @Post('lists/:id/submit')
  async submit(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.campLists.submit(user, id);
    response.redirect(303, `/lists/${id}?msg=forwarded`);
  }

  private async render(
    request: WebRequest,
    user: SessionUser,
    roundId?: string,
    problem?: string,
    values?: Map<string, Record<string, string>>,
    meeting?: { form: CampDecisionsForm; errors: FieldError[] },
  ): Promise<string> {
    const rounds = (await this.lookups.rounds()).filter((r) => r.status !== 'CLOSED');
    const round = rounds.find((r) => r.id === roundId) ?? rounds[0];
    const candidates: { dossierId: string }[] = round ? await this.council.candidates(user, round.id) : [];
    const approving =
      round && eventsFor(Stage.WARDEN, user.role).includes(WorkflowEvent.WARDEN_APPROVE)
        ? (await this.lists.list(user, { stage: Stage.WARDEN, roundCode: round.code, pageSize: 500 })).items
        : [];
    return this.pages.render(request, 'camp/council', 'Hội đồng xét đề nghị đặc xá của trại', {
      rounds: rounds.map((r) => ({ value: r.id, label: `${r.name} (${r.code})`, selected: r.id === round?.id })),
      roundId: round?.id ?? '',
      candidates: candidates.map((c, i) => ({ ...c, index: i, value: values?.get(c.dossierId) ?? {} })),
      canDecide: eventsFor(Stage.CAMP_COUNCIL, user.role).includes(WorkflowEvent.COUNCIL_ELIGIBLE),
      approving,
      reasonCodes: Object.entries(REASON_CODES).map(([value, info]) => ({ value, label: info.label })),
      meetingDate: meeting?.form.meetingDate ?? formatDate(this.clock.today()),
      meetingFields: meetingRecordFields(meeting?.form.record ?? readMeetingRecord({}), meeting?.errors ?? [], (e) =>
        clerkMessage(e, false),
      ),
      problem,
    });
  }
}
