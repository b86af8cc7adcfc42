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
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { AppException, type FieldError } from '../../common/app.exception.js';
import { ROUND_PRESETS, type DossierStatus, type RoundParameters } from '../../eligibility/core/index.js';
import { RoundService } from '../../rounds/round.service.js';
import { ADOPT_ROLES, SIMULATION_ROLES } from '../../simulation/simulation.controller.js';
import { STATUS_LABELS, type SimulationFigures } from '../../simulation/simulation-figures.js';
import { SimulationQueue } from '../../simulation/simulation.queue.js';
import { SimulationService } from '../../simulation/simulation.service.js';
import { isEvaluable } from '../../eligibility/eligibility.service.js';
import { WebCsrfGuard } from '../csrf.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { comparisonView, differenceRows, draftForm, figuresView, postedChanges } from './simulation-page.view.js';

const PAGE = 50;

// Ministry officers and the standing body draft a round's parameters here, run them over the dossiers in their
// scope, read the figures as tables and charts (printable), compare two drafts and adopt one.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Roles(...SIMULATION_ROLES)
@Controller('simulation')
export class SimulationPagesController {
  constructor(
    private readonly pages: PageService,
    private readonly simulations: SimulationService,
    private readonly queue: SimulationQueue,
    private readonly rounds: RoundService,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async index(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Query('round') roundCode?: string,
    @Query('preset') presetCode?: string,
  ): Promise<string> {
    return this.renderIndex(request, user, roundCode, presetCode);
  }

  @Post()
  async create(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const roundCode = String(body.roundCode ?? '');
    const presetCode = String(body.presetCode ?? '') || undefined;
    let errors: FieldError[] = [];
    try {
      const base = await this.simulations.baseFor(roundCode, presetCode);
      const posted = postedChanges(base, body);
      errors = posted.errors;
      if (!errors.length) {
        const name = String(body.name ?? '').trim() || 'Dự thảo chưa đặt tên';
        const created = await this.simulations.create(
          user,
          { name, roundCode, basePresetCode: presetCode, changes: posted.changes },
          this.queue.enqueue,
        );
        response.redirect(303, `/simulation/${created.id}`);
        return;
      }
    } catch (error) {
      if (!(error instanceof AppException) || error.status >= 500) throw error;
      errors = error.errors.length ? error.errors : [{ path: '', code: error.code, message: error.message }];
    }
    response
      .status(400)
      .type('html')
      .send(await this.renderIndex(request, user, roundCode, presetCode, errors));
  }

  @Get('compare')
  @Header('content-type', 'text/html; charset=utf-8')
  async compare(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Query('a', ParseUUIDPipe) a: string,
    @Query('b', ParseUUIDPipe) b: string,
  ): Promise<string> {
    const compared = await this.simulations.compare(user, a, b);
    return this.pages.render(request, 'simulation/compare', 'So sánh hai dự thảo', {
      a: compared.a,
      b: compared.b,
      parameters: compared.parameters.map((d) => ({ ...d, ...differenceRows([d])[0] })),
      ...comparisonView(compared.a.figures as SimulationFigures, compared.b.figures as SimulationFigures),
    });
  }

  @Get(':id')
  @Header('content-type', 'text/html; charset=utf-8')
  async view(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('page') page?: string,
  ): Promise<string> {
    const sim = await this.simulations.get(user, id);
    const done = sim.status === 'DONE';
    const pageNumber = Math.max(1, Math.min(1_000_000, Number.parseInt(page ?? '1', 10) || 1));
    const changes = done
      ? await this.simulations.changes(user, id, { limit: PAGE, offset: (pageNumber - 1) * PAGE })
      : null;
    const others = done
      ? (await this.simulations.list(user, sim.roundId)).filter(
          (s: { id: string; status: string }) => s.id !== id && s.status === 'DONE',
        )
      : [];
    const pages = changes ? Math.max(1, Math.ceil(changes.total / PAGE)) : 1;
    return this.pages.render(request, 'simulation/view', `Mô phỏng: ${sim.name}`, {
      sim,
      running: sim.status === 'QUEUED' || sim.status === 'RUNNING',
      progressPercent: sim.total ? Math.round((100 * sim.done) / sim.total) : 0,
      failed: sim.status === 'FAILED',
      differences: differenceRows(sim.changes),
      figures: done ? figuresView(sim.figures as SimulationFigures) : null,
      changes: (changes?.items ?? []).map((c: { baseStatus: DossierStatus; draftStatus: DossierStatus }) => ({
        ...c,
        baseLabel: STATUS_LABELS[c.baseStatus],
        draftLabel: STATUS_LABELS[c.draftStatus],
      })),
      page: pageNumber,
      pages,
      previous: pageNumber > 1 ? pageNumber - 1 : null,
      next: pageNumber < pages ? pageNumber + 1 : null,
      others,
      canAdopt: done && !sim.adoptedAt && (ADOPT_ROLES as readonly string[]).includes(user.role),
      canDelete:
        !(sim.status === 'QUEUED' || sim.status === 'RUNNING') && (sim.createdBy === user.id || user.role === 'ADMIN'),
    });
  }

  @Post(':id/adopt')
  @Roles(...ADOPT_ROLES)
  async adopt(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const adopted = await this.simulations.adopt(user, id, Number(body.expectedVersion));
    response.redirect(303, `/simulation/${id}?msg=adopted&v=${adopted.roundVersion}`);
  }

  @Post(':id/delete')
  async remove(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    await this.simulations.remove(user, id, Number(body.expectedVersion));
    response.redirect(303, '/simulation?msg=deleted');
  }

  private async renderIndex(
    request: WebRequest,
    user: SessionUser,
    roundCode?: string,
    presetCode?: string,
    errors: FieldError[] = [],
  ): Promise<string> {
    const rounds = (await this.rounds.list()) as Array<{ code: string; name: string }>;
    const chosen = rounds.find((r) => r.code === roundCode) ?? rounds[0];
    const preset = presetCode && ROUND_PRESETS[presetCode] ? presetCode : undefined;
    const base = chosen ? await this.simulations.baseFor(chosen.code, preset) : null;
    // A round still being configured cannot be a base: the form would have nothing to evaluate against.
    const usable = base !== null && isEvaluable(base);
    const saved = await this.simulations.list(user, null);
    return this.pages.render(request, 'simulation/index', 'Mô phỏng điều kiện đặc xá', {
      rounds: rounds.map((r) => ({ ...r, selected: r.code === chosen?.code })),
      presets: this.rounds.presets().map((p) => ({ value: p.code, label: p.title, selected: p.code === presetCode })),
      round: chosen,
      presetCode,
      form: usable ? draftForm(base, errors) : null,
      unusable: chosen && !usable,
      problems: errors.map((e) => e.message),
      saved,
    });
  }
}
