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
import { DocumentSourceType } from '../../documents/builders/snapshot-builder.js';
import { isIneligibleListKind } from '../../documents/builders/list-view-model.js';
import { DocumentsService } from '../../documents/documents.service.js';
import { DocumentKind } from '../../documents/view-models/common.js';
import { eventsFor } from '../../workflow/core/decide-transition.js';
import { WorkflowEvent } from '../../workflow/core/events.js';
import { isWorkflowRole } from '../../workflow/core/roles.js';
import { Stage } from '../../workflow/core/stages.js';
import { ForwardService } from '../../workflow/lists/forward.service.js';
import { hopForRole } from '../../workflow/lists/hops.js';
import { ListQueryService } from '../../workflow/lists/list-query.service.js';
import { RecordProcuracyNoticeDto } from '../../workflow/procuracy/procuracy-notice.dto.js';
import { ProcuracyNoticeService } from '../../workflow/procuracy/procuracy-notice.service.js';
import { ForeignMinistryNoticeService } from '../../workflow/foreign-ministry/foreign-ministry-notice.service.js';
import { foreignMinistryView } from './foreign-ministry-pages.controller.js';
import { formatDate, parseDisplayDate } from '../render/format.js';
import { attemptForm } from '../render/form-attempt.js';
import { DOCUMENT_TITLES } from '../render/document-titles.js';
import { WebCsrfGuard } from '../csrf.js';
import { dossierActions, REASON_CODE_CHOICES } from '../dossier-view/dossier-actions.js';
import { pickedItems, pickedValues } from '../dossier-view/dossier-selection.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebLookupRepository } from '../web-lookup.repository.js';
import { WorkflowLookupRepository } from '../workflow-lookup.repository.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { documentForm } from './document-jobs.controller.js';
import { listName } from '../render/labels.js';

const PIPELINE_ROLES = Object.values(Role).filter((r) => r !== Role.ADMIN);

function moreDocumentsOf(kind: string, role: Role): DocumentKind[] {
  if (kind.startsWith('CAMP_') && (role === Role.WARDEN || role === Role.CAMP_COUNCIL_MEMBER))
    return [DocumentKind.COUNCIL_MINUTES];
  if (kind === 'COUNCIL_ELIGIBLE' && role === Role.COUNCIL_MEMBER) return [DocumentKind.SUBMISSION];
  return [];
}

