import bodyParser from 'body-parser';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppException, CommonException, ValidationFailedException } from './app.exception.js';
import { CommonErrorCode } from './error-codes.js';
import { parseFormBody } from './form-body.js';
import { findUnsafeText } from './unsafe-text.js';

// Each route gets the body its purpose needs and no more: the unauthenticated login a few kilobytes, one dossier a
// megabyte, a batch import its 5,000 records (≈ 6 KB each). Everything else fits in the default.
export const BODY_LIMITS: { pattern: RegExp; limit: string }[] = [
  { pattern: /^\/(api\/auth\/)?login\/?$/, limit: '4kb' },
  { pattern: /^\/api\/dossiers:batch\/?$/, limit: '32mb' },
];
export const DEFAULT_BODY_LIMIT = '1mb';
// The exchange format nests six levels; 32 leaves room and stops bodies crafted to exhaust the stack.
export const MAX_JSON_DEPTH = 32;
// A form with a row per candidate of a large camp list stays far below this.
const MAX_FORM_PARAMETERS = 20_000;

function limitFor(path: string): string {
  return BODY_LIMITS.find((entry) => entry.pattern.test(path))?.limit ?? DEFAULT_BODY_LIMIT;
}

// Counts brackets outside strings on the raw bytes, before JSON.parse builds anything.
export function jsonDepthExceeds(buffer: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < buffer.length; i++) {
    const c = buffer[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 0x5c) escaped = true;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

function tooDeep(): AppException {
  return new CommonException(
    CommonErrorCode.BODY_TOO_DEEP,
    `Dữ liệu gửi lên lồng nhau quá ${MAX_JSON_DEPTH} cấp; định dạng hồ sơ không cần sâu như vậy.`,
  );
}

// body-parser's errors carry a `type`; each becomes a Vietnamese answer instead of reaching the generic 500 path.
function fromParserError(error: { type?: string; limit?: number }): unknown {
  // http-errors stamped a `statusCode` on our own error, which would make Nest rewrap it as a bare HttpException.
  if (error instanceof AppException) return new AppException(error.code, error.message, error.status, error.errors);
  switch (error.type) {
    case 'entity.too.large':
      return new CommonException(
        CommonErrorCode.PAYLOAD_TOO_LARGE,
        `Dữ liệu gửi lên quá lớn: địa chỉ này nhận tối đa ${Math.round((error.limit ?? 0) / 1024)} KB.`,
      );
    case 'entity.parse.failed':
      return new CommonException(
        CommonErrorCode.MALFORMED_JSON,
        'Nội dung gửi lên không phải JSON hợp lệ; hãy kiểm tra dấu ngoặc, dấu phẩy và dấu nháy.',
      );
    case 'parameters.too.many':
      return new CommonException(CommonErrorCode.PAYLOAD_TOO_LARGE, 'Biểu mẫu gửi lên có quá nhiều trường.');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new CommonException(
        CommonErrorCode.UNSUPPORTED_ENCODING,
        'Bảng mã của dữ liệu gửi lên không được hỗ trợ; hãy dùng UTF-8.',
      );
    default:
      return new CommonException(
        CommonErrorCode.BAD_BODY,
        'Không đọc được dữ liệu gửi lên (bị ngắt giữa chừng hoặc sai độ dài); hãy gửi lại.',
      );
  }
}

function translated(parser: RequestHandler): RequestHandler {
  return (request, response, next) =>
    parser(request, response, (error?: unknown) => (error ? next(fromParserError(error as object)) : next()));
}

function byRoute(make: (limit: string) => RequestHandler): RequestHandler {
  const parsers = new Map<string, RequestHandler>();
  return (request, response, next) => {
    const limit = limitFor(request.path);
    let parser = parsers.get(limit);
    if (!parser) parsers.set(limit, (parser = translated(make(limit))));
    parser(request, response, next);
  };
}

export const jsonBody = byRoute((limit) =>
  bodyParser.json({
    limit,
    verify: (_request, _response, buffer) => {
      if (jsonDepthExceeds(buffer, MAX_JSON_DEPTH)) throw tooDeep();
    },
  }),
);

// Web forms are read as flat text pairs and nested by our own reader, which refuses keys such as
// `field[toString]` or `__proto__` instead of handing pages an object where they expect text.
export const formBody = byRoute((limit) => {
  const text = bodyParser.text({ type: 'application/x-www-form-urlencoded', limit });
  return (request: Request, response: Response, next: NextFunction) =>
    text(request, response, (error?: unknown) => {
      if (error) return next(error);
      if (typeof request.body !== 'string') return next();
      try {
        request.body = parseFormBody(request.body, MAX_FORM_PARAMETERS);
        next();
      } catch (parseError) {
        next(parseError);
      }
    });
});

function decodedPathSegments(path: string): string[] | null {
  try {
    return path.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

// NUL bytes and lone UTF-16 surrogates cannot be stored in PostgreSQL text nor printed in a PDF: they are refused at
// the edge, in the path, the query and the body alike, naming where they were found.
export function refuseUnsafeText(request: Request, _response: Response, next: NextFunction): void {
  const segments = decodedPathSegments(request.path);
  if (!segments || segments.some((s) => findUnsafeText(s, '', 'path'))) {
    return next(
      new CommonException(
        CommonErrorCode.INVALID_PATH,
        'Đường dẫn chứa ký tự không hợp lệ (mã hóa sai, ký tự NUL hoặc ký tự Unicode không trọn vẹn).',
      ),
    );
  }
  const problem =
    findUnsafeText(request.query as unknown, '', 'query') ?? findUnsafeText(request.body as unknown, '', 'body');
  if (problem) return next(new ValidationFailedException([problem]));
  next();
}
