export enum DocumentExceptionCode {
  TEMPLATE_FAILED = 'TEMPLATE_FAILED',
  RENDER_TIMEOUT = 'RENDER_TIMEOUT',
  BROWSER_FAILED = 'BROWSER_FAILED',
  SNAPSHOT_NOT_FOUND = 'SNAPSHOT_NOT_FOUND',
  DOCUMENT_NOT_FOUND = 'DOCUMENT_NOT_FOUND',
  JOB_NOT_FOUND = 'JOB_NOT_FOUND',
  INVALID_PDF = 'INVALID_PDF',
}

export class DocumentException extends Error {
  constructor(
    message: string,
    readonly code: DocumentExceptionCode,
  ) {
    super(message);
    this.name = 'DocumentException';
  }
}
