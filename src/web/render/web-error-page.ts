import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { HtmlErrorPage } from '../../common/html-error-page.js';
import { ERROR_TITLES } from '../web-exception.filter.js';
import { PageService, type WebRequest } from './page.service.js';

// The error page of an address no page answers (or of a failure before a page's own filter): the site's layout,
// a Vietnamese title and message, a way back.
@Injectable()
export class WebErrorPage implements HtmlErrorPage {
  constructor(private readonly pages: PageService) {}

  render(request: Request, status: number, message: string): string {
    return this.pages.render(request as WebRequest, 'error', ERROR_TITLES[status] ?? 'Lỗi hệ thống', {
      status,
      message,
    });
  }
}
