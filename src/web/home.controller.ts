import { Controller, Get, Header, Req, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { SessionUser } from '../auth/session-user.js';
import { WebCsrfGuard } from './csrf.js';
import { WorkQueueView } from './home/work-queue.view.js';
import { PageService, type WebRequest } from './render/page.service.js';
import { WebExceptionFilter } from './web-exception.filter.js';

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Controller()
export class HomeController {
  constructor(
    private readonly pages: PageService,
    private readonly queue: WorkQueueView,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async home(@Req() request: WebRequest, @CurrentUser() user: SessionUser): Promise<string> {
    const queue = await this.queue.forUser(user);
    return this.pages.render(request, 'home', queue ? 'Việc cần làm' : 'Tổng quan', { queue });
  }
}
