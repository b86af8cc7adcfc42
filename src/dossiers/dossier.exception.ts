import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/app.exception.js';
import { errorStatuses } from '../common/error-codes.js';

export enum DossierErrorCode {
  FROZEN = 'DOSSIER_FROZEN',
}

const statusOf = errorStatuses<DossierErrorCode>('dossiers', {
  [DossierErrorCode.FROZEN]: HttpStatus.CONFLICT,
});

export class DossierException extends AppException {
  constructor(message: string, code: DossierErrorCode) {
    super(code, message, statusOf(code));
  }
}
