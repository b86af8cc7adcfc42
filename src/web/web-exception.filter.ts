import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { AppException } from '../common/app.exception.js';
import { fromDatabaseError } from '../common/database-errors.js';
import { currentRequestId } from '../common/request-context.js';
import { PageService, type WebRequest } from './render/page.service.js';

export const ERROR_TITLES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  403: 'Không có quyền truy cập',
  404: 'Không tìm thấy',
  409: 'Dữ liệu đã thay đổi',
  413: 'Dữ liệu quá lớn',
  422: 'Chưa thực hiện được',
  429: 'Quá nhiều yêu cầu',
};

// Pages answer errors with a page, not JSON: the same Vietnamese message the API gives, inside the layout, with a
// way back. A lost session goes to the login page and returns afterwards.
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebErrors');

  constructor(private readonly pages: PageService) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    const exception = fromDatabaseError(thrown) ?? thrown;
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<WebRequest>();
    const response = ctx.getResponse<Response>();
    if (response.headersSent) return;
    let status = 500;
    let message: string;
    if (exception instanceof AppException) {
      status = exception.status;
      message = exception.message;
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      message =
        status === 404
          ? 'Không tìm thấy trang hoặc dữ liệu được yêu cầu.'
          : /uuid is expected/i.test(exception.message)
            ? 'Đường dẫn có mã định danh không hợp lệ (cần dạng UUID).'
            : exception.message;
    } else {
      // The id the access log and the X-Request-Id header carry, so the clerk's number finds the log lines.
      const requestId = currentRequestId() ?? randomUUID();
      this.logger.error(
        `${request.method} ${request.url} failed [${requestId}]`,
        (exception as Error)?.stack ?? String(exception),
      );
      message = `Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên mã yêu cầu ${requestId}.`;
    }
    if (status === 401) {
      response.redirect(303, `/login?next=${encodeURIComponent(request.originalUrl)}`);
      return;
    }
    const html = this.pages.render(request, 'error', ERROR_TITLES[status] ?? 'Lỗi hệ thống', { status, message });
    response.status(status).type('html').send(html);
  }
}
