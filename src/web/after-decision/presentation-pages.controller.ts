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
import { Role } from '../../auth/user.entity.js';
import { formatIsoVi } from '../../kernel/calendar-date.js';
import { RecordPresentationDto } from '../../workflow/after-decision/after-decision.dto.js';
import { PresentationService } from '../../workflow/after-decision/presentation.service.js';
import { WebCsrfGuard } from '../csrf.js';
import { parseDisplayDate } from '../render/format.js';
import { answerRowForm } from '../render/form-answer.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

// A presentation that could not be recorded: its row keeps the typed day and says why, beside the field.
interface PresentationProblem {
  certificateId: string;
  presentedOn: string;
  message: string;
}

// A birth date as the dossier holds it: a year alone, or a whole day.
const birth = (value: string) => (/^\d{4}$/.test(value) ? value : formatIsoVi(value));

// The commune's People's Committee or the military unit an amnestied person presents the certificate to (Luật Đặc xá
// 2018, Điều 20, khoản 2, điểm a): the persons whose certificates name it, with their report-by day, and a form per
// person to record the day they presented.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Roles(Role.LOCAL_UNIT_OFFICER)
@Controller('presentations')
export class PresentationPagesController {
  constructor(
    private readonly pages: PageService,
    private readonly presentations: PresentationService,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  index(@Req() request: WebRequest, @CurrentUser() user: SessionUser): Promise<string> {
    return this.render(request, user);
  }

  @Post(':id')
  async present(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const typed = String(body.presentedOn ?? '').trim();
    const dto = plainToInstance(RecordPresentationDto, {
      presentedOn: parseDisplayDate(typed),
      version: Number(body.version) || 0,
      dossierVersion: Number(body.dossierVersion) || 0,
    });
    await answerRowForm({
      response,
      dto,
      dateField: 'presentedOn',
      dateMessage: 'Ngày trình diện phải là một ngày có thật, dạng dd/mm/yyyy.',
      act: () => this.presentations.recordPresentation(user, id, dto),
      redirectTo: `/presentations?msg=presented#c-${id}`,
      rerender: (message) => this.render(request, user, { certificateId: id, presentedOn: typed, message }),
    });
  }

  private async render(request: WebRequest, user: SessionUser, problem?: PresentationProblem): Promise<string> {
    const people = (await this.presentations.presentingTo(user)).map((p) => ({
      ...p,
      birth: birth(p.birthDate),
      problem: problem?.certificateId === p.certificateId ? problem.message : null,
      typed: problem?.certificateId === p.certificateId ? problem.presentedOn : '',
    }));
    return this.pages.render(request, 'after-decision/local-presentations', 'Trình diện Giấy chứng nhận đặc xá', {
      unitName: user.orgUnitName,
      waiting: people.filter((p) => !p.presentedOn),
      presented: people.filter((p) => p.presentedOn),
    });
  }
}
