import { Controller, Get, Header, Param, ParseUUIDPipe, Query, Req, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { DocumentsService } from '../../documents/documents.service.js';
import { WebCsrfGuard } from '../csrf.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A PDF being made: a progress bar that the small client script moves by asking the documents API.
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

  @Get('jobs/:id')
  @Header('content-type', 'text/html; charset=utf-8')
  async job(@Req() request: WebRequest, @CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Query('list') list?: string): Promise<string> {
    const job = await this.documents.job(user, id);
    return this.pages.render(request, 'documents/job', 'Lập văn bản PDF', { job, back: list && UUID.test(list) ? `/lists/${list}` : null });
  }
}
