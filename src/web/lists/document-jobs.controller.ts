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
import { CreateDocumentDto } from '../../documents/documents.dto.js';
import { DocumentsService } from '../../documents/documents.service.js';
import { DocumentKind } from '../../documents/view-models/common.js';
import { WebCsrfGuard } from '../csrf.js';
import { DOCUMENT_TITLES } from '../render/document-titles.js';
import { safeNext } from '../login.controller.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

export interface DocumentFormValues {
  kind: string;
  sourceType: string;
  sourceId: string;
  back: string;
  number: string;
  signerTitle: string;
  signerName: string;
}

// A PDF is requested from any page that shows its source (a list, a meeting); the request is judged by the documents
// API's own DTO, then a progress bar follows the job until the file can be downloaded.
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Roles(...Object.values(Role).filter((r) => r !== Role.ADMIN))
@Controller('documents')
export class DocumentJobsController {
  constructor(
    private readonly pages: PageService,
    private readonly documents: DocumentsService,
  ) {}

  @Post()
  async request(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const read = (key: string) => String(body[key] ?? '').trim();
    const values: DocumentFormValues = {
      kind: read('kind'),
      sourceType: read('sourceType'),
      sourceId: read('sourceId'),
      back: safeNext(read('back')),
      number: read('number'),
      signerTitle: read('signerTitle'),
      signerName: read('signerName'),
    };
    const dto = plainToInstance(CreateDocumentDto, {
      kind: values.kind,
      sourceType: values.sourceType,
      sourceId: values.sourceId,
      number: values.number,
      signer: { title: values.signerTitle, name: values.signerName },
    });
    const errors = toFieldErrors(await validate(dto));
    let problem: string | undefined;
    if (errors.length === 0) {
      try {
        const job = await this.documents.request(user, dto);
        response.redirect(303, `/documents/jobs/${job.jobId}?back=${encodeURIComponent(values.back)}`);
        return;
      } catch (error) {
        if (!(error instanceof AppException) || error.status >= 500) throw error;
        problem = error.message;
      }
    }
    const messages: Record<string, string> = {};
    for (const e of errors) messages[e.path] ??= e.message.replace(/^Trường "[^"]*"\s*/, '');
    const html = this.pages.render(
      request,
      'documents/request',
      `Lập ${(DOCUMENT_TITLES[values.kind as DocumentKind] ?? 'văn bản').toLowerCase()}`,
      {
        doc: values,
        errors: { number: messages.number, signerTitle: messages['signer.title'], signerName: messages['signer.name'] },
        problem,
      },
    );
    response.status(400).type('html').send(html);
  }

  @Get('jobs/:id')
  @Header('content-type', 'text/html; charset=utf-8')
  async job(
    @Req() request: WebRequest,
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('back') back?: string,
  ): Promise<string> {
    const job = await this.documents.job(user, id);
    const target = safeNext(back);
    return this.pages.render(request, 'documents/job', 'Lập văn bản PDF', {
      job,
      back: target === '/' ? null : target,
    });
  }
}
