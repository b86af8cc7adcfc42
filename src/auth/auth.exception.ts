import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/app.exception.js';
import { errorStatuses } from '../common/error-codes.js';

export enum AuthErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  // The attempt was not checked at all: the account or the address is locked out, or a delay is still running.
  LOGIN_LOCKED = 'LOGIN_LOCKED',
  LOGIN_DELAYED = 'LOGIN_DELAYED',
}

const statusOf = errorStatuses<AuthErrorCode>('auth', {
  [AuthErrorCode.INVALID_CREDENTIALS]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.LOGIN_LOCKED]: HttpStatus.TOO_MANY_REQUESTS,
  [AuthErrorCode.LOGIN_DELAYED]: HttpStatus.TOO_MANY_REQUESTS,
});

export class AuthException extends AppException {
  constructor(message: string, code: AuthErrorCode) {
    super(code, message, statusOf(code));
  }
}
