import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject, Logger, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { AppException } from './app.exception.js';
import { CommonErrorCode } from './error-codes.js';
import { currentRequestId } from './request-context.js';
import { fromDatabaseError } from './database-errors.js';
import { HTML_ERROR_PAGE, type HtmlErrorPage } from './html-error-page.js';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: { path: string; code: string; message: string }[];
  requestId?: string;
}

// One filter for the whole service: domain errors keep their code and field list; framework errors keep their
// status; anything unexpected is logged with a request id and shown without internals.
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(@Optional() @Inject(HTML_ERROR_PAGE) private readonly htmlPage?: HtmlErrorPage) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request>();
    const body = this.toBody(fromDatabaseError(exception) ?? exception, request);
    if (response.headersSent) return;
    const wantsHtml = request.accepts(['json', 'html']) === 'html' && !request.path.startsWith('/api');
    if (wantsHtml && body.statusCode === 401) {
      response.redirect(303, `/login?next=${encodeURIComponent(request.originalUrl)}`);
      return;
    }
    if (wantsHtml && this.htmlPage) {
      const message = [body.message, ...(body.errors ?? []).map((e) => e.message)].join(' ');
      response
        .status(body.statusCode)
        .type('html')
        .send(this.htmlPage.render(request, body.statusCode, message));
      return;
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request): ErrorBody {
    if (exception instanceof AppException) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        ...(exception.errors.length ? { errors: exception.errors } : {}),
      };
    }
    if (isPayloadTooLarge(exception)) {
      return { statusCode: 413, code: CommonErrorCode.PAYLOAD_TOO_LARGE, message: 'Dữ liệu gửi lên quá lớn.' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const message =
        typeof res === 'string' ? res : String((res as { message?: unknown }).message ?? exception.message);
      if (status === 400 && (exception.cause instanceof SyntaxError || /JSON/.test(message))) {
        return {
          statusCode: 400,
          code: CommonErrorCode.MALFORMED_JSON,
          message: 'Nội dung gửi lên không phải JSON hợp lệ; hãy kiểm tra dấu ngoặc, dấu phẩy và dấu nháy.',
        };
      }
      if (status === 400 && /uuid is expected/i.test(message)) {
        return {
          statusCode: 400,
          code: CommonErrorCode.INVALID_PATH_PARAMETER,
          message:
            'Đường dẫn có mã định danh không hợp lệ (cần dạng UUID, ví dụ 7e29dfd7-8157-4183-8209-6013cbb8d568).',
        };
      }
      if (status === 400 && /numeric string is expected/i.test(message)) {
        return {
          statusCode: 400,
          code: CommonErrorCode.INVALID_PATH_PARAMETER,
          message: 'Đường dẫn có tham số phải là số.',
        };
      }
      return { statusCode: status, code: httpCode(status), message: vietnameseHttpMessage(status, message) };
    }
    const requestId = currentRequestId() ?? randomUUID();
    this.logger.error(
      `${request.method} ${request.url} failed [${requestId}]`,
      (exception as Error)?.stack ?? String(exception),
    );
    return {
      statusCode: 500,
      code: CommonErrorCode.INTERNAL_ERROR,
      message: `Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên mã yêu cầu ${requestId}.`,
      requestId,
    };
  }
}

function isPayloadTooLarge(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { type?: unknown }).type === 'entity.too.large';
}

function httpCode(status: number): string {
  switch (status) {
    case 400:
      return CommonErrorCode.BAD_REQUEST;
    case 401:
      return CommonErrorCode.UNAUTHENTICATED;
    case 403:
      return CommonErrorCode.FORBIDDEN;
    case 404:
      return CommonErrorCode.NOT_FOUND;
    case 409:
      return CommonErrorCode.CONFLICT;
    case 413:
      return CommonErrorCode.PAYLOAD_TOO_LARGE;
    case 429:
      return CommonErrorCode.TOO_MANY_REQUESTS;
    default:
      return `HTTP_${status}`;
  }
}

function vietnameseHttpMessage(status: number, original: string): string {
  switch (status) {
    case 404:
      return 'Không tìm thấy địa chỉ hoặc dữ liệu được yêu cầu.';
    case 413:
      return 'Dữ liệu gửi lên quá lớn.';
    case 429:
      return 'Bạn đã gửi quá nhiều yêu cầu; hãy chờ một lát rồi thử lại.';
    case 400:
      return `Yêu cầu không hợp lệ: ${original}`;
    default:
      return original;
  }
}
