import type { SchemaObject } from '@nestjs/swagger';
import { CommonErrorCode } from '../common/error-codes.js';
import { DocumentExceptionCode } from '../documents/documents.exception.js';

// A facility's certificates issued in one batch (Luật Đặc xá 2018, Điều 18, khoản 3): summaries, success schemas and
// error codes, spread into the API description's tables.
const UUID: SchemaObject = { type: 'string', format: 'uuid' };
const STRING: SchemaObject = { type: 'string' };
const INTEGER: SchemaObject = { type: 'integer' };

const object = (properties: Record<string, SchemaObject>): SchemaObject => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
});

export const CERTIFICATE_BATCH_TEXTS: Record<string, [summary: string, description: string]> = {
  CertificateBatchController_create: [
    'Cấp giấy chứng nhận đặc xá cho cả trại',
    'Every released person of the facility in the round who holds no certificate yet gets the next number of the ' +
      'issuing unit’s register and a page of one signed document (one certificate per page); poll ' +
      'GET /api/documents/jobs/{id}. Refused (409) when every released person already holds one.',
  ],
  CertificateBatchController_pending: [
    'Trại còn người đã tha chưa có giấy chứng nhận',
    'Per round and facility of the caller’s scope, how many released persons hold no certificate yet.',
  ],
};

export const CERTIFICATE_BATCH_RESPONSE_SCHEMAS: Record<string, { status: number; schema: SchemaObject }> = {
  CertificateBatchController_create: {
    status: 202,
    schema: object({
      batchId: UUID,
      jobId: UUID,
      documentId: UUID,
      snapshotHash: STRING,
      certificates: INTEGER,
      firstNumber: STRING,
      lastNumber: STRING,
    }),
  },
  CertificateBatchController_pending: {
    status: 200,
    schema: {
      type: 'array',
      items: object({ roundId: UUID, roundName: STRING, facilityId: UUID, facilityName: STRING, pending: INTEGER }),
    },
  },
};

export const CERTIFICATE_BATCH_OPERATION_ERRORS: Record<string, string[]> = {
  CertificateBatchController_create: [
    DocumentExceptionCode.NOT_ISSUER,
    DocumentExceptionCode.NOTHING_TO_ISSUE,
    DocumentExceptionCode.SOURCE_NOT_FOUND,
    CommonErrorCode.NOT_FOUND,
  ],
};
