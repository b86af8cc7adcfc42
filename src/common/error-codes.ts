import { HttpStatus } from '@nestjs/common';

// Every feature's error codes map to an HTTP status through this one helper. The map is a Record over the feature's
// enum, so a new code that is left out does not compile; the registry lets the OpenAPI description list every code.
export type ErrorStatusMap<C extends string> = { readonly [K in C]: HttpStatus };

const FEATURE_CODES = new Map<string, ErrorStatusMap<string>>();

export function errorStatuses<C extends string>(feature: string, map: ErrorStatusMap<C>): (code: C) => HttpStatus {
  FEATURE_CODES.set(feature, map);
  return (code) => {
    const status = map[code];
    if (status === undefined) throw new Error(`Unmapped ${feature} error code ${String(code)}`);
    return status;
  };
}

// Feature → code → status, for the API description.
export function registeredErrorCodes(): ReadonlyMap<string, ErrorStatusMap<string>> {
  return FEATURE_CODES;
}

// Codes any endpoint can answer, whatever its feature (validation, authentication, scope, stale writes).
export enum CommonErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  MALFORMED_JSON = 'MALFORMED_JSON',
  INVALID_PATH_PARAMETER = 'INVALID_PATH_PARAMETER',
  BAD_REQUEST = 'BAD_REQUEST',
  // Refused at the edge, before any controller: nesting deeper than the format needs, an unreadable body, text
  // PostgreSQL cannot hold in the path, a charset other than UTF-8.
  BODY_TOO_DEEP = 'BODY_TOO_DEEP',
  BAD_BODY = 'BAD_BODY',
  INVALID_PATH = 'INVALID_PATH',
  UNSUPPORTED_ENCODING = 'UNSUPPORTED_ENCODING',
  // A value the validators let through that the database refuses (wrong form, out of range).
  INVALID_VALUE = 'INVALID_VALUE',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  // A write from another site, or a cookie-authenticated API write without the session's anti-forgery token.
  CSRF = 'CSRF',
  NOT_FOUND = 'NOT_FOUND',
  STALE_VERSION = 'STALE_VERSION',
  CONFLICT = 'CONFLICT',
  // The same unique value twice (a code, a username, an inmate number in one round and facility).
  DUPLICATE = 'DUPLICATE',
  REFERENCE_NOT_FOUND = 'REFERENCE_NOT_FOUND',
  CONCURRENT_WRITE = 'CONCURRENT_WRITE',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  // Every database connection of this process stayed busy for longer than DATABASE_POOL_WAIT_MS.
  SERVICE_BUSY = 'SERVICE_BUSY',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
}

export const commonErrorStatus = errorStatuses<CommonErrorCode>('common', {
  [CommonErrorCode.VALIDATION_FAILED]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.MALFORMED_JSON]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.INVALID_PATH_PARAMETER]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.BAD_REQUEST]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.BODY_TOO_DEEP]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.BAD_BODY]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.INVALID_PATH]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.UNSUPPORTED_ENCODING]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [CommonErrorCode.INVALID_VALUE]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [CommonErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [CommonErrorCode.CSRF]: HttpStatus.FORBIDDEN,
  [CommonErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CommonErrorCode.STALE_VERSION]: HttpStatus.CONFLICT,
  [CommonErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [CommonErrorCode.DUPLICATE]: HttpStatus.CONFLICT,
  [CommonErrorCode.REFERENCE_NOT_FOUND]: HttpStatus.CONFLICT,
  [CommonErrorCode.CONCURRENT_WRITE]: HttpStatus.CONFLICT,
  [CommonErrorCode.PAYLOAD_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [CommonErrorCode.TOO_MANY_REQUESTS]: HttpStatus.TOO_MANY_REQUESTS,
  [CommonErrorCode.SERVICE_BUSY]: HttpStatus.SERVICE_UNAVAILABLE,
  [CommonErrorCode.INTERNAL_ERROR]: HttpStatus.INTERNAL_SERVER_ERROR,
});
