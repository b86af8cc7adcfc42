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
import { DossierListService } from '../../dossiers/dossier-list.service.js';
import { RecordProcuracyNoticeDto } from '../../workflow/procuracy/procuracy-notice.dto.js';
import { ProcuracyNoticeService } from '../../workflow/procuracy/procuracy-notice.service.js';
import { eventsFor } from '../../workflow/core/decide-transition.js';
import { WorkflowEvent } from '../../workflow/core/events.js';
import { Stage, STAGE_LABELS, isStage } from '../../workflow/core/stages.js';
import { COMMENT_ISSUER_LABELS, CourtListDto, CourtProposalDto } from '../../workflow/courts/court.dto.js';
import { CourtListService } from '../../workflow/courts/court-list.service.js';
import { CourtService } from '../../workflow/courts/court.service.js';
import { WebCsrfGuard } from '../csrf.js';
import { answerForm } from '../render/form-answer.js';
import { parseDisplayDate } from '../render/format.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

// The court's page for persons on suspension (Luật Đặc xá 2018, Điều 15, khoản 3–5): the officer records the court's
// proposal with the commune's or military unit's comment; the president approves and posts the list, records the
// notice to the procuracy and sends the list to the appraisal team. What each may do is the table's answer.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Roles(Role.COURT_OFFICER, Role.COURT_PRESIDENT)
@Controller('court')
export class CourtPagesController {
  constructor(
    private readonly pages: PageService,
    private readonly court: CourtService,
    private readonly lists: CourtListService,
    private readonly notices: ProcuracyNoticeService,
    private readonly dossiers: DossierListService,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  page(@Req() request: WebRequest, @CurrentUser() user: SessionUser): Promise<string> {
    return this.render(request, user);
  }

  @Roles(Role.COURT_OFFICER)
  @Post('proposals')
  async propose(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const read = (key: string) => String(body[key] ?? '').trim();
    const [dossierId, version] = read('dossier').split(':');
    const dto = plainToInstance(CourtProposalDto, {
      dossierId,
      version: Number(version),
      proposalNumber: read('proposalNumber'),
      proposedOn: parseDisplayDate(read('proposedOn')),
      proposal: read('proposal'),
      conductComment: {
        issuer: read('commentIssuer'),
        issuerKind: read('commentIssuerKind'),
        ...(read('commentNumber') ? { number: read('commentNumber') } : {}),
        date: parseDisplayDate(read('commentDate')),
        text: read('comment'),
        lawfulConduct: read('lawfulConduct') === 'true',
      },
    });
    await this.answer(request, user, response, dto, () => this.court.propose(user, dto), 'courtProposed');
  }

  @Roles(Role.COURT_PRESIDENT)
  @Post('lists')
  async post(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const picked = ([] as unknown[]).concat(body.dossiers ?? []).map((v) => String(v).split(':'));
    const dto = plainToInstance(CourtListDto, {
      roundId: String(body.roundId ?? ''),
      postedOn: parseDisplayDate(String(body.postedOn ?? '')),
      dossiers: picked.map(([dossierId, version]) => ({ dossierId, version: Number(version) })),
    });
    await this.answer(request, user, response, dto, () => this.lists.approveAndPost(user, dto), 'courtListPosted');
  }

  @Roles(Role.COURT_PRESIDENT)
  @Post('lists/:id/notice')
  async notice(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const dto = plainToInstance(RecordProcuracyNoticeDto, {
      listId: id,
      number: String(body.number ?? '').trim(),
      notifiedOn: parseDisplayDate(String(body.notifiedOn ?? '')),
    });
    await this.answer(request, user, response, dto, () => this.notices.record(user, dto), 'notified');
  }

  @Roles(Role.COURT_PRESIDENT)
  @Post('lists/:id/submit')
  async submit(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.answer(request, user, response, null, () => this.lists.submit(user, id), 'courtListSent');
  }

  private answer(
    request: WebRequest,
    user: SessionUser,
    response: Response,
    dto: object | null,
    act: () => Promise<unknown>,
    done: string,
  ): Promise<void> {
    return answerForm({
      response,
      dto,
      act,
      redirectTo: `/court?msg=${done}`,
      rerender: (problem) => this.render(request, user, problem),
    });
  }

  private async render(request: WebRequest, user: SessionUser, problem?: string): Promise<string> {
    const canPropose = eventsFor(Stage.APPLICATION, user.role).includes(WorkflowEvent.COURT_PROPOSE);
    const canApprove = eventsFor(Stage.COURT_REVIEW, user.role).includes(WorkflowEvent.COURT_APPROVE);
    const candidates = canPropose
      ? (await this.dossiers.list(user, { stage: Stage.APPLICATION, pageSize: 200 })).items
      : [];
    const proposals = await this.court.list(user, null);
    const review = proposals.filter((p) => p.stage === Stage.COURT_REVIEW);
    const dossierVersions = new Map(
      (await this.dossiers.list(user, { stage: Stage.COURT_REVIEW, pageSize: 200 })).items.map((d) => [
        d.id,
        d.version,
      ]),
    );
    return this.pages.render(request, 'court/index', 'Danh sách người được tạm đình chỉ chấp hành án', {
      problem,
      canPropose,
      canApprove,
      candidates,
      issuerKinds: Object.entries(COMMENT_ISSUER_LABELS).map(([value, label]) => ({ value, label })),
      review: review.map((p) => ({ ...p, version: dossierVersions.get(p.dossierId) })),
      roundId: review[0]?.roundId ?? '',
      proposals: proposals
        .filter((p) => p.stage !== Stage.COURT_REVIEW)
        .map((p) => ({ ...p, stageLabel: isStage(p.stage) ? STAGE_LABELS[p.stage] : '' })),
      lists: canApprove
        ? (await this.court.lists(user)).map((l) => ({ ...l, ineligible: l.kind === 'COURT_INELIGIBLE' }))
        : [],
    });
  }
}
