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
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  STALE_VERSION = 'STALE_VERSION',
  CONFLICT = 'CONFLICT',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
}

export const commonErrorStatus = errorStatuses<CommonErrorCode>('common', {
  [CommonErrorCode.VALIDATION_FAILED]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.MALFORMED_JSON]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.INVALID_PATH_PARAMETER]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.BAD_REQUEST]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [CommonErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [CommonErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CommonErrorCode.STALE_VERSION]: HttpStatus.CONFLICT,
  [CommonErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [CommonErrorCode.PAYLOAD_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [CommonErrorCode.TOO_MANY_REQUESTS]: HttpStatus.TOO_MANY_REQUESTS,
  [CommonErrorCode.INTERNAL_ERROR]: HttpStatus.INTERNAL_SERVER_ERROR,
});
