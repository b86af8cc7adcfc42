import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { BreakKind } from '../audit/audit-chain.js';
import { ProtectedTable } from '../audit/protected-rows.js';

// The answers of /api/audit, by operation id (merged into RESPONSE_SCHEMAS): the verifier's report
// (src/audit/audit-verifier.ts) and the signing key with the latest signed checkpoint (src/audit/checkpoint.ts).
const STRING: SchemaObject = { type: 'string' };
const INTEGER: SchemaObject = { type: 'integer' };
const NULLABLE_INTEGER: SchemaObject = { type: 'integer', nullable: true };
const NULLABLE_STRING: SchemaObject = { type: 'string', nullable: true };
const KINDS = Object.values(BreakKind);

function object(properties: Record<string, SchemaObject>, extra: SchemaObject = {}): SchemaObject {
  return { type: 'object', properties, required: Object.keys(properties), ...extra };
}

const BREAK_PROPERTIES: Record<string, SchemaObject> = {
  kind: { type: 'string', enum: KINDS },
  seq: { ...NULLABLE_INTEGER, description: 'The audit row at fault, when there is one.' },
  row: { ...NULLABLE_STRING, description: 'The protected row at fault, e.g. "dossier_versions (dossier_id = …)".' },
  message: { ...STRING, description: 'What was found, in Vietnamese.' },
};
const CHAIN_BREAK = object(BREAK_PROPERTIES);

const CHECKPOINT = object(
  {
    v: { type: 'integer', enum: [1] },
    from: INTEGER,
    seq: INTEGER,
    hash: STRING,
    at: { type: 'string', format: 'date-time' },
    key: { ...STRING, description: 'Id of the key that signed it.' },
    sig: { ...STRING, description: 'Ed25519 signature over the checkpoint’s canonical text.' },
  },
  { nullable: true, description: 'The latest signed checkpoint; null before the first one.' },
);

export const AUDIT_RESPONSE_SCHEMAS: Record<string, { status: number; schema: SchemaObject | ReferenceObject }> = {
  AuditController_verify: {
    status: 200,
    schema: object({
      ok: { type: 'boolean' },
      rowsChecked: INTEGER,
      lastSeq: INTEGER,
      lastHash: STRING,
      checkpoints: object({
        count: INTEGER,
        latestSeq: INTEGER,
        latestAt: { type: 'string', format: 'date-time', nullable: true },
        keyId: STRING,
      }),
      protectedRows: object(Object.fromEntries(Object.values(ProtectedTable).map((t) => [t, INTEGER]))),
      dossiersChecked: INTEGER,
      firstBreak: object(BREAK_PROPERTIES, { nullable: true }),
      breaks: { type: 'array', items: CHAIN_BREAK },
      breakCounts: {
        type: 'object',
        properties: Object.fromEntries(KINDS.map((k) => [k, INTEGER])),
        description: 'How many breaks of each kind were found (kinds not found are left out).',
      },
    }),
  },
  AuditController_checkpointInfo: {
    status: 200,
    schema: object({
      algorithm: { type: 'string', enum: ['Ed25519'] },
      keyId: STRING,
      publicKey: { ...STRING, description: 'The signing key’s public half, PEM.' },
      count: INTEGER,
      invalid: { ...INTEGER, description: 'Checkpoints whose signature or form does not check.' },
      latest: CHECKPOINT,
    }),
  },
};
