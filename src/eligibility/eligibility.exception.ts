import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/app.exception.js';
import { errorStatuses } from '../common/error-codes.js';

export enum EligibilityErrorCode {
  NOT_EVALUATED = 'NOT_EVALUATED',
  // Stored on a failed screening (GET /api/screenings/{id} shows them), never answered to the request that queued it.
  SCREENING_ROUND_GONE = 'SCREENING_ROUND_GONE',
  SCREENING_ROUND_NOT_EVALUABLE = 'SCREENING_ROUND_NOT_EVALUABLE',
  SCREENING_FAILED = 'SCREENING_FAILED',
  SCREENING_WORKER_STOPPED = 'SCREENING_WORKER_STOPPED',
}

const statusOf = errorStatuses<EligibilityErrorCode>('eligibility', {
  [EligibilityErrorCode.NOT_EVALUATED]: HttpStatus.NOT_FOUND,
  [EligibilityErrorCode.SCREENING_ROUND_GONE]: HttpStatus.NOT_FOUND,
  [EligibilityErrorCode.SCREENING_ROUND_NOT_EVALUABLE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [EligibilityErrorCode.SCREENING_FAILED]: HttpStatus.INTERNAL_SERVER_ERROR,
  [EligibilityErrorCode.SCREENING_WORKER_STOPPED]: HttpStatus.INTERNAL_SERVER_ERROR,
});

export class EligibilityException extends AppException {
  constructor(
    message: string,
    readonly eligibilityCode: EligibilityErrorCode,
  ) {
    super(eligibilityCode, message, statusOf(eligibilityCode));
  }
}
