import type { JobContext } from '../jobs/job-queue.service.js';
import { DocumentException, DocumentExceptionCode } from './documents.exception.js';

export interface DocumentJobFailure {
  // No attempt is left, or another would fail the same way (a template error).
  final: boolean;
  code: string;
  // What the user reads, in Vietnamese.
  message: string;
  // " (lần thử 2/5)" for the log, empty outside the queue.
  attempt: string;
}

// Given up when the worker died on the last attempt of a document job or of one of its chunk jobs.
export const WORKER_STOPPED_FAILURE = {
  code: DocumentExceptionCode.WORKER_STOPPED,
  message: 'Không dựng được văn bản: máy xử lý dừng đột ngột ở cả lần thử cuối. Vui lòng yêu cầu lại văn bản.',
};

// How a failed render (whole, or a chunk job's share) is told to the user: the typed reason or a generic sentence;
// the internal text stays in the log.
export function describeFailure(error: unknown, context?: JobContext): DocumentJobFailure {
  const final =
    (error instanceof DocumentException && error.documentCode === DocumentExceptionCode.TEMPLATE_FAILED) ||
    (context?.finalAttempt ?? true);
  const typed = error instanceof DocumentException;
  const code = typed ? error.documentCode : DocumentExceptionCode.RENDER_FAILED;
  const reason = typed ? error.message.replace(/\.$/, '') : 'Lỗi hệ thống khi dựng văn bản';
  const attempt = context ? ` (lần thử ${context.attempt}/${context.attempts})` : '';
  const message = final
    ? `${reason}. ${typed ? '' : 'Vui lòng yêu cầu lại văn bản; nếu vẫn lỗi, báo quản trị viên.'}`.trim()
    : `${reason}${attempt}. Hệ thống sẽ tự thử lại.`;
  return { final, code, message, attempt };
}
