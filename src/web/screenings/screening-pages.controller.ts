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
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { NotFoundException } from '../../common/app.exception.js';
import { ScreeningQueue } from '../../eligibility/screening.queue.js';
import { ScreeningService } from '../../eligibility/screening.service.js';
import { WebCsrfGuard } from '../csrf.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebLookupRepository } from '../web-lookup.repository.js';
import { WorkflowLookupRepository } from '../workflow-lookup.repository.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

const STATUS_LABELS: Record<string, string> = {
  QUEUED: 'Đang chờ',
  RUNNING: 'Đang rà soát',
  DONE: 'Hoàn thành',
  FAILED: 'Lỗi',
};

// Screening a round's dossiers against its current parameters: started here (the same roles and service as the API),
// then followed on its own page while the workers evaluate the batches.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Roles(Role.ADMIN, Role.COUNCIL_STANDING_OFFICER, Role.MINISTRY_OFFICER)
@Controller('screenings')
export class ScreeningPagesController {
  constructor(
    private readonly pages: PageService,
    private readonly screenings: ScreeningService,
    private readonly queue: ScreeningQueue,
    private readonly lookups: WebLookupRepository,
    private readonly workflow: WorkflowLookupRepository,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async index(@Req() request: WebRequest, @CurrentUser() user: SessionUser): Promise<string> {
    const rounds = await this.lookups.rounds();
    const recent: { status: string }[] = await this.workflow.screenings(user);
    return this.pages.render(request, 'screenings/index', 'Rà soát điều kiện đặc xá', {
      rounds: rounds.map((r, i) => ({ value: r.id, label: `${r.name} (${r.code})`, selected: i === 0 })),
      recent: recent.map((s) => ({ ...s, statusLabel: STATUS_LABELS[s.status] ?? s.status })),
    });
  }

  @Post()
  async start(
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const roundId = String(body.roundId ?? '');
    const rounds = await this.lookups.rounds();
    const round = rounds.find((r) => r.id === roundId);
    if (!round) throw new NotFoundException('đợt đặc xá');
    const screening = await this.screenings.create({ id: user.id, name: user.username }, user, round.id);
    await this.queue.enqueue(screening.id);
    response.redirect(303, `/screenings/${screening.id}?msg=screening`);
  }

  @Get(':id')
  @Header('content-type', 'text/html; charset=utf-8')
  async view(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    const screening = await this.screenings.status(user, id);
    return this.pages.render(request, 'screenings/view', 'Tiến độ rà soát điều kiện', {
      screening: { ...screening, statusLabel: STATUS_LABELS[screening.status] },
      round: (await this.lookups.rounds()).find((r) => r.id === screening.roundId) ?? null,
    });
  }
}
