import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/app.exception.js';
import { errorStatuses } from '../common/error-codes.js';

export enum AuthErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
}

const statusOf = errorStatuses<AuthErrorCode>('auth', {
  [AuthErrorCode.INVALID_CREDENTIALS]: HttpStatus.UNAUTHORIZED,
});

export class AuthException extends AppException {
  constructor(message: string, code: AuthErrorCode) {
    super(code, message, statusOf(code));
  }
}
