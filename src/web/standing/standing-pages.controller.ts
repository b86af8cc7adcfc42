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
import { AppException } from '../../common/app.exception.js';
import { toFieldErrors } from '../../common/validation-messages.js';
import { ExplanatoryReportDto, ResolveFlagDto } from '../../workflow/appraisal/appraisal.dto.js';
import { AppraisalService } from '../../workflow/appraisal/appraisal.service.js';
import { DocumentSourceType } from '../../documents/builders/snapshot-builder.js';
import { DocumentsService } from '../../documents/documents.service.js';
import { DocumentKind } from '../../documents/view-models/common.js';
import { documentForm } from '../lists/document-jobs.controller.js';
import { WebCsrfGuard } from '../csrf.js';
import { describeFieldPath } from '../dossier-form/form-view.js';
import { toInputId } from '../dossier-form/paths.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebLookupRepository } from '../web-lookup.repository.js';
import { WorkflowLookupRepository } from '../workflow-lookup.repository.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

const reportSource = (id: string) => ({
  kind: DocumentKind.EXPLANATORY_REPORT,
  sourceType: DocumentSourceType.EXPLANATORY_REPORT,
  sourceId: id,
});

// The standing body of the Advisory Council: settles every finding (accept and send back, or reject with a reason)
// and writes the explanatory report for what the agencies still disagree on.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Roles(Role.COUNCIL_STANDING_OFFICER, Role.COUNCIL_MEMBER)
@Controller('standing')
export class StandingPagesController {
  constructor(
    private readonly pages: PageService,
    private readonly appraisal: AppraisalService,
    private readonly lookups: WebLookupRepository,
    private readonly workflow: WorkflowLookupRepository,
    private readonly documents: DocumentsService,
  ) {}

  @Get('flags')
  @Header('content-type', 'text/html; charset=utf-8')
  flags(@Req() request: WebRequest, @CurrentUser() user: SessionUser): Promise<string> {
    return this.renderFlags(request, user);
  }

  @Roles(Role.COUNCIL_STANDING_OFFICER)
  @Post('flags/:id/resolve')
  async resolve(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const reason = String(body.reason ?? '').trim();
    const dto = plainToInstance(ResolveFlagDto, {
      accept: body.accept === 'true' ? true : body.accept === 'false' ? false : undefined,
      ...(reason ? { reason } : {}),
      version: Number(body.version),
      dossierVersion: Number(body.dossierVersion),
    });
    const errors = toFieldErrors(await validate(dto));
    let problem = errors.some((e) => e.path === 'accept')
      ? 'Hãy chọn chấp nhận hoặc không chấp nhận ý kiến thẩm định.'
      : errors.length
        ? 'Dữ liệu không hợp lệ; hãy tải lại trang.'
        : undefined;
    if (!problem) {
      try {
        await this.appraisal.resolve(user, id, dto);
        response.redirect(303, '/standing/flags?msg=resolved');
        return;
      } catch (error) {
        if (!(error instanceof AppException) || error.status >= 500) throw error;
        problem = [error.message, ...error.errors.map((e) => e.message)]
          .filter((m, i, all) => all.indexOf(m) === i)
          .join(' ');
      }
    }
    response
      .status(400)
      .type('html')
      .send(await this.renderFlags(request, user, problem));
  }

  @Get('report')
  @Header('content-type', 'text/html; charset=utf-8')
  report(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Query('roundId') roundId?: string,
  ): Promise<string> {
    return this.renderReport(request, user, roundId);
  }

  @Roles(Role.COUNCIL_STANDING_OFFICER)
  @Post('report')
  async writeReport(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const dto = plainToInstance(ExplanatoryReportDto, { roundId: String(body.roundId ?? '') });
    const roundId = dto.roundId;
    try {
      if ((await validate(dto)).length) throw new AppException('VALIDATION_FAILED', 'Hãy chọn đợt đặc xá.', 400);
      await this.appraisal.explanatoryReport(user, dto);
      response.redirect(303, `/standing/report?roundId=${encodeURIComponent(roundId)}&msg=report`);
    } catch (error) {
      if (!(error instanceof AppException) || error.status >= 500) throw error;
      response
        .status(error.status)
        .type('html')
        .send(await this.renderReport(request, user, roundId, error.message));
    }
  }

  private async renderFlags(request: WebRequest, user: SessionUser, problem?: string): Promise<string> {
    const flags: { field: string }[] = await this.workflow.flags(user, {});
    return this.pages.render(request, 'standing/flags', 'Ý kiến thẩm định cần giải quyết', {
      flags: flags.map((f) => ({ ...f, where: describeFieldPath(f.field), anchor: toInputId(f.field) })),
      problem,
    });
  }

  private async renderReport(
    request: WebRequest,
    user: SessionUser,
    roundId?: string,
    problem?: string,
  ): Promise<string> {
    const rounds = await this.lookups.rounds();
    const round = rounds.find((r) => r.id === roundId) ?? rounds.find((r) => r.status !== 'CLOSED');
    return this.pages.render(request, 'standing/report', 'Báo cáo giải trình', {
      rounds: rounds.map((r) => ({ value: r.id, label: `${r.name} (${r.code})`, selected: r.id === round?.id })),
      roundId: round?.id ?? '',
      reports: await Promise.all(
        (round ? ((await this.workflow.reports(user, round.id)) as { id: string }[]) : []).map(async (r) => ({
          ...r,
          documents: await this.workflow.documentsOf(user, r.id),
          // The standing body prints the report it wrote, under its own letterhead.
          // "Nơi nhận" pre-filled with the Council the report is addressed to.
          doc:
            user.role === Role.COUNCIL_STANDING_OFFICER
              ? documentForm({
                  ...reportSource(r.id),
                  back: `/standing/report?roundId=${round!.id}`,
                  signerName: user.fullName,
                  idPrefix: `report-${r.id}-`,
                  recipients: await this.documents.formRecipients(user, reportSource(r.id)),
                })
              : null,
        })),
      ),
      problem,
    });
  }
}
