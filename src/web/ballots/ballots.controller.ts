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
import { Role } from '../../auth/user.entity.js';
import { AppException, type FieldError } from '../../common/app.exception.js';
import { DossierListService } from '../../dossiers/dossier-list.service.js';
import { OrgService } from '../../org/org.service.js';
import { BallotService } from '../../workflow/ballots/ballot.service.js';
import { Stage } from '../../workflow/core/stages.js';
import { WebCsrfGuard } from '../csrf.js';
import { clerkMessage } from '../dossier-form/form-errors.js';
import { meetingRecordFields, readMeetingRecord, TEAM_MEETING_FIELDS } from '../render/meeting-record-form.js';
import { formatDate } from '../render/format.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebLookupRepository } from '../web-lookup.repository.js';
import { WorkflowLookupRepository } from '../workflow-lookup.repository.js';
import { DocumentSourceType } from '../../documents/builders/snapshot-builder.js';
import { DocumentKind } from '../../documents/view-models/common.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { COUNT_FIELDS, readBallotForm, toMeetingDto, type BallotValues } from './ballot-form.js';
import { documentForm } from '../lists/document-jobs.controller.js';

// The team's review meeting: candidates are put to the secret ballot, and the minutes record only totals.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Roles(Role.TEAM_OFFICER)
@Controller('ballots')
export class BallotsController {
  constructor(
    private readonly pages: PageService,
    private readonly lists: DossierListService,
    private readonly org: OrgService,
    private readonly lookups: WebLookupRepository,
    private readonly ballots: BallotService,
    private readonly workflow: WorkflowLookupRepository,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async page(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Query() query: Record<string, string>,
  ): Promise<string> {
    const context = await this.context(user, query.roundId, query.teamId);
    const values: BallotValues = {
      roundId: context.roundId,
      teamId: context.teamId,
      meetingDate: '',
      record: readMeetingRecord({}),
      counts: Object.fromEntries(COUNT_FIELDS.map((f) => [f, ''])) as BallotValues['counts'],
      rows: context.candidates.map((c) => ({
        dossierId: c.id,
        version: String(c.version),
        include: true,
        votesFor: '',
        votesAgainst: '',
        votesBlank: '',
        officerOpinion: '',
      })),
    };
    return this.render(request, context, values, []);
  }

  @Post()
  async record(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const values = readBallotForm(body);
    const { dto, errors, rowOf } = await toMeetingDto(values);
    let problem: string | undefined;
    if (errors.length === 0) {
      try {
        const result = await this.ballots.record(user, dto);
        response.redirect(303, `/ballots/meetings/${result.meetingId}?msg=ballot`);
        return;
      } catch (error) {
        if (!(error instanceof AppException) || error.status >= 500 || error.status === 403) throw error;
        errors.push(...error.errors);
        problem = error.message;
      }
    }
    const context = await this.context(user, values.roundId, values.teamId);
    const mapped = errors.map((e) => ({ ...e, path: rowOf(e.path) }));
    response
      .status(400)
      .type('html')
      .send(this.render(request, context, values, mapped, problem));
  }

  @Get('meetings/:id')
  @Header('content-type', 'text/html; charset=utf-8')
  async meeting(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    const meeting = await this.ballots.get(user, id);
    return this.pages.render(
      request,
      'ballots/meeting',
      `Biên bản họp bình xét ngày ${formatDate(meeting.meetingDate)}`,
      {
        meeting,
        documents: await this.workflow.documentsOf(user, id),
        doc: documentForm({
          kind: DocumentKind.TEAM_MINUTES,
          sourceType: DocumentSourceType.TEAM_MEETING,
          sourceId: id,
          back: `/ballots/meetings/${id}`,
          signerName: user.fullName,
        }),
      },
    );
  }

  private async context(user: SessionUser, roundId?: string, teamId?: string) {
    const units: { id: string; name: string; kind: string }[] = await this.org.listUnits(user);
    const teams = units.filter((u) => u.kind === 'TEAM');
    const rounds = (await this.lookups.rounds()).filter((r) => r.status !== 'CLOSED');
    const round = rounds.find((r) => r.id === roundId) ?? rounds[0];
    const team = teams.find((t) => t.id === teamId) ?? teams[0];
    const list = async (stage: Stage) =>
      round && team
        ? (await this.lists.list(user, { stage, roundCode: round.code, teamId: team.id, pageSize: 500 })).items
        : [];
    return {
      rounds,
      teams,
      roundId: round?.id ?? '',
      teamId: team?.id ?? '',
      candidates: await list(Stage.TEAM_BALLOT),
      waiting: await list(Stage.APPLICATION),
      threshold: round ? await this.ballots.thresholdOf(round.id) : null,
    };
  }

  private render(
    request: WebRequest,
    context: Awaited<ReturnType<BallotsController['context']>>,
    values: BallotValues,
    errors: FieldError[],
    problem?: string,
  ): string {
    const messages = new Map<string, string>();
    for (const e of errors) if (!messages.has(e.path)) messages.set(e.path, clerkMessage(e, false));
    const byId = new Map(context.candidates.map((c) => [c.id, c]));
    return this.pages.render(request, 'ballots/form', 'Họp đội, bỏ phiếu kín', {
      rounds: context.rounds.map((r) => ({
        value: r.id,
        label: `${r.name} (${r.code})`,
        selected: r.id === context.roundId,
      })),
      teams: context.teams.map((t) => ({ value: t.id, label: t.name, selected: t.id === context.teamId })),
      waiting: context.waiting,
      threshold: context.threshold,
      values,
      counts: COUNT_FIELDS.map((f) => ({
        name: f,
        label: COUNT_LABELS[f],
        value: values.counts[f],
        error: messages.get(f),
      })),
      meetingDateError: messages.get('meetingDate'),
      meetingFields: meetingRecordFields(values.record, errors, (e) => clerkMessage(e, false), TEAM_MEETING_FIELDS),
      rows: values.rows.map((r, i) => ({
        ...r,
        index: i,
        candidate: byId.get(r.dossierId),
        errors: ['votesFor', 'votesAgainst', 'votesBlank', 'officerOpinion']
          .map((f) => messages.get(`candidates[${i}].${f}`))
          .filter(Boolean),
      })),
      problem,
      summary: [...messages.entries()].map(([path, message]) => ({ path, message })),
    });
  }
}

const COUNT_LABELS: Record<(typeof COUNT_FIELDS)[number], string> = {
  membersPresent: 'Số người dự họp',
  membersAbsent: 'Số người vắng mặt',
  ballotsIssued: 'Số phiếu phát ra',
  ballotsReturned: 'Số phiếu thu về',
  ballotsValid: 'Số phiếu hợp lệ',
  ballotsInvalid: 'Số phiếu không hợp lệ',
};
