import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';

// Runs `work` with an AbortSignal that fires after `ms`; the caller's resources listen to it (the browser pool closes
// the page's context), and the promise rejects at the deadline even if the work never settles.
export async function withHardTimeout<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new DocumentException(
          `Dựng văn bản vượt quá thời hạn ${Math.round(ms / 1000)} giây.`,
          DocumentExceptionCode.RENDER_TIMEOUT,
        ),
      );
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
