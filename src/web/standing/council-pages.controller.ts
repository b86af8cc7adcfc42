import { Body, Controller, Get, Header, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { AppException } from '../../common/app.exception.js';
import { toFieldErrors } from '../../common/validation-messages.js';
import { REASON_CODES } from '../../workflow/core/reason-codes.js';
import { CouncilListsDto, PresidentDecisionDto } from '../../workflow/decisions/decision.dto.js';
import { CouncilService } from '../../workflow/decisions/council.service.js';
import { PresidentDecisionService } from '../../workflow/decisions/president-decision.service.js';
import { ListQueryService } from '../../workflow/lists/list-query.service.js';
import { WebCsrfGuard } from '../csrf.js';
import { isChecked } from '../dossier-form/form-convert.js';
import { asItems } from '../dossier-form/paths.js';
import { parseDisplayDate } from '../render/format.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebLookupRepository } from '../web-lookup.repository.js';
import { WorkflowLookupRepository } from '../workflow-lookup.repository.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { isUuid } from '../../kernel/uuid.js';

function rowsOf(body: Record<string, unknown>): Record<string, string>[] {
  return asItems(body.rows).map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v ?? '').trim()])),
  );
}

// The Advisory Council fixes its two final lists; the standing body records the President's decision on them.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Controller()
export class CouncilPagesController {
  constructor(
    private readonly pages: PageService,
    private readonly council: CouncilService,
    private readonly president: PresidentDecisionService,
    private readonly listQuery: ListQueryService,
    private readonly lookups: WebLookupRepository,
    private readonly workflow: WorkflowLookupRepository,
  ) {}

  @Roles(Role.COUNCIL_MEMBER)
  @Get('council')
  @Header('content-type', 'text/html; charset=utf-8')
  councilPage(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Query('roundId') roundId?: string,
  ): Promise<string> {
    return this.renderCouncil(request, user, roundId);
  }

  @Roles(Role.COUNCIL_MEMBER)
  @Post('council')
  async fix(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const roundId = String(body.roundId ?? '');
    const rows = rowsOf(body);
    const ticked = rows.filter((r) => isChecked(r.ineligible));
    const ineligible = ticked.map((r) => ({
      dossierId: r.dossierId,
      reasonCode: r.reasonCode,
      ...(r.reason ? { reason: r.reason } : {}),
    }));
    const dto = plainToInstance(CouncilListsDto, { roundId, token: String(body.token ?? ''), ineligible });
    const errors = toFieldErrors(await validate(dto));
    // Each refusal sits on the row of the person it concerns; what was ticked and typed comes back as it was.
    const rowErrors = new Map<string, string>();
    for (const e of errors) {
      const index = /^ineligible\[(\d+)\]/.exec(e.path)?.[1];
      if (index !== undefined)
        rowErrors.set(ticked[Number(index)].dossierId, 'Chọn lý do theo quy định cho người không đủ điều kiện.');
    }
    let problem = errors.length
      ? rowErrors.size
        ? 'Chưa chốt được danh sách: xem lỗi ở từng dòng.'
        : 'Danh sách đã thay đổi; hãy tải lại trang.'
      : undefined;
    let status = 400;
    if (!problem) {
      try {
        const result = await this.council.decide(user, dto);
        response.redirect(303, result.eligible ? `/lists/${result.eligible.id}?msg=decided` : `/lists?msg=decided`);
        return;
      } catch (error) {
        if (!(error instanceof AppException) || error.status >= 500) throw error;
        status = error.status;
        problem = [error.message, ...error.errors.map((e) => e.message)].join(' ');
      }
    }
    const typed = new Map(rows.map((r) => [r.dossierId, { ...r, error: rowErrors.get(r.dossierId) }]));
    response
      .status(status)
      .type('html')
      .send(await this.renderCouncil(request, user, roundId, problem, typed));
  }

  @Roles(Role.COUNCIL_STANDING_OFFICER)
  @Get('standing/president')
  @Header('content-type', 'text/html; charset=utf-8')
  presidentPage(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Query('listId') listId?: string,
  ): Promise<string> {
    return this.renderPresident(request, user, listId);
  }

  @Roles(Role.COUNCIL_STANDING_OFFICER)
  @Post('standing/president')
  async record(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const listId = String(body.councilListId ?? '');
    const notGranted = rowsOf(body)
      .filter((r) => isChecked(r.notGranted))
      .map((r) => ({ dossierId: r.dossierId, reason: r.reason }));
    const dto = plainToInstance(PresidentDecisionDto, {
      councilListId: listId,
      number: String(body.number ?? '').trim(),
      decisionDate: parseDisplayDate(String(body.decisionDate ?? '')),
      notGranted,
    });
    const errors = toFieldErrors(await validate(dto));
    let problem = errors.length
      ? errors
          .map((e) =>
            e.path === 'number'
              ? 'Nhập số Quyết định.'
              : e.path === 'decisionDate'
                ? 'Ngày Quyết định phải là ngày hợp lệ dạng dd/mm/yyyy.'
                : 'Người không có tên trong Quyết định phải có lý do (ít nhất 5 ký tự).',
          )
          .filter((m, i, a) => a.indexOf(m) === i)
          .join(' ')
      : undefined;
    if (!problem) {
      try {
        const result = await this.president.record(user, dto);
        response.redirect(303, `/lists/${result.listId}?msg=decided`);
        return;
      } catch (error) {
        if (!(error instanceof AppException) || error.status >= 500) throw error;
        problem = error.message;
      }
    }
    response
      .status(400)
      .type('html')
      .send(await this.renderPresident(request, user, listId, problem));
  }

  private async renderCouncil(
    request: WebRequest,
    user: SessionUser,
    roundId?: string,
    problem?: string,
    typed = new Map<string, Record<string, string | undefined>>(),
  ): Promise<string> {
    const rounds = (await this.lookups.rounds()).filter((r) => r.status !== 'CLOSED');
    const round = rounds.find((r) => r.id === roundId) ?? rounds[0];
    const pending = round ? await this.council.pending(user, round.id) : null;
    const reasonCodes = Object.entries(REASON_CODES).map(([value, info]) => ({ value, label: info.label }));
    return this.pages.render(request, 'standing/council', 'Hội đồng tư vấn đặc xá chốt danh sách', {
      rounds: rounds.map((r) => ({ value: r.id, label: `${r.name} (${r.code})`, selected: r.id === round?.id })),
      roundId: round?.id ?? '',
      pending: pending && {
        ...pending,
        items: pending.items.map((item: { dossierId: string }) => {
          const row = typed.get(item.dossierId);
          return {
            ...item,
            ineligible: isChecked(row?.ineligible),
            reason: row?.reason ?? '',
            error: row?.error,
            reasonCodes: reasonCodes.map((c) => ({ ...c, selected: c.value === row?.reasonCode })),
          };
        }),
      },
      problem,
    });
  }

  private async renderPresident(
    request: WebRequest,
    user: SessionUser,
    listId?: string,
    problem?: string,
  ): Promise<string> {
    const lists: { id: string; decisionNumber: string | null }[] = await this.workflow.councilLists(user);
    const chosen = lists.find((l) => l.id === listId) ?? lists.find((l) => !l.decisionNumber);
    const detail =
      chosen && isUuid(chosen.id) && !chosen.decisionNumber ? await this.listQuery.get(user, chosen.id) : null;
    return this.pages.render(request, 'standing/president', 'Quyết định của Chủ tịch nước', {
      lists,
      chosen,
      detail,
      problem,
    });
  }
}
