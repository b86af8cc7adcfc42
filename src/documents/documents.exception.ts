import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/app.exception.js';
import { errorStatuses } from '../common/error-codes.js';

export enum DocumentExceptionCode {
  TEMPLATE_FAILED = 'DOCUMENT_TEMPLATE_FAILED',
  RENDER_TIMEOUT = 'DOCUMENT_RENDER_TIMEOUT',
  BROWSER_FAILED = 'DOCUMENT_BROWSER_FAILED',
  SOURCE_NOT_FOUND = 'DOCUMENT_SOURCE_NOT_FOUND',
  KIND_NOT_SUPPORTED = 'DOCUMENT_KIND_NOT_SUPPORTED',
  DOCUMENT_NOT_FOUND = 'DOCUMENT_NOT_FOUND',
  FILE_NOT_READY = 'DOCUMENT_FILE_NOT_READY',
  JOB_NOT_FOUND = 'DOCUMENT_JOB_NOT_FOUND',
  INVALID_PDF = 'DOCUMENT_INVALID_PDF',
  NOT_ISSUER = 'DOCUMENT_NOT_ISSUER',
  // Stored on a failed job when the cause was not one of the above (the details go to the log only).
  RENDER_FAILED = 'DOCUMENT_RENDER_FAILED',
  // Stored on a job given up because its worker died on the last attempt.
  WORKER_STOPPED = 'DOCUMENT_WORKER_STOPPED',
  // What the document states has not happened yet (a certificate before the release, an undecided complaint).
  SOURCE_NOT_READY = 'DOCUMENT_SOURCE_NOT_READY',
  // The issuing unit's signing certificate is configured but cannot be opened (a wrong passphrase, a broken file).
  SIGNING_FAILED = 'DOCUMENT_SIGNING_FAILED',
  // A facility's batch of certificates found every released person already holding one.
  NOTHING_TO_ISSUE = 'DOCUMENT_NOTHING_TO_ISSUE',
}

const statusOf = errorStatuses<DocumentExceptionCode>('documents', {
  [DocumentExceptionCode.SOURCE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [DocumentExceptionCode.DOCUMENT_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [DocumentExceptionCode.JOB_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [DocumentExceptionCode.KIND_NOT_SUPPORTED]: HttpStatus.BAD_REQUEST,
  [DocumentExceptionCode.INVALID_PDF]: HttpStatus.BAD_REQUEST,
  [DocumentExceptionCode.FILE_NOT_READY]: HttpStatus.CONFLICT,
  [DocumentExceptionCode.SOURCE_NOT_READY]: HttpStatus.CONFLICT,
  [DocumentExceptionCode.NOT_ISSUER]: HttpStatus.FORBIDDEN,
  [DocumentExceptionCode.NOTHING_TO_ISSUE]: HttpStatus.CONFLICT,
  [DocumentExceptionCode.TEMPLATE_FAILED]: HttpStatus.INTERNAL_SERVER_ERROR,
  [DocumentExceptionCode.RENDER_TIMEOUT]: HttpStatus.INTERNAL_SERVER_ERROR,
  [DocumentExceptionCode.BROWSER_FAILED]: HttpStatus.INTERNAL_SERVER_ERROR,
  [DocumentExceptionCode.RENDER_FAILED]: HttpStatus.INTERNAL_SERVER_ERROR,
  [DocumentExceptionCode.WORKER_STOPPED]: HttpStatus.INTERNAL_SERVER_ERROR,
  [DocumentExceptionCode.SIGNING_FAILED]: HttpStatus.INTERNAL_SERVER_ERROR,
});

// Typed errors of the documents feature; the messages are shown to users (and stored on failed jobs).
export class DocumentException extends AppException {
  constructor(
    message: string,
    readonly documentCode: DocumentExceptionCode,
  ) {
    super(documentCode, message, statusOf(documentCode));
    this.name = 'DocumentException';
  }
}
