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
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import {
  RecordCopyDto,
  RecordPostingDto,
  RecordPresentationDto,
} from '../../workflow/after-decision/after-decision.dto.js';
import { AfterDecisionService } from '../../workflow/after-decision/after-decision.service.js';
import { PresentationService } from '../../workflow/after-decision/presentation.service.js';
import { COPY_RECIPIENT_LABELS } from '../../workflow/core/after-decision.js';
import { WebCsrfGuard } from '../csrf.js';
import { parseDisplayDate } from '../render/format.js';
import { documentForm } from '../lists/document-jobs.controller.js';
import { DocumentKind } from '../../documents/view-models/common.js';
import { DocumentSourceType } from '../../documents/builders/snapshot-builder.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { WebLookupRepository } from '../web-lookup.repository.js';
import { answerForm } from '../render/form-answer.js';
import { CreateCertificateBatchDto } from '../../documents/certificate-batch/certificate-batch.dto.js';
import { CertificateBatchService } from '../../documents/certificate-batch/certificate-batch.service.js';

// The court president issues the certificates of the persons on suspension its court listed (Luật Đặc xá 2018,
// Điều 18, khoản 3), sends their copies and records their presentation, as a camp does for its own.
const ISSUING = [Role.WARDEN, Role.DEPARTMENT_OFFICER, Role.COURT_PRESIDENT];
const FOLLOWING = [...ISSUING, Role.MINISTRY_OFFICER, Role.COUNCIL_STANDING_OFFICER];

// After the President's decision (Luật Đặc xá 2018, Điều 18; Điều 20): the camp posts the decision, the issuing unit
// sends the certificate's copies and records the person's presentation; every level follows who has not presented.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Controller('certificates')
export class CertificatePagesController {
  constructor(
    private readonly pages: PageService,
    private readonly afterDecision: AfterDecisionService,
    private readonly presentation: PresentationService,
    private readonly lookup: WebLookupRepository,
    private readonly batches: CertificateBatchService,
  ) {}

  @Get()
  @Roles(...ISSUING)
  @Header('content-type', 'text/html; charset=utf-8')
  page(@Req() request: WebRequest, @CurrentUser() user: SessionUser): Promise<string> {
    return this.render(request, user);
  }

  @Post('postings')
  @Roles(Role.WARDEN)
  async post(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const dto = plainToInstance(RecordPostingDto, {
      decisionId: String(body.decisionId ?? ''),
      postedOn: parseDisplayDate(String(body.postedOn ?? '').trim()),
    });
    await this.answer(request, user, response, dto, () => this.afterDecision.recordPosting(user, dto), 'posted');
  }

  // Every released person of the facility in the round without a certificate gets one, each on a page of one document
  // (Luật Đặc xá 2018, Điều 18, khoản 3); the page then follows the document's rendering.
  @Post('batches')
  @Roles(...ISSUING)
  async batch(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const read = (key: string) => String(body[key] ?? '').trim();
    const dto = plainToInstance(CreateCertificateBatchDto, {
      roundId: read('roundId'),
      facilityId: read('facilityId'),
      symbol: read('symbol'),
      signer: { title: read('signerTitle'), name: read('signerName') },
    });
    let jobId = '';
    await answerForm({
      response,
      dto,
      act: async () => ({ jobId } = await this.batches.issue(user, dto)),
      redirectTo: () => `/documents/jobs/${jobId}?back=${encodeURIComponent('/certificates')}`,
      rerender: (problem) => this.render(request, user, problem),
    });
  }

  @Post(':id/copies')
  @Roles(...ISSUING)
  async copy(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const dto = plainToInstance(RecordCopyDto, {
      recipient: String(body.recipient ?? ''),
      addressee: String(body.addressee ?? '').trim(),
      sentOn: parseDisplayDate(String(body.sentOn ?? '').trim()),
    });
    await this.answer(request, user, response, dto, () => this.afterDecision.recordCopy(user, id, dto), 'copySent');
  }

  @Post(':id/presentation')
  @Roles(...ISSUING)
  async present(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const dto = plainToInstance(RecordPresentationDto, {
      presentedOn: parseDisplayDate(String(body.presentedOn ?? '').trim()),
      presentedTo: String(body.presentedTo ?? '').trim(),
      version: Number(body.version),
      dossierVersion: Number(body.dossierVersion),
    });
    await this.answer(
      request,
      user,
      response,
      dto,
      () => this.presentation.recordPresentation(user, id, dto),
      'presented',
    );
  }

  // Who has not presented the certificate yet, per round.
  @Get('presentations')
  @Roles(...FOLLOWING)
  @Header('content-type', 'text/html; charset=utf-8')
  async presentations(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Query('roundId') roundId?: string,
  ): Promise<string> {
    const rounds = await this.lookup.rounds();
    const chosen = rounds.find((r) => r.id === roundId) ?? rounds[0];
    const summary = chosen ? await this.afterDecision.presentationSummary(user, chosen.id) : null;
    return this.pages.render(request, 'after-decision/presentations', 'Xuất trình Giấy chứng nhận đặc xá', {
      rounds: rounds.map((r) => ({ ...r, selected: r.id === chosen?.id })),
      summary,
      // The day each camp in scope posted the President's decision (Luật Đặc xá 2018, Điều 18, khoản 1).
      postings: chosen ? await this.afterDecision.postings(user, chosen.id) : [],
    });
  }

  private answer(
    request: WebRequest,
    user: SessionUser,
    response: Response,
    dto: object,
    act: () => Promise<unknown>,
    code: string,
  ): Promise<void> {
    return answerForm({
      response,
      dto,
      act,
      redirectTo: () => `/certificates?msg=${code}`,
      rerender: (problem) => this.render(request, user, problem),
    });
  }

  private async render(request: WebRequest, user: SessionUser, problem?: string): Promise<string> {
    const certificates = await this.afterDecision.certificates(user);
    const postings = await this.afterDecision.postings(user, null);
    // The head the law names signs the batch as each certificate (the issuer of the facility's certificates).
    const titles = new Map(certificates.map((c) => [c.facilityId, c.issuer?.title ?? '']));
    const batches = (await this.batches.pending(user)).map((b) => ({
      ...b,
      signerTitle: titles.get(b.facilityId) ?? '',
    }));
    return this.pages.render(request, 'after-decision/certificates', 'Thực hiện Quyết định đặc xá', {
      problem,
      canPost: user.role === Role.WARDEN,
      // A court posts no decision in a camp (Điều 18, khoản 1 is the camp's); it releases from its own page.
      court: user.role === Role.COURT_PRESIDENT,
      postings,
      batches,
      signerName: user.fullName,
      recipients: Object.entries(COPY_RECIPIENT_LABELS).map(([value, label]) => ({ value, label })),
      certificates: certificates.map((c) => ({
        ...c,
        doc: {
          ...documentForm({
            kind: DocumentKind.CERTIFICATE,
            sourceType: DocumentSourceType.CERTIFICATE,
            sourceId: c.id,
            back: '/certificates',
            idPrefix: `certificate-${c.id}-`,
            signerName: user.fullName,
          }),
          // The registry number is the unit's to give (the certificate's own number, decision/position, is not in the
          // "05/GCN-TG" form a document number takes); the signer is the head the law names.
          signerTitle: c.issuer?.title ?? '',
        },
      })),
    });
  }
}
