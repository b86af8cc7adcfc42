import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/app.exception.js';

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
}

function statusOf(code: DocumentExceptionCode): HttpStatus {
  switch (code) {
    case DocumentExceptionCode.SOURCE_NOT_FOUND:
    case DocumentExceptionCode.DOCUMENT_NOT_FOUND:
    case DocumentExceptionCode.JOB_NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case DocumentExceptionCode.KIND_NOT_SUPPORTED:
    case DocumentExceptionCode.INVALID_PDF:
      return HttpStatus.BAD_REQUEST;
    case DocumentExceptionCode.FILE_NOT_READY:
      return HttpStatus.CONFLICT;
    case DocumentExceptionCode.NOT_ISSUER:
      return HttpStatus.FORBIDDEN;
    case DocumentExceptionCode.TEMPLATE_FAILED:
    case DocumentExceptionCode.RENDER_TIMEOUT:
    case DocumentExceptionCode.BROWSER_FAILED:
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default: {
      const unmapped: never = code;
      throw new Error(`Unmapped document exception code ${String(unmapped)}`);
    }
  }
}

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
