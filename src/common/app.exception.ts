import type { HttpStatus } from '@nestjs/common';
import { CommonErrorCode, commonErrorStatus } from './error-codes.js';

export interface FieldError {
  // Path into the request body, e.g. 'judgments[0].offences[1].article' or 'records[3].person.fullName'.
  path: string;
  code: string;
  message: string;
}

// The one base for every domain error: a stable code for programs, a Vietnamese message for people,
// and the HTTP status it maps to. Features subclass it with their own codes and their errorStatuses() map.
export class AppException extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: HttpStatus,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

// An error any feature can answer (CommonErrorCode), at the status the common map gives it.
export class CommonException extends AppException {
  constructor(code: CommonErrorCode, message: string, errors: FieldError[] = []) {
    super(code, message, commonErrorStatus(code), errors);
  }
}

export class ValidationFailedException extends CommonException {
  constructor(errors: FieldError[], message = 'Dữ liệu không hợp lệ: xem danh sách lỗi theo từng trường.') {
    super(CommonErrorCode.VALIDATION_FAILED, message, errors);
  }
}

export class NotFoundException extends CommonException {
  constructor(what: string) {
    super(CommonErrorCode.NOT_FOUND, `Không tìm thấy ${what}.`);
  }
}

export class StaleWriteException extends CommonException {
  constructor(what: string, expected: number, actual?: number, errors: FieldError[] = []) {
    super(
      CommonErrorCode.STALE_VERSION,
      `${what} đã được người khác thay đổi (phiên bản bạn đọc: ${expected}${actual ? `, hiện tại: ${actual}` : ''}). ` +
        'Hãy tải lại dữ liệu mới nhất rồi thực hiện lại.',
      errors,
    );
  }
}

export class ForbiddenException extends CommonException {
  constructor(
    message = 'Bạn không có quyền thực hiện thao tác này.',
    code: CommonErrorCode.FORBIDDEN | CommonErrorCode.CSRF = CommonErrorCode.FORBIDDEN,
  ) {
    super(code, message);
  }
}

export class UnauthorizedException extends CommonException {
  constructor(message = 'Bạn cần đăng nhập để tiếp tục.') {
    super(CommonErrorCode.UNAUTHENTICATED, message);
  }
}
