import { Body, Controller, Get, Header, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { AppException, type FieldError } from '../../common/app.exception.js';
import { toFieldErrors } from '../../common/validation-messages.js';
import { CreateRoundDto } from '../../rounds/round.dto.js';
import { RoundStatus } from '../../rounds/round.entity.js';
import { RoundService } from '../../rounds/round.service.js';
import { EligibilityService } from '../../eligibility/eligibility.service.js';
import { WebCsrfGuard } from '../csrf.js';
import { asItems } from '../dossier-form/paths.js';
import { formatDate, parseDisplayDate } from '../render/format.js';
import { optionsOf } from '../render/labels.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { applyParameterRows, parameterRows } from './round-parameters.form.js';

// The page shows dates as dd/mm/yyyy, so the validator's wording follows it.
function strip(message: string): string {
  return message.replace(/^(Trường|Tham số) "[^"]*":?\s*/, '').replace('YYYY-MM-DD', 'dd/mm/yyyy');
}

// Rounds are the President's decision as data: every parameter shows its value, its source and how sure it is,
// and the round validator's findings stand beside the value they concern.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Roles(Role.ADMIN)
@Controller('admin/rounds')
export class AdminRoundsController {
  constructor(
    private readonly pages: PageService,
    private readonly rounds: RoundService,
    private readonly eligibility: EligibilityService,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  list(@Req() request: WebRequest): Promise<string> {
    return this.renderList(request);
  }

  @Post()
  async create(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const dto = plainToInstance(CreateRoundDto, {
      code: String(body.code ?? '')
        .trim()
        .toUpperCase(),
      presetCode: String(body.presetCode ?? ''),
    });
    const errors = toFieldErrors(await validate(dto));
    let problem = errors.length
      ? 'Mã đợt chỉ gồm chữ in hoa, chữ số và dấu gạch ngang (ví dụ QD-1244-2025); chọn một mẫu tham số.'
      : undefined;
    if (!problem) {
      try {
        await this.rounds.create(user, dto);
        response.redirect(303, `/admin/rounds/${encodeURIComponent(dto.code)}?msg=round`);
        return;
      } catch (error) {
        if (!(error instanceof AppException) || error.status >= 500) throw error;
        problem = error.message;
      }
    }
    response
      .status(400)
      .type('html')
      .send(await this.renderList(request, problem, dto.code));
  }

  @Get(':code')
  @Header('content-type', 'text/html; charset=utf-8')
  async view(@Req() request: WebRequest, @Param('code') code: string): Promise<string> {
    return this.renderRound(request, await this.rounds.get(code), [], await this.heldBack(code));
  }

  @Post(':code')
  async update(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const round = await this.rounds.get(code);
    const posted = asItems(body.p).map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v ?? '')])),
    );
    const { parameters, errors } = applyParameterRows(round.parameters, posted);
    const status = Object.values(RoundStatus).includes(body.status as RoundStatus)
      ? (body.status as RoundStatus)
      : undefined;
    const postingDate = parseDisplayDate(String(body.postingDate ?? ''));
    const deadlines = { ...(round.deadlines ?? {}), ...(postingDate ? { postingDate } : {}) };
    if (!errors.length) {
      try {
        await this.rounds.update(user, code, {
          expectedVersion: Number(body.expectedVersion),
          parameters,
          status,
          deadlines,
          name: String(body.name ?? '').trim() || undefined,
        });
        response.redirect(303, `/admin/rounds/${encodeURIComponent(code)}?msg=round`);
        return;
      } catch (error) {
        if (!(error instanceof AppException) || error.status >= 500) throw error;
        errors.push(...(error.errors.length ? error.errors : [{ path: '', code: error.code, message: error.message }]));
      }
    }
    const html = this.renderRound(request, { ...round, parameters }, errors);
    response.status(400).type('html').send(html);
  }

  private async renderList(request: WebRequest, problem?: string, code?: string): Promise<string> {
    return this.pages.render(request, 'admin/rounds', 'Đợt đặc xá', {
      rounds: await this.rounds.list(),
      presets: this.rounds.presets().map((p) => ({ value: p.code, label: `${p.title} (${p.code})` })),
      problem,
      code,
    });
  }

  private heldBack(code: string): Promise<Array<{ label: string; count: number }>> {
    return this.eligibility.heldBackByUnknownValues(code);
  }

  private renderRound(
    request: WebRequest,
    round: Record<string, any>,
    errors: FieldError[] = [],
    heldBack: Array<{ label: string; count: number }> = [],
  ): string {
    // A finding belongs to the parameter whose path it names or lies under ('cutoffDate', 'cutoffDate.value').
    const owns = (rowPath: string, errorPath: string) => {
      const path = errorPath.replace(/^parameters\./, '');
      return path === rowPath || path.startsWith(`${rowPath}.`);
    };
    const rows = parameterRows(round.parameters, round.issues ?? []).map((r) => ({
      ...r,
      issue: errors.filter((e) => owns(r.path, e.path)).map((e) => strip(e.message))[0] ?? r.issue,
    }));
    const unplaced = errors.filter((e) => !rows.some((r) => owns(r.path, e.path))).map((e) => strip(e.message));
    return this.pages.render(request, 'admin/round', `Đợt đặc xá ${round.code}`, {
      round,
      rows,
      unplaced,
      heldBack,
      postingDate: formatDate(round.deadlines?.postingDate ?? round.postedAt ?? ''),
      statuses: optionsOf('roundStatus').map((o) => ({ ...o, selected: o.value === round.status })),
      confidences: [
        { value: 'V', label: 'V – đã đối chiếu văn bản' },
        { value: 'K', label: 'K – theo hiểu biết chung' },
        { value: '?', label: '? – chưa rõ' },
      ],
    });
  }
}
