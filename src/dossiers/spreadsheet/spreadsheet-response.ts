import type { Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { Writable } from 'node:stream';

// An upload of the largest import (5,000 dossiers with their parts) stays well below this. Browsers send a file's
// name in UTF-8 ("Danh sách đợt 2.xlsx"), which multer would read as Latin-1.
export const UPLOAD_OPTIONS = {
  limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 4 },
  defParamCharset: 'utf8',
};

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

// "ho-so-dac-xa-20251203-1405.xlsx": the time of the export in Vietnam.
export function fileName(base: string, format: keyof typeof CONTENT_TYPES, at = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${base}-${parts.year}${parts.month}${parts.day}-${parts.hour}${parts.minute}.${format}`;
}

// Streams a file into the response. A refusal raised before the first byte (a list outside the caller's scope)
// still becomes the usual error answer; a failure mid-stream can only cut the download, and is logged.
export async function sendFile(
  response: Response,
  logger: Logger,
  base: string,
  format: keyof typeof CONTENT_TYPES,
  write: (out: Writable) => Promise<unknown>,
): Promise<void> {
  response.status(200);
  response.setHeader('content-type', CONTENT_TYPES[format]);
  response.setHeader('content-disposition', `attachment; filename="${fileName(base, format)}"`);
  try {
    await write(response);
    if (!response.writableEnded) response.end();
  } catch (error) {
    if (!response.headersSent) {
      response.removeHeader('content-disposition');
      throw error;
    }
    logger.error(`download of ${base}.${format} cut: ${(error as Error)?.message ?? String(error)}`);
    response.destroy(error as Error);
  }
}
