import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { NotFoundException } from '../../common/app.exception.js';
import { RecordForeignMinistryNoticeDto } from '../../workflow/foreign-ministry/foreign-ministry-notice.dto.js';
import {
  ForeignMinistryNoticeService,
  type ForeignMinistryPanel,
} from '../../workflow/foreign-ministry/foreign-ministry-notice.service.js';
import { WebCsrfGuard } from '../csrf.js';
import { parseDisplayDate } from '../render/format.js';
import { attemptForm } from '../render/form-attempt.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

// What the list page shows of the notice to the Ministry of Foreign Affairs: only on a President's decision list of a
// round that asks for it; the form for the Council's standing officer.
export function foreignMinistryView(panel: ForeignMinistryPanel | null, role: Role) {
  return panel?.enabled ? { ...panel, canRecord: role === Role.COUNCIL_STANDING_OFFICER } : null;
}

// The standing officer's form on the President's decision list (a round choice: foreigners.notifyForeignMinistry).
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Roles(Role.COUNCIL_STANDING_OFFICER)
@Controller('lists')
export class ForeignMinistryPagesController {
  constructor(
    private readonly pages: PageService,
    private readonly notices: ForeignMinistryNoticeService,
  ) {}

  @Post(':id/foreign-ministry-notice')
  async record(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    // A list out of reach answers 404 before anything typed is judged; so does a list that is no decision's.
    if (!(await this.notices.panel(user, id))) throw new NotFoundException('danh sách kèm Quyết định đặc xá');
    const dto = plainToInstance(RecordForeignMinistryNoticeDto, {
      listId: id,
      number: String(body.number ?? '').trim(),
      notifiedOn: parseDisplayDate(String(body.notifiedOn ?? '')),
      dossierIds: [body.dossierIds ?? []].flat().map(String),
    });
    const problem = await attemptForm(dto, () => this.notices.record(user, dto));
    if (problem === null) return response.redirect(303, `/lists/${id}?msg=foreignMinistryNotified`);
    const fm = foreignMinistryView(await this.notices.panel(user, id), user.role);
    response
      .status(400)
      .type('html')
      .send(
        this.pages.render(request, 'lists/foreign-ministry', 'Thông báo cho Bộ Ngoại giao', {
          fm,
          listId: id,
          problem,
        }),
      );
  }
}
