import { HttpStatus } from '@nestjs/common';
import { AppException, type FieldError } from '../../common/app.exception.js';

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
  // Same code as a stale dossier version, so clients handle both alike: reload, then act again.
  STALE_LIST = 'STALE_VERSION',
}

// Exhaustive: a new code that is not mapped here does not compile.
function statusOf(code: WorkflowExceptionCode): HttpStatus {
  switch (code) {
    case WorkflowExceptionCode.INVALID_TRANSITION:
    case WorkflowExceptionCode.NOTHING_TO_FORWARD:
    case WorkflowExceptionCode.ALREADY_DECIDED:
    case WorkflowExceptionCode.STALE_LIST:
      return HttpStatus.CONFLICT;
    case WorkflowExceptionCode.ROLE_NOT_ALLOWED:
    case WorkflowExceptionCode.SAME_PERSON:
      return HttpStatus.FORBIDDEN;
    case WorkflowExceptionCode.GUARD_FAILED:
    case WorkflowExceptionCode.IDEMPOTENCY_KEY_REUSED:
    case WorkflowExceptionCode.NO_RECIPIENT:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case WorkflowExceptionCode.BALLOT_INVALID:
      return HttpStatus.BAD_REQUEST;
    default: {
      const unmapped: never = code;
      throw new Error(`Unmapped workflow code ${String(unmapped)}`);
    }
  }
}

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
