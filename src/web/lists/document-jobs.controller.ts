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
import { formRecipients, KINDS_WITH_RECIPIENTS } from '../../documents/kinds/form-recipients.js';
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
  // dd/mm/yyyy as typed, or YYYY-MM-DD from a date input; empty: the builder's date (the record's, else today).
  date: string;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
  // "Nơi nhận", one entry a line; only for the kinds that print it.
  recipients: string;
  showRecipients: boolean;
  // Prefixes the form's element ids where a page holds several document forms; empty where it holds one.
  idPrefix: string;
}

// The form's first state for a document of `kind` about a source: the recipients the kind sends to pre-filled, those
// the law names from the source when the page has them (DocumentsService.formRecipients), else the kind's own lines.
export function documentForm(input: {
  kind: DocumentKind;
  sourceType: string;
  sourceId: string;
  back: string;
  signerName?: string;
  recipients?: string[];
  idPrefix?: string;
}): DocumentFormValues {
  const { recipients, idPrefix, ...source } = input;
  return {
    ...source,
    idPrefix: idPrefix ?? '',
    number: '',
    date: '',
    signerAuthority: '',
    signerTitle: '',
    signerName: input.signerName ?? '',
    recipients: (recipients ?? formRecipients(input.kind)).join('\n'),
    showRecipients: KINDS_WITH_RECIPIENTS.has(input.kind),
  };
}

// dd/mm/yyyy (what a clerk types) or YYYY-MM-DD (a date input) to the API's YYYY-MM-DD; anything else is passed on
// for the DTO to refuse with its message.
function isoDate(typed: string): string | undefined {
  if (!typed) return undefined;
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(typed);
  return vn ? `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}` : typed;
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
    const kind = read('kind');
    const values: DocumentFormValues = {
      kind,
      sourceType: read('sourceType'),
      sourceId: read('sourceId'),
      back: safeNext(read('back')),
      number: read('number'),
      date: read('date'),
      signerAuthority: read('signerAuthority'),
      signerTitle: read('signerTitle'),
      signerName: read('signerName'),
      recipients: read('recipients'),
      showRecipients: KINDS_WITH_RECIPIENTS.has(kind as DocumentKind),
      // The request page holds this one form.
      idPrefix: '',
    };
    const recipients = values.recipients
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    const dto = plainToInstance(CreateDocumentDto, {
      kind: values.kind,
      sourceType: values.sourceType,
      sourceId: values.sourceId,
      number: values.number,
      date: isoDate(values.date),
      signer: {
        authority: values.signerAuthority || undefined,
        title: values.signerTitle,
        name: values.signerName,
      },
      recipients: values.showRecipients ? recipients : undefined,
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
        errors: {
          number: messages.number,
          date: messages.date,
          signerAuthority: messages['signer.authority'],
          signerTitle: messages['signer.title'],
          signerName: messages['signer.name'],
          recipients: Object.entries(messages).find(([path]) => path.startsWith('recipients'))?.[1],
        },
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
