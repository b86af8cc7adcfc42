import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/app.exception.js';
import { errorStatuses } from '../common/error-codes.js';

export enum RoundErrorCode {
  DUPLICATE_CODE = 'ROUND_DUPLICATE_CODE',
}

const statusOf = errorStatuses<RoundErrorCode>('rounds', {
  [RoundErrorCode.DUPLICATE_CODE]: HttpStatus.CONFLICT,
});

export class RoundException extends AppException {
  constructor(message: string, code: RoundErrorCode) {
    super(code, message, statusOf(code));
  }
}
