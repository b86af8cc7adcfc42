import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/app.exception.js';
import { errorStatuses } from '../common/error-codes.js';

export enum OrgErrorCode {
  DUPLICATE_USERNAME = 'ORG_DUPLICATE_USERNAME',
}

const statusOf = errorStatuses<OrgErrorCode>('organisation', {
  [OrgErrorCode.DUPLICATE_USERNAME]: HttpStatus.CONFLICT,
});

export class OrgException extends AppException {
  constructor(message: string, code: OrgErrorCode) {
    super(code, message, statusOf(code));
  }
}
