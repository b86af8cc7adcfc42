import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { ComplaintLevel, ComplaintOutcome } from '../workflow/core/complaints.js';

// The answers of the law's routes around the main chain, by operation id (merged into RESPONSE_SCHEMAS): complaints
// (src/workflow/complaints/complaint.view.ts) and procuracy notices (src/workflow/procuracy/procuracy-notice.repository.ts).
const STRING: SchemaObject = { type: 'string' };
const NULLABLE_STRING: SchemaObject = { type: 'string', nullable: true };
const UUID: SchemaObject = { type: 'string', format: 'uuid' };
const NULLABLE_UUID: SchemaObject = { type: 'string', format: 'uuid', nullable: true };
const DATE: SchemaObject = { type: 'string', format: 'date' };
const NULLABLE_DATE: SchemaObject = { type: 'string', format: 'date', nullable: true };
const INTEGER: SchemaObject = { type: 'integer' };
const BOOLEAN: SchemaObject = { type: 'boolean' };

function object(properties: Record<string, SchemaObject>): SchemaObject {
  return { type: 'object', properties, required: Object.keys(properties) };
}

const COMPLAINT = object({
  id: UUID,
  dossierId: UUID,
  fullName: STRING,
  inmateNumber: NULLABLE_STRING,
  dossierStage: STRING,
  dossierStageLabel: STRING,
  dossierVersion: INTEGER,
  roundId: UUID,
  roundCode: STRING,
  facilityId: UUID,
  facilityName: STRING,
  heldAtCourt: {
    ...BOOLEAN,
    description:
      'The list complained about is a court’s (its facility is a provincial or military-region court): the court president and then the Chief Justice decide (Điều 37).',
  },
  level: { type: 'string', enum: Object.values(ComplaintLevel) },
  levelLabel: STRING,
  firstComplaintId: NULLABLE_UUID,
  decidingUnitId: UUID,
  decidingUnitName: STRING,
  receivedOn: DATE,
  complainant: STRING,
  complainantLabel: STRING,
  complainantName: STRING,
  content: STRING,
  dueOn: { ...NULLABLE_DATE, description: 'Last day of the decision period (the round’s parameter), when it has one.' },
  outcome: { type: 'string', enum: Object.values(ComplaintOutcome), nullable: true },
  outcomeLabel: NULLABLE_STRING,
  decisionReason: NULLABLE_STRING,
  decidedOn: NULLABLE_DATE,
  decidedByName: NULLABLE_STRING,
  targetStage: NULLABLE_STRING,
  targetStageLabel: NULLABLE_STRING,
  listId: { ...NULLABLE_UUID, description: 'The one-name list an accepted complaint carried the person on.' },
  listCode: NULLABLE_STRING,
  recordedByName: STRING,
  recordedAt: { type: 'string', format: 'date-time' },
  version: INTEGER,
  overdue: BOOLEAN,
  daysOverdue: INTEGER,
});

const PROCURACY_NOTICE = object({
  id: UUID,
  roundId: UUID,
  facilityId: UUID,
  facilityName: STRING,
  listId: UUID,
  listCode: STRING,
  procuracyUnitId: UUID,
  procuracyName: STRING,
  number: STRING,
  notifiedOn: DATE,
  recordedByName: STRING,
});

const FOREIGN_MINISTRY_NOTICE = object({
  id: UUID,
  roundId: UUID,
  decisionId: UUID,
  decisionNumber: STRING,
  listId: UUID,
  number: STRING,
  notifiedOn: DATE,
  recordedByName: STRING,
  persons: { type: 'array', items: object({ dossierId: UUID, fullName: STRING, nationality: STRING }) },
});

export const LAW_ROUTE_RESPONSE_SCHEMAS: Record<string, { status: number; schema: SchemaObject | ReferenceObject }> = {
  ComplaintController_list: { status: 200, schema: { type: 'array', items: COMPLAINT } },
  ComplaintController_get: { status: 200, schema: COMPLAINT },
  ComplaintController_file: { status: 201, schema: COMPLAINT },
  ComplaintController_decide: { status: 200, schema: COMPLAINT },
  ProcuracyNoticeController_list: { status: 200, schema: { type: 'array', items: PROCURACY_NOTICE } },
  ProcuracyNoticeController_record: { status: 201, schema: PROCURACY_NOTICE },
  ForeignMinistryNoticeController_list: { status: 200, schema: { type: 'array', items: FOREIGN_MINISTRY_NOTICE } },
  ForeignMinistryNoticeController_record: { status: 201, schema: FOREIGN_MINISTRY_NOTICE },
};
