import { HttpStatus } from '@nestjs/common';
import { AppException, type FieldError } from '../../common/app.exception.js';
import { errorStatuses } from '../../common/error-codes.js';

export enum SpreadsheetExceptionCode {
  // The file is not a workbook at all, or one too large once unpacked.
  UNREADABLE_FILE = 'UNREADABLE_FILE',
  NO_FILE = 'NO_FILE',
  // The workbook was read; some cells are wrong. Same code as every other validation error of the API.
  INVALID_ROWS = 'VALIDATION_FAILED',
  ALREADY_IMPORTED = 'IMPORT_ALREADY_COMMITTED',
}

const statusOf = errorStatuses<SpreadsheetExceptionCode>('spreadsheets', {
  [SpreadsheetExceptionCode.UNREADABLE_FILE]: HttpStatus.BAD_REQUEST,
  [SpreadsheetExceptionCode.NO_FILE]: HttpStatus.BAD_REQUEST,
  [SpreadsheetExceptionCode.INVALID_ROWS]: HttpStatus.BAD_REQUEST,
  [SpreadsheetExceptionCode.ALREADY_IMPORTED]: HttpStatus.CONFLICT,
});

export class SpreadsheetException extends AppException {
  constructor(message: string, code: SpreadsheetExceptionCode, errors: FieldError[] = []) {
    super(code, message, statusOf(code), errors);
  }
}