// Lists: what waits to be consolidated and sent one hop up, the frozen lists a unit made or received, and the
// PDF documents made from each.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Roles(...PIPELINE_ROLES)
@Controller('lists')
export class ListsPagesController {
  constructor(
    private readonly pages: PageService,
    private readonly forwarding: ForwardService,
    private readonly listQuery: ListQueryService,
    private readonly lookups: WebLookupRepository,
    private readonly workflow: WorkflowLookupRepository,
    private readonly notices: ProcuracyNoticeService,
    private readonly foreignMinistry: ForeignMinistryNoticeService,
    private readonly documents: DocumentsService,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  index(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Query('roundId') roundId?: string,
  ): Promise<string> {
    return this.renderIndex(request, user, roundId);
  }

  @Post('forward')
  async forward(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const roundId = String(body.roundId ?? '') || null;
    // "Chuyển các hồ sơ đã chọn" posts the ticked boxes; the other button forwards every pending name.
    const chosen = String(body.mode ?? '') === 'chosen';
    try {
      const dossierIds = chosen ? pickedItems(body).map((i) => i.dossierId) : undefined;
      const result = await this.forwarding.forward(user, { token: String(body.token ?? ''), roundId, dossierIds });
      response.redirect(303, `/lists/${result.listId}?msg=forwarded`);
    } catch (error) {
      if (!(error instanceof AppException) || error.status >= 500) throw error;
      const detail = error.errors.map((e) => e.message).join(' ');
      // The boxes ticked stay ticked, so the officer corrects the choice rather than makes it again.
      const ticked = new Set(pickedValues(body).map((v) => v.slice(0, 36).toLowerCase()));
      response
        .status(error.status)
        .type('html')
        .send(await this.renderIndex(request, user, roundId ?? undefined, `${error.message} ${detail}`.trim(), ticked));
    }
  }

  @Roles(Role.WARDEN)
  @Post(':id/procuracy-notice')
  async notify(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    // A list out of reach answers 404 before anything typed is judged.
    await this.notices.ofList(user, id);
    const dto = plainToInstance(RecordProcuracyNoticeDto, {
      listId: id,
      number: String(body.number ?? '').trim(),
      notifiedOn: parseDisplayDate(String(body.notifiedOn ?? '')),
    });
    const problem = await attemptForm(dto, () => this.notices.record(user, dto));
    if (problem === null) return response.redirect(303, `/lists/${id}?msg=notified`);
    response
      .status(400)
      .type('html')
      .send(await this.renderList(request, user, id, problem));
  }

  @Get(':id')
  @Header('content-type', 'text/html; charset=utf-8')
  view(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    return this.renderList(request, user, id);
  }

  private async renderIndex(
    request: WebRequest,
    user: SessionUser,
    roundId?: string,
    problem?: string,
    ticked: ReadonlySet<string> = new Set(),
  ): Promise<string> {
    const rounds = await this.lookups.rounds();
    const round = rounds.find((r) => r.id === roundId) ?? rounds.find((r) => r.status !== 'CLOSED');
    const hop = isWorkflowRole(user.role) ? hopForRole(user.role) : undefined;
    const pending = hop && round ? await this.forwarding.pending(user, round.id) : null;
    return this.pages.render(request, 'lists/index', 'Danh sách, văn bản', {
      pending: pending && {
        ...pending,
        items: pending.items.map((i: { dossierId: string }) => ({ ...i, checked: ticked.has(i.dossierId) })),
      },
      // The department and the ministry may send some names up now and the rest later.
      choosesNames: hop?.choosesNames ?? false,
      roundId: round?.id ?? '',
      rounds: rounds.map((r) => ({ value: r.id, label: `${r.name} (${r.code})`, selected: r.id === round?.id })),
      lists: await this.workflow.lists(user),
      // Those not to go up are sent back or taken off first, with the actions the table gives this role there.
      pendingActions: hop ? dossierActions(hop.stage, user.role).filter((a) => a.form) : [],
      reasonCodes: REASON_CODE_CHOICES,
      problem,
    });
  }

  private async renderList(request: WebRequest, user: SessionUser, id: string, problem?: string): Promise<string> {
    const list = (await this.listQuery.get(user, id)) as Awaited<ReturnType<ListQueryService['get']>> & {
      kind: string;
      submittedAt: Date | null;
      ownerUnitId: string;
    };
    const listDocument = isIneligibleListKind(list.kind) ? DocumentKind.INELIGIBLE_LIST : DocumentKind.ELIGIBLE_LIST;
    const notice = list.kind === 'CAMP_ELIGIBLE' ? await this.notices.ofList(user, id) : null;
    const ownCampList =
      user.role === Role.WARDEN && list.kind === 'CAMP_ELIGIBLE' && list.ownerUnitId === user.orgUnitId;
    return this.pages.render(request, 'lists/view', listName(list.kind, list.code), {
      list,
      problem,
      // The warden's own camp list, approved and posted but not yet sent to the managing department.
      canSubmit:
        eventsFor(Stage.POSTED, user.role).includes(WorkflowEvent.FORWARD) &&
        list.kind === 'CAMP_ELIGIBLE' &&
        !list.submittedAt &&
        list.ownerUnitId === user.orgUnitId,
      // The camp's notice to the procuracy (Luật Đặc xá 2018, Điều 15, khoản 5), recorded by the warden.
      notice,
      canNotify: ownCampList,
      // The standing body's notice to the Ministry of Foreign Affairs, where the round asks for it.
      foreignMinistry:
        list.kind === 'PRESIDENT_DECISION'
          ? foreignMinistryView(await this.foreignMinistry.panel(user, id), user.role)
          : null,
      // The recorded notice printed under the camp's letterhead, its number and date as recorded; the builder adds the
      // procuracy to "Nơi nhận".
      noticeDoc:
        notice && ownCampList
          ? {
              ...documentForm({
                kind: DocumentKind.PROCURACY_NOTICE,
                sourceType: DocumentSourceType.PROCURACY_NOTICE,
                sourceId: notice.id,
                back: `/lists/${id}`,
                signerName: user.fullName,
                idPrefix: 'procuracy-notice-',
              }),
              number: notice.number,
              date: formatDate(notice.notifiedOn),
            }
          : null,
      documents: await this.workflow.documentsOf(user, id),
      doc: documentForm({
        kind: listDocument,
        sourceType: DocumentSourceType.LIST_SNAPSHOT,
        sourceId: id,
        back: `/lists/${id}`,
        signerName: user.fullName,
        // The next level of the chain and the competent procuracy, as the law names them, for the official to edit.
        recipients: await this.documents.formRecipients(user, {
          kind: listDocument,
          sourceType: DocumentSourceType.LIST_SNAPSHOT,
          sourceId: id,
        }),
      }),
      // The other documents made from this list where its issuer reads it: the camp council's minutes from the
      // camp's list, the submission to the President from the Council's eligible list.
      moreDocs: await Promise.all(
        moreDocumentsOf(list.kind, user.role).map(async (kind) => ({
          ...documentForm({
            kind,
            sourceType: DocumentSourceType.LIST_SNAPSHOT,
            sourceId: id,
            back: `/lists/${id}`,
            signerName: user.fullName,
            idPrefix: `${kind}-`,
            // The submission goes to the President's Office, the Council's list's next level.
            recipients: await this.documents.formRecipients(user, {
              kind,
              sourceType: DocumentSourceType.LIST_SNAPSHOT,
              sourceId: id,
            }),
          }),
          title: DOCUMENT_TITLES[kind],
        })),
      ),
    });
  }
}
