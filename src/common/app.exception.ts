import { HttpStatus } from '@nestjs/common';

export interface FieldError {
  // Path into the request body, e.g. 'judgments[0].offences[1].article' or 'records[3].person.fullName'.
  path: string;
  code: string;
  message: string;
}

// The one base for every domain error: a stable code for programs, a Vietnamese message for people,
// and the HTTP status it maps to. Features subclass it with their own codes.
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

export class ValidationFailedException extends AppException {
  constructor(errors: FieldError[], message = 'Dữ liệu không hợp lệ: xem danh sách lỗi theo từng trường.') {
    super('VALIDATION_FAILED', message, HttpStatus.BAD_REQUEST, errors);
  }
}

export class NotFoundException extends AppException {
  constructor(what: string) {
    super('NOT_FOUND', `Không tìm thấy ${what}.`, HttpStatus.NOT_FOUND);
  }
}

export class StaleWriteException extends AppException {
  constructor(what: string, expected: number, actual?: number) {
    super(
      'STALE_VERSION',
      `${what} đã được người khác thay đổi (phiên bản bạn đọc: ${expected}${actual ? `, hiện tại: ${actual}` : ''}). ` +
        'Hãy tải lại dữ liệu mới nhất rồi thực hiện lại.',
      HttpStatus.CONFLICT,
    );
  }
}

export class ConflictException extends AppException {
  constructor(code: string, message: string) {
    super(code, message, HttpStatus.CONFLICT);
  }
}

export class ForbiddenException extends AppException {
  constructor(message = 'Bạn không có quyền thực hiện thao tác này.', code = 'FORBIDDEN') {
    super(code, message, HttpStatus.FORBIDDEN);
  }
}

export class UnauthorizedException extends AppException {
  constructor(message = 'Bạn cần đăng nhập để tiếp tục.') {
    super('UNAUTHENTICATED', message, HttpStatus.UNAUTHORIZED);
  }
}
