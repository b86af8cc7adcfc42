import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';

// The answers of /api/simulations, by operation id (merged into RESPONSE_SCHEMAS). The figures' shape is the one
// SimulationTally builds (src/simulation/simulation-tally.ts); round parameters stay free-form, as elsewhere.
const UUID: SchemaObject = { type: 'string', format: 'uuid' };
const STRING: SchemaObject = { type: 'string' };
const INTEGER: SchemaObject = { type: 'integer' };
const NUMBER: SchemaObject = { type: 'number' };
const BOOLEAN: SchemaObject = { type: 'boolean' };
const DATE_TIME: SchemaObject = { type: 'string', format: 'date-time' };
const NULLABLE_STRING: SchemaObject = { type: 'string', nullable: true };
const NULLABLE_INTEGER: SchemaObject = { type: 'integer', nullable: true };
const NULLABLE_DATE_TIME: SchemaObject = { type: 'string', format: 'date-time', nullable: true };
const PARAMETERS: SchemaObject = { type: 'object', description: 'Round parameters (docs/round-parameters.md).' };

const VERDICT: SchemaObject = { type: 'string', enum: ['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW'] };
const STATUS: SchemaObject = { type: 'string', enum: ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] };

function object(properties: Record<string, SchemaObject | ReferenceObject>, nullable = false): SchemaObject {
  return { type: 'object', properties, required: Object.keys(properties), ...(nullable ? { nullable } : {}) };
}

const array = (items: SchemaObject): SchemaObject => ({ type: 'array', items });

const COUNTS = object({ ELIGIBLE: INTEGER, INELIGIBLE: INTEGER, NEEDS_REVIEW: INTEGER });
const NULLABLE_COUNTS = object({ ELIGIBLE: INTEGER, INELIGIBLE: INTEGER, NEEDS_REVIEW: INTEGER }, true);

const DIFFERENCE = object({
  path: { ...STRING, example: 'time.general.fraction.value' },
  before: { description: 'The value before (any JSON; null when absent).' },
  after: { description: 'The value after (any JSON; null when absent).' },
});

const BREAKDOWN = array(object({ key: STRING, label: STRING, base: COUNTS, draft: COUNTS }));

const UNVERIFIED = object({
  dossiers: COUNTS,
  values: array(object({ ruleId: STRING, label: STRING, confidence: STRING, source: STRING, dossiers: INTEGER })),
});

const FIGURES: SchemaObject = {
  ...object({
    total: INTEGER,
    base: COUNTS,
    draft: COUNTS,
    difference: COUNTS,
    breakdowns: object({
      category: BREAKDOWN,
      facility: BREAKDOWN,
      ministry: BREAKDOWN,
      offenceGroup: BREAKDOWN,
      sentenceBand: BREAKDOWN,
      sex: BREAKDOWN,
    }),
    changed: object({
      total: INTEGER,
      transitions: array(object({ from: VERDICT, to: VERDICT, dossiers: INTEGER })),
      rules: array(object({ ruleId: STRING, dossiers: INTEGER })),
    }),
    unverified: object({ base: UNVERIFIED, draft: UNVERIFIED }),
    work: object({
      documentsRead: INTEGER,
      baseEvaluated: INTEGER,
      draftEvaluated: INTEGER,
      baseReused: INTEGER,
      draftReused: INTEGER,
    }),
  }),
  nullable: true,
  description: 'Null until the simulation is DONE.',
};

const PROGRESS = object({
  id: UUID,
  status: STATUS,
  total: INTEGER,
  done: INTEGER,
  percent: { ...NUMBER, example: 62.5 },
  error: NULLABLE_STRING,
  elapsedMs: NULLABLE_INTEGER,
});

const SUMMARY_PROPERTIES: Record<string, SchemaObject> = {
  id: UUID,
  name: { ...STRING, example: 'Dự thảo 1: nâng tỷ lệ chung lên 1/2' },
  status: STATUS,
  total: INTEGER,
  done: INTEGER,
  error: NULLABLE_STRING,
  elapsedMs: NULLABLE_INTEGER,
  roundId: UUID,
  roundCode: STRING,
  roundVersion: INTEGER,
  basePresetCode: NULLABLE_STRING,
  changes: array(DIFFERENCE),
  scopeLabel: { ...STRING, example: 'Toàn quốc' },
  createdAt: DATE_TIME,
  finishedAt: NULLABLE_DATE_TIME,
  adoptedAt: NULLABLE_DATE_TIME,
  adoptedRoundVersion: NULLABLE_INTEGER,
  version: INTEGER,
  createdByName: STRING,
  createdBy: UUID,
};

const DETAIL = object({
  ...SUMMARY_PROPERTIES,
  baseParameters: PARAMETERS,
  draftParameters: PARAMETERS,
  figures: FIGURES,
  facilityIds: array(UUID),
});

export const SIMULATION_RESPONSE_SCHEMAS: Record<string, { status: number; schema: SchemaObject | ReferenceObject }> = {
  SimulationController_create: { status: 202, schema: PROGRESS },
  SimulationController_progress: { status: 200, schema: PROGRESS },
  SimulationController_list: {
    status: 200,
    schema: array(object({ ...SUMMARY_PROPERTIES, baseCounts: NULLABLE_COUNTS, draftCounts: NULLABLE_COUNTS })),
  },
  SimulationController_get: { status: 200, schema: DETAIL },
  SimulationController_compare: {
    status: 200,
    schema: object({ a: DETAIL, b: DETAIL, parameters: array(DIFFERENCE) }),
  },
  SimulationController_changes: {
    status: 200,
    schema: object({
      total: INTEGER,
      limit: INTEGER,
      offset: INTEGER,
      items: array(
        object({
          dossierId: UUID,
          baseStatus: VERDICT,
          draftStatus: VERDICT,
          baseCategory: STRING,
          draftCategory: STRING,
          ruleId: { ...STRING, example: 'R-COND-B' },
          reason: STRING,
          facilityName: STRING,
          visible: {
            ...BOOLEAN,
            description: 'False for a person outside the viewer’s dossier scope: counted, not named.',
          },
          fullName: NULLABLE_STRING,
          inmateNumber: NULLABLE_STRING,
        }),
      ),
    }),
  },
  SimulationController_adopt: { status: 200, schema: object({ roundCode: STRING, roundVersion: INTEGER }) },
};
