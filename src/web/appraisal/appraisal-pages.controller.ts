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
import { Stage } from '../../workflow/core/stages.js';
import { WebCsrfGuard } from '../csrf.js';
import { DossierPageView } from '../dossier-view/dossier-page.view.js';
import { describeFieldPath } from '../dossier-form/form-view.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WorkflowLookupRepository } from '../workflow-lookup.repository.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

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
  async queue(@Req() request: WebRequest, @CurrentUser() user: SessionUser): Promise<string> {
    const queue = await this.lists.list(user, { stage: Stage.APPRAISAL, pageSize: 500 });
    const flags: { dossierId: string; status: string }[] = await this.lookups.flags(user, { agency: user.agency });
    const raised = new Map<string, number>();
    for (const f of flags) raised.set(f.dossierId, (raised.get(f.dossierId) ?? 0) + 1);
    return this.pages.render(request, 'appraisal/queue', 'Hồ sơ cần thẩm định', {
      total: queue.total,
      items: queue.items.map((i) => ({ ...i, raised: raised.get(i.id) ?? 0 })),
    });
  }

  @Get('flags')
  @Header('content-type', 'text/html; charset=utf-8')
  async flags(@Req() request: WebRequest, @CurrentUser() user: SessionUser): Promise<string> {
    const flags: { field: string }[] = await this.lookups.flags(user, { agency: user.agency });
    return this.pages.render(request, 'appraisal/flags', 'Ý kiến thẩm định đã nêu', {
      flags: flags.map((f) => ({ ...f, where: describeFieldPath(f.field) })),
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
