import { Body, Controller, Get, Header, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { AppraisalRecordDto } from '../../workflow/appraisal/appraisal.dto.js';
import { AppraisalRecordService } from '../../workflow/appraisal/appraisal-record.service.js';
import { OPINION_LABELS, type AgencyOpinion } from '../../workflow/core/appraisal.js';
import type { RecordRow } from '../../workflow/core/appraisal-team.js';
import { DocumentSourceType } from '../../documents/builders/snapshot-builder.js';
import { DocumentsService } from '../../documents/documents.service.js';
import { DocumentKind } from '../../documents/view-models/common.js';
import { documentForm } from '../lists/document-jobs.controller.js';
import { WebCsrfGuard } from '../csrf.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { WebLookupRepository } from '../web-lookup.repository.js';
import { answerForm } from '../render/form-answer.js';

const source = (id: string) => ({
  kind: DocumentKind.APPRAISAL_RECORD,
  sourceType: DocumentSourceType.APPRAISAL_RECORD,
  sourceId: id,
});

const printable = (row: RecordRow) => ({
  ...row,
  positions: row.positions.map((p) => ({ ...p, opinionLabel: OPINION_LABELS[p.opinion as AgencyOpinion] })),
});

// The appraisal team draws its record (biên bản thẩm định) for a round and prints it; the standing body and the
// council read it (Luật Đặc xá 2018, Điều 16, khoản 2).
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Roles(Role.APPRAISER, Role.COUNCIL_STANDING_OFFICER, Role.COUNCIL_MEMBER)
@Controller('appraisal-records')
export class AppraisalRecordPagesController {
  constructor(
    private readonly pages: PageService,
    private readonly records: AppraisalRecordService,
    private readonly lookup: WebLookupRepository,
    private readonly documents: DocumentsService,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  page(@Req() request: WebRequest, @CurrentUser() user: SessionUser, @Query('id') id?: string): Promise<string> {
    return this.render(request, user, typeof id === 'string' ? id : undefined);
  }

  @Roles(Role.APPRAISER)
  @Post()
  async draw(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const dto = plainToInstance(AppraisalRecordDto, { roundId: String(body.roundId ?? '') });
    let drawn: { id: string } | undefined;
    await answerForm({
      response,
      dto,
      act: async () => {
        drawn = await this.records.draw(user, dto);
      },
      redirectTo: () => `/appraisal-records?id=${drawn?.id ?? ''}&msg=appraisalRecord`,
      rerender: (problem) => this.render(request, user, undefined, problem),
    });
  }

  private async render(request: WebRequest, user: SessionUser, id?: string, problem?: string): Promise<string> {
    const records = await this.records.list(user, null);
    const shownId = id && /^[0-9a-f-]{36}$/.test(id) ? id : records[0]?.id;
    const shown = shownId ? await this.records.get(user, shownId) : null;
    const content = shown?.content as { eligible: RecordRow[]; ineligible: RecordRow[] } | undefined;
    return this.pages.render(request, 'after-decision/appraisal-records', 'Biên bản thẩm định', {
      problem,
      canDraw: user.role === Role.APPRAISER,
      rounds: await this.lookup.rounds(),
      records,
      shown: shown && {
        ...shown,
        eligible: content!.eligible.map(printable),
        ineligible: content!.ineligible.map(printable),
        // "Nơi nhận" pre-filled with the standing body and the bodies whose lists were appraised, for the team to edit.
        doc:
          user.role === Role.APPRAISER
            ? {
                // Signed by the appraiser who prints it unless the clerk types another name, as on every other page.
                ...documentForm({
                  ...source(shown.id),
                  back: `/appraisal-records?id=${shown.id}`,
                  signerName: user.fullName,
                  recipients: await this.documents.formRecipients(user, source(shown.id)),
                }),
                signerTitle: 'Tổ trưởng Tổ thẩm định liên ngành',
              }
            : null,
      },
    });
  }
}
