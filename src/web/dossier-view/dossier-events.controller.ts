import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { AppException } from '../../common/app.exception.js';
import { isWorkflowEvent, WorkflowEvent } from '../../workflow/core/events.js';
import { isReasonCode, ReasonCode } from '../../workflow/core/reason-codes.js';
import { DossierEventService } from '../../workflow/history/dossier-event.service.js';
import { WebCsrfGuard } from '../csrf.js';
import { safeNext } from '../login.controller.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { readAction } from './dossier-actions.js';
import { readSelection, SelectionSource } from './dossier-selection.js';
import { DossierPageView } from './dossier-page.view.js';

const PIPELINE_ROLES = Object.values(Role).filter((r) => r !== Role.ADMIN);

// After an event the page says what was done; only these fixed codes reach the flash message.
const DONE: Partial<Record<WorkflowEvent, string>> = {
  [WorkflowEvent.SUBMIT_FOR_BALLOT]: 'submitted',
  [WorkflowEvent.SEND_BACK]: 'sentBack',
  [WorkflowEvent.RESUBMIT]: 'resubmitted',
  [WorkflowEvent.REMOVE]: 'removed',
  [WorkflowEvent.WITHDRAW]: 'withdrawn',
};

export interface EventInput {
  event: WorkflowEvent;
  reason?: string;
  reasonCode?: ReasonCode;
}

// What the clerk typed into an action's form, read as the service's DTO expects it; an unknown event or code is left
// for the service and the table to refuse in Vietnamese.
function readEvent(body: Record<string, unknown>): EventInput {
  const action = readAction(String(body.event ?? ''));
  const reason = String(body.reason ?? '').trim();
  const reasonCode = action.reasonCode ?? String(body.reasonCode ?? '');
  return {
    event: (isWorkflowEvent(action.event) ? action.event : 'unknown') as WorkflowEvent,
    ...(reason ? { reason } : {}),
    ...(isReasonCode(reasonCode) ? { reasonCode } : {}),
  };
}

// The flash message after an event; a removal for withdrawal says that the withdrawal was recorded.
function doneOf(input: EventInput): string {
  if (input.event === WorkflowEvent.REMOVE && input.reasonCode === ReasonCode.WITHDRAWN) return 'withdrawn';
  return DONE[input.event] ?? 'decided';
}

// The actions a dossier's page and the bulk tables offer (send back, remove, withdraw, resubmit, put to the team
// meeting): each posts here and goes through the workflow's one transition path; the table decides.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Roles(...PIPELINE_ROLES)
@Controller('dossiers')
export class DossierEventsController {
  constructor(
    private readonly events: DossierEventService,
    private readonly dossierPage: DossierPageView,
    private readonly selection: SelectionSource,
    private readonly pages: PageService,
  ) {}

  // Many dossiers chosen by their boxes, or every dossier the list's filters select: one transaction.
  @Post('events')
  async many(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const input = readEvent(body);
    const back = safeNext(String(body.back ?? '/dossiers'));
    try {
      const items = await readSelection(this.selection, user, body);
      await this.events.fireMany(user, { ...input, items });
    } catch (error) {
      if (!(error instanceof AppException) || error.status >= 500 || error.status === 404) throw error;
      // Nothing was changed: the refusal names each dossier, with the way back to the same list.
      const message = [error.message, ...error.errors.map((e) => e.message)].join(' ');
      const html = this.pages.render(request, 'error', 'Chưa thực hiện được', { status: error.status, message, back });
      response.status(error.status).type('html').send(html);
      return;
    }
    const join = back.includes('?') ? '&' : '?';
    response.redirect(303, `${back}${join}msg=${doneOf(input)}`);
  }

  @Post(':id/events')
  async one(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const input = readEvent(body);
    try {
      await this.events.fire(user, id, { ...input, version: Number(body.version) || 0 });
      response.redirect(303, `/dossiers/${id}?msg=${doneOf(input)}`);
    } catch (error) {
      if (!(error instanceof AppException) || error.status >= 500 || error.status === 404) throw error;
      // The form opens again with what was typed and the table's refusal beside it.
      const message = [error.message, ...error.errors.map((e) => e.message)].join(' ');
      const html = await this.dossierPage.render(request, user, id, undefined, {
        action: String(body.event ?? ''),
        message,
        reason: String(body.reason ?? ''),
        reasonCode: String(body.reasonCode ?? ''),
      });
      response.status(error.status).type('html').send(html);
    }
  }
}
