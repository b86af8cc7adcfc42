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
import { validate } from 'class-validator';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { AppException } from '../../common/app.exception.js';
import { toFieldErrors } from '../../common/validation-messages.js';
import { DossierListService } from '../../dossiers/dossier-list.service.js';
import { FlagDto, OpinionDto } from '../../workflow/appraisal/appraisal.dto.js';
import { AppraisalService } from '../../workflow/appraisal/appraisal.service.js';
import { AgencyOpinion } from '../../workflow/core/appraisal.js';
import { Stage } from '../../workflow/core/stages.js';
import { WebCsrfGuard } from '../csrf.js';
import { DossierPageView } from '../dossier-view/dossier-page.view.js';
import { describeFieldPath } from '../dossier-form/form-view.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WorkflowLookupRepository } from '../workflow-lookup.repository.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { OpinionsForm, type OpinionRow } from './opinions.form.js';

// The appraisal team's desk: the review queue, a finding pinned to one field of a dossier, the agency's opinion,
// and what became of the findings the agency raised.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Roles(Role.APPRAISER)
@Controller('appraisal')
export class AppraisalPagesController {
  constructor(
    private readonly pages: PageService,
    private readonly lists: DossierListService,
    private readonly appraisal: AppraisalService,
    private readonly dossierPage: DossierPageView,
    private readonly lookups: WorkflowLookupRepository,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  queue(@Req() request: WebRequest, @CurrentUser() user: SessionUser): Promise<string> {
    return this.renderQueue(request, user);
  }

  // The agency's opinion on the whole list at once: every name agreed with except those ticked, each with its reason;
  // one command for all, and a refusal on the row it concerns.
  @Post('opinions')
  async opinions(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const form = new OpinionsForm(body);
    if (form.changed === 0) {
      response.redirect(303, '/appraisal?msg=unchanged');
      return;
    }
    const { dto, errors } = await form.toDto();
    let general = form.placeErrors(errors);
    let status = 400;
    if (errors.length === 0) {
      try {
        await this.appraisal.opinions(user, dto);
        response.redirect(303, '/appraisal?msg=opinions');
        return;
      } catch (error) {
        if (!(error instanceof AppException) || error.status >= 500) throw error;
        status = error.status;
        general = form.placeErrors(error.errors);
        if (error.errors.length === 0) general.push(error.message);
        else general.unshift(error.message);
      }
    }
    const problem = general.join(' ') || 'Chưa ghi được ý kiến: xem lỗi ở từng hồ sơ.';
    response
      .status(status)
      .type('html')
      .send(await this.renderQueue(request, user, problem, form.byDossier()));
  }

  @Get('flags')
  @Header('content-type', 'text/html; charset=utf-8')
  async flags(@Req() request: WebRequest, @CurrentUser() user: SessionUser): Promise<string> {
    const flags: { field: string }[] = await this.lookups.flags(user, { agency: user.agency });
    return this.pages.render(request, 'appraisal/flags', 'Ý kiến thẩm định đã nêu', {
      flags: flags.map((f) => ({ ...f, where: describeFieldPath(f.field) })),
    });
  }

  private async renderQueue(
    request: WebRequest,
    user: SessionUser,
    problem?: string,
    typed?: Map<string, OpinionRow>,
  ): Promise<string> {
    const queue = await this.lists.list(user, { stage: Stage.APPRAISAL, pageSize: 500 });
    const flags: { dossierId: string; status: string }[] = await this.lookups.flags(user, { agency: user.agency });
    const raised = new Map<string, number>();
    for (const f of flags) raised.set(f.dossierId, (raised.get(f.dossierId) ?? 0) + 1);
    const stored = new Map(
      (
        await this.appraisal.ownOpinions(
          user,
          queue.items.map((i) => i.id),
        )
      ).map((o) => [o.dossierId, o]),
    );
    return this.pages.render(request, 'appraisal/queue', 'Hồ sơ cần thẩm định', {
      total: queue.total,
      shown: queue.items.length,
      problem,
      items: queue.items.map((item, index) => {
        const own = stored.get(item.id);
        const row = typed?.get(item.id);
        const except = row ? row.except : !!own && own.opinion !== AgencyOpinion.AGREE;
        return {
          ...item,
          index,
          raised: raised.get(item.id) ?? 0,
          // What is stored, so that only changed rows are sent; what was typed when the page comes back.
          stored: own ? { opinion: own.opinion, note: own.note ?? '', version: own.version } : null,
          except,
          opinion: row?.opinion ?? own?.opinion ?? '',
          note: row ? row.note : (own?.note ?? ''),
          error: row?.error,
        };
      }),
    });
  }

  @Post('dossiers/:id/flags')
  async flag(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const dto = plainToInstance(FlagDto, {
      field: String(body.field ?? ''),
      kind: String(body.kind ?? ''),
      message: String(body.message ?? '').trim(),
    });
    const errors = toFieldErrors(await validate(dto));
    let problem = errors.length ? 'Nội dung ý kiến phải có từ 5 đến 2.000 ký tự; chọn loại sai sót.' : undefined;
    if (!problem) {
      try {
        await this.appraisal.flag(user, id, dto);
        response.redirect(
          303,
          `/dossiers/${id}?msg=flagged#${encodeURIComponent(`f-${dto.field.replace(/[^A-Za-z0-9_]+/g, '-').replace(/-+$/, '')}`)}`,
        );
        return;
      } catch (error) {
        if (!(error instanceof AppException) || error.status >= 500) throw error;
        problem = error.message;
      }
    }
    response
      .status(400)
      .type('html')
      .send(
        await this.dossierPage.render(request, user, id, {
          field: dto.field,
          message: problem,
          kind: dto.kind,
          text: dto.message,
        }),
      );
  }

  @Post('dossiers/:id/opinion')
  async opinion(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const note = String(body.note ?? '').trim();
    const version = Number(body.version);
    const dto = plainToInstance(OpinionDto, {
      opinion: String(body.opinion ?? ''),
      ...(note ? { note } : {}),
      ...(version > 0 ? { version } : {}),
    });
    const errors = toFieldErrors(await validate(dto));
    if (errors.length)
      throw new AppException('VALIDATION_FAILED', 'Hãy chọn một ý kiến: đồng ý, không đồng ý hoặc cần bổ sung.', 400);
    await this.appraisal.opinion(user, id, dto);
    response.redirect(303, `/dossiers/${id}?msg=opinion`);
  }
}
