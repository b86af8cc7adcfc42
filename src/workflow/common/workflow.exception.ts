import { HttpStatus } from '@nestjs/common';
import { AppException, type FieldError } from '../../common/app.exception.js';
import { errorStatuses } from '../../common/error-codes.js';

export enum WorkflowExceptionCode {
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
  GUARD_FAILED = 'GUARD_FAILED',
  SAME_PERSON = 'SAME_PERSON',
  BALLOT_INVALID = 'BALLOT_INVALID',
  NOTHING_TO_FORWARD = 'NOTHING_TO_FORWARD',
  NO_RECIPIENT = 'NO_RECIPIENT',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  ALREADY_DECIDED = 'ALREADY_DECIDED',
  // Dossiers chosen to go up that the hop does not let the caller choose, or that do not wait there.
  INVALID_CHOICE = 'INVALID_CHOICE',
  // Same code as a stale dossier version, so clients handle both alike: reload, then act again.
  STALE_LIST = 'STALE_VERSION',
}

const statusOf = errorStatuses<WorkflowExceptionCode>('workflow', {
  [WorkflowExceptionCode.INVALID_TRANSITION]: HttpStatus.CONFLICT,
  [WorkflowExceptionCode.NOTHING_TO_FORWARD]: HttpStatus.CONFLICT,
  [WorkflowExceptionCode.ALREADY_DECIDED]: HttpStatus.CONFLICT,
  [WorkflowExceptionCode.STALE_LIST]: HttpStatus.CONFLICT,
  [WorkflowExceptionCode.ROLE_NOT_ALLOWED]: HttpStatus.FORBIDDEN,
  [WorkflowExceptionCode.SAME_PERSON]: HttpStatus.FORBIDDEN,
  [WorkflowExceptionCode.GUARD_FAILED]: HttpStatus.UNPROCESSABLE_ENTITY,
  [WorkflowExceptionCode.IDEMPOTENCY_KEY_REUSED]: HttpStatus.UNPROCESSABLE_ENTITY,
  [WorkflowExceptionCode.NO_RECIPIENT]: HttpStatus.UNPROCESSABLE_ENTITY,
  [WorkflowExceptionCode.BALLOT_INVALID]: HttpStatus.BAD_REQUEST,
  [WorkflowExceptionCode.INVALID_CHOICE]: HttpStatus.BAD_REQUEST,
});

export class WorkflowException extends AppException {
  constructor(message: string, code: WorkflowExceptionCode, errors: FieldError[] = []) {
    super(code, message, statusOf(code), errors);
  }
}

export function staleList(): WorkflowException {
  return new WorkflowException(
    'Danh sách chờ xử lý đã thay đổi kể từ khi bạn xem (có hồ sơ mới đến hoặc đã được người khác xử lý). Hãy tải lại rồi thực hiện lại.',
    WorkflowExceptionCode.STALE_LIST,
  );
}
