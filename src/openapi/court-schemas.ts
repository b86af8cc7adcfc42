import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { CommonErrorCode } from '../common/error-codes.js';
import { WorkflowExceptionCode as W } from '../workflow/common/workflow.exception.js';

// The courts' route for persons on suspension (src/workflow/courts): summaries, answers and refusals by operation id,
// merged into OPERATION_TEXTS, RESPONSE_SCHEMAS and OPERATION_ERRORS.
const STRING: SchemaObject = { type: 'string' };
const NULLABLE_STRING: SchemaObject = { type: 'string', nullable: true };
const UUID: SchemaObject = { type: 'string', format: 'uuid' };
const NULLABLE_UUID: SchemaObject = { type: 'string', format: 'uuid', nullable: true };
const DATE: SchemaObject = { type: 'string', format: 'date' };
const INTEGER: SchemaObject = { type: 'integer' };
const BOOLEAN: SchemaObject = { type: 'boolean' };

function object(properties: Record<string, SchemaObject>, optional: string[] = []): SchemaObject {
  return { type: 'object', properties, required: Object.keys(properties).filter((k) => !optional.includes(k)) };
}

const PROPOSAL = object({
  id: UUID,
  dossierId: UUID,
  fullName: STRING,
  stage: STRING,
  roundId: UUID,
  courtUnitId: UUID,
  courtName: STRING,
  proposalNumber: STRING,
  proposedOn: DATE,
  proposal: STRING,
  commentIssuer: STRING,
  commentIssuerKind: { type: 'string', enum: ['COMMUNE', 'MILITARY_UNIT'] },
  commentNumber: NULLABLE_STRING,
  commentDate: DATE,
  comment: STRING,
  lawfulConduct: BOOLEAN,
  recordedByName: STRING,
});

const TRANSITION = object(
  {
    dossierId: UUID,
    fullName: STRING,
    roundId: UUID,
    facilityId: UUID,
    teamId: NULLABLE_UUID,
    from: STRING,
    to: STRING,
    version: INTEGER,
    reason: STRING,
    reasonCode: STRING,
  },
  ['reason', 'reasonCode'],
);

const LIST = object({ id: UUID, code: STRING, entryCount: INTEGER, contentHash: STRING });

export const COURT_OPERATION_TEXTS: Record<string, [summary: string, description: string]> = {
  CourtController_proposals: [
    'Văn bản đề nghị của Tòa án',
    'The court’s proposals for persons on suspension, each with the commune’s or military unit’s comment on conduct ' +
      '(Luật Đặc xá 2018, Điều 14, khoản 5), in the caller’s scope.',
  ],
  CourtController_propose: [
    'Tòa án đề xuất người được tạm đình chỉ',
    'The court officer records the court’s proposal and the commune’s or military unit’s comment for a dossier the ' +
      'court holds; the dossier moves from the application to the president’s review (court_propose) in the same ' +
      'transaction (Luật Đặc xá 2018, Điều 15, khoản 3).',
  ],
  CourtController_reject: [
    'Chánh án: không đủ điều kiện',
    'The court president leaves a person off the court’s list with a coded reason (court_reject).',
  ],
  CourtController_post: [
    'Chánh án duyệt, niêm yết danh sách của Tòa án',
    'The court president approves the proposed persons (court_approve, four eyes) and freezes the posted list, ' +
      'addressed to the appraisal team (Luật Đặc xá 2018, Điều 15, khoản 3–4); the persons the president left off ' +
      'that no earlier list carries are frozen beside it as the court’s ineligible list (`ineligible`, null when none).',
  ],
  CourtController_submit: [
    'Gửi danh sách của Tòa án đến Tổ thẩm định liên ngành',
    'Sends the court’s posted list to the appraisal team; refused until the notice to the procuracy is recorded ' +
      '(Luật Đặc xá 2018, Điều 15, khoản 5).',
  ],
};

export const COURT_RESPONSE_SCHEMAS: Record<string, { status: number; schema: SchemaObject | ReferenceObject }> = {
  CourtController_proposals: { status: 200, schema: { type: 'array', items: PROPOSAL } },
  CourtController_propose: { status: 201, schema: PROPOSAL },
  CourtController_reject: { status: 200, schema: TRANSITION },
  CourtController_post: {
    status: 201,
    schema: object({ ...LIST.properties, ineligible: { ...LIST, nullable: true } } as Record<string, SchemaObject>),
  },
  CourtController_submit: {
    status: 200,
    schema: object({ listId: UUID, code: STRING, submitted: INTEGER, recipientUnitId: UUID }),
  },
};

const MOVES = [
  W.ROLE_NOT_ALLOWED,
  W.SAME_PERSON,
  W.INVALID_TRANSITION,
  W.GUARD_FAILED,
  W.IDEMPOTENCY_KEY_REUSED,
  CommonErrorCode.STALE_VERSION,
  CommonErrorCode.NOT_FOUND,
];

export const COURT_OPERATION_ERRORS: Record<string, string[]> = {
  CourtController_proposals: [W.ROLE_NOT_ALLOWED],
  CourtController_propose: MOVES,
  CourtController_reject: MOVES,
  CourtController_post: [...MOVES, W.NO_RECIPIENT],
  CourtController_submit: [...MOVES, W.ALREADY_DECIDED],
};
