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
import { DocumentSourceType } from '../../documents/builders/snapshot-builder.js';
import { DocumentKind } from '../../documents/view-models/common.js';
import { ReleaseDto, ReleasesDto } from '../../workflow/decisions/decision.dto.js';
import { PresidentDecisionService } from '../../workflow/decisions/president-decision.service.js';
import { ReleaseBatchService } from '../../workflow/decisions/release-batch.service.js';
import { WebCsrfGuard } from '../csrf.js';
import { parseDisplayDate } from '../render/format.js';
import { answerForm, answerRowForm } from '../render/form-answer.js';
import { documentForm } from '../lists/document-jobs.controller.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WorkflowLookupRepository } from '../workflow-lookup.repository.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

// A release that could not be recorded: its row keeps the typed day and says why.
interface ReleaseProblem {
  certificateId: string;
  releasedOn: string;
  presentationUnitId: string;
  message: string;
}

interface CertificateRow {
  id: string;
  dossierId: string;
  number: string;
  releasedOn: string | null;
  version: number;
  fullName: string;
  dossierVersion: number;
}

// How the page speaks of the person. A camp releases a prisoner; a person on suspension (tạm đình chỉ or hoãn chấp
// hành án phạt tù) is not in prison and is not "released": the court president issues the certificate, and the day
// recorded is the day the certificate is issued (Luật Đặc xá 2018, Điều 18, khoản 3). The court president's page
// lists only the court's persons and the warden's only the camp's (the certificates' scope), so the role decides.
const WORDING = {
  camp: {
    title: 'Tha tù, cấp Giấy chứng nhận đặc xá',
    intro:
      'Người có tên trong Quyết định đặc xá của Chủ tịch nước được tha tù và cấp Giấy chứng nhận đặc xá (Luật Đặc xá 2018, Điều 18, khoản 3).',
    waiting: 'Chờ tha tù',
    action: 'Ghi nhận tha tù',
    date: 'Ngày tha tù',
    noneWaiting: 'Không có người nào chờ tha tù.',
    done: 'Đã tha tù',
    doneOn: 'tha tù ngày',
    noneDone: 'Chưa có người nào được tha tù.',
    flash: 'released',
  },
  court: {
    title: 'Cấp Giấy chứng nhận đặc xá',
    intro:
      'Người đang được tạm đình chỉ hoặc hoãn chấp hành án phạt tù có tên trong Quyết định đặc xá của Chủ tịch nước được Chánh án Tòa án cấp Giấy chứng nhận đặc xá (Luật Đặc xá 2018, Điều 18, khoản 3).',
    waiting: 'Chờ cấp Giấy chứng nhận đặc xá',
    action: 'Ghi nhận cấp giấy chứng nhận',
    date: 'Ngày cấp Giấy chứng nhận đặc xá',
    noneWaiting: 'Không có người nào chờ cấp Giấy chứng nhận đặc xá.',
    done: 'Đã cấp Giấy chứng nhận đặc xá',
    doneOn: 'cấp ngày',
    noneDone: 'Chưa cấp Giấy chứng nhận đặc xá cho người nào.',
    flash: 'certificateIssued',
  },
} as const;

const wordingFor = (user: SessionUser) => (user.role === Role.COURT_PRESIDENT ? WORDING.court : WORDING.camp);

// The camp's last step (Luật Đặc xá 2018, Điều 18, khoản 3): each person the President granted amnesty is released on
// a recorded day, and the certificate is printed from that record.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
// The camp head releases from the camp; the court president "releases" (issues the certificate to) a person on
// suspension its court listed (Luật Đặc xá 2018, Điều 18, khoản 3, đoạn 4).
@Roles(Role.WARDEN, Role.COURT_PRESIDENT)
@Controller('releases')
export class ReleasePagesController {
  constructor(
    private readonly pages: PageService,
    private readonly president: PresidentDecisionService,
    private readonly releases: ReleaseBatchService,
    private readonly workflow: WorkflowLookupRepository,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  index(@Req() request: WebRequest, @CurrentUser() user: SessionUser): Promise<string> {
    return this.render(request, user);
  }

  @Post(':id/release')
  async release(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const typed = String(body.releasedOn ?? '').trim();
    const unit = String(body.presentationUnitId ?? '').trim();
    const dto = plainToInstance(ReleaseDto, {
      releasedOn: parseDisplayDate(typed),
      presentationUnitId: unit || undefined,
      version: Number(body.version) || 0,
      dossierVersion: Number(body.dossierVersion) || 0,
    });
    const words = wordingFor(user);
    await answerRowForm({
      response,
      dto,
      dateField: 'releasedOn',
      dateMessage: `${words.date} phải là một ngày có thật, dạng dd/mm/yyyy.`,
      act: () => this.president.release(user, id, dto),
      redirectTo: `/releases?msg=${words.flash}#c-${id}`,
      rerender: (message) =>
        this.render(request, user, { certificateId: id, releasedOn: typed, presentationUnitId: unit, message }),
    });
  }

  // Everyone waiting, released on one day in one command; a refusal comes back above the table with the typed day.
  @Post('all')
  async releaseAll(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const typed = String(body.releasedOn ?? '').trim();
    const rows = Object.values((body.rows ?? {}) as Record<string, { dossierId?: unknown; version?: unknown }>);
    const dto = plainToInstance(ReleasesDto, {
      releasedOn: parseDisplayDate(typed),
      releases: rows.map((r) => ({ dossierId: String(r.dossierId ?? ''), version: Number(r.version) || 0 })),
    });
    const words = wordingFor(user);
    await answerForm({
      response,
      dto,
      act: () => this.releases.release(user, dto),
      redirectTo: `/releases?msg=${words.flash}`,
      rerender: (message) => this.render(request, user, undefined, { releasedOn: typed, message }),
    });
  }

  private async render(
    request: WebRequest,
    user: SessionUser,
    problem?: ReleaseProblem,
    allProblem?: { releasedOn: string; message: string },
  ): Promise<string> {
    const rows = (await this.president.certificates(user)) as CertificateRow[];
    // The communes and military units with an account: the certificate may name one for the presentation (Luật Đặc xá
    // 2018, Điều 20, khoản 2, điểm a); left empty, the camp or court records the presentation itself.
    const units = await this.president.presentationUnits(user);
    const certificates = await Promise.all(
      rows.map(async (c) => ({
        ...c,
        problem: problem?.certificateId === c.id ? problem.message : null,
        typed: problem?.certificateId === c.id ? problem.releasedOn : '',
        units: units.map((u) => ({
          ...u,
          selected: problem?.certificateId === c.id && problem.presentationUnitId === u.id,
        })),
        documents: c.releasedOn ? await this.workflow.documentsOf(user, c.id) : [],
        doc: documentForm({
          kind: DocumentKind.CERTIFICATE,
          sourceType: DocumentSourceType.CERTIFICATE,
          sourceId: c.id,
          back: '/releases',
          signerName: user.fullName,
          idPrefix: `c-${c.id}-`,
        }),
      })),
    );
    const words = wordingFor(user);
    return this.pages.render(request, 'releases/index', words.title, {
      words,
      waiting: certificates.filter((c) => !c.releasedOn),
      all: allProblem ?? { releasedOn: '', message: null },
      released: certificates.filter((c) => c.releasedOn),
      doc: { back: '/releases' },
    });
  }
}
