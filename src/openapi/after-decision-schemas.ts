import type { SchemaObject } from '@nestjs/swagger';

// The appraisal team's record and the steps after the President's decision (Luật Đặc xá 2018, Điều 16, khoản 2;
// Điều 18; Điều 20): summaries, success schemas and error codes, spread into the API description's tables.
const UUID: SchemaObject = { type: 'string', format: 'uuid' };
const STRING: SchemaObject = { type: 'string' };
const NULLABLE_STRING: SchemaObject = { type: 'string', nullable: true };
const DATE: SchemaObject = { type: 'string', format: 'date' };
const NULLABLE_DATE: SchemaObject = { type: 'string', format: 'date', nullable: true };
const INTEGER: SchemaObject = { type: 'integer' };
const NULLABLE_INTEGER: SchemaObject = { type: 'integer', nullable: true };
const BOOLEAN: SchemaObject = { type: 'boolean' };

const object = (properties: Record<string, SchemaObject>, optional: string[] = []): SchemaObject => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
});
const array = (items: SchemaObject): SchemaObject => ({ type: 'array', items });

const RECORD_SUMMARY = {
  id: UUID,
  roundId: UUID,
  roundCode: STRING,
  eligibleCount: INTEGER,
  ineligibleCount: INTEGER,
  contentHash: STRING,
  createdByName: STRING,
  createdAt: STRING,
};
const POSITION = object({ agency: STRING, agencyName: STRING, opinion: STRING, note: NULLABLE_STRING });
const RECORD_ROW = object({
  dossierId: UUID,
  fullName: STRING,
  facilityName: STRING,
  side: { type: 'string', enum: ['PROPOSED', 'CAMP_INELIGIBLE', 'COURT_INELIGIBLE'] },
  campReason: NULLABLE_STRING,
  positions: array(POSITION),
  agree: INTEGER,
  against: INTEGER,
  ratio: STRING,
  unanimous: BOOLEAN,
});
const RECORD = object({
  ...RECORD_SUMMARY,
  // The rule by which the team concluded, with its basis (records drawn before rounds could state it carry none).
  content: object(
    {
      roundCode: STRING,
      requiredAgencies: array(STRING),
      conclusion: STRING,
      eligible: array(RECORD_ROW),
      ineligible: array(RECORD_ROW),
    },
    ['conclusion'],
  ),
});
const PRESENTATION = object({ dueDate: NULLABLE_DATE, overdue: BOOLEAN, daysOverdue: INTEGER });

export const AFTER_DECISION_TEXTS: Record<string, [summary: string, description: string]> = {
  AppraisalRecordController_draw: [
    'Lập biên bản thẩm định',
    'Freezes the appraisal team’s record for a round: the eligible and the ineligible list with each required agency’s ' +
      'position and the shares for and against; the camps’ ineligible names that reached the team are appraised too. ' +
      'Refused (422) while a required agency has not given its opinion on a name, or when the round names no team.',
  ],
  AppraisalRecordController_list: ['Các biên bản thẩm định', 'The appraisal records drawn, newest first.'],
  AppraisalRecordController_get: ['Xem biên bản thẩm định', 'One frozen appraisal record with both lists.'],
  AfterDecisionController_post: [
    'Ghi ngày niêm yết Quyết định đặc xá',
    'Records the day the caller’s camp posted the President’s decision and its list (one day per camp and decision).',
  ],
  AfterDecisionController_postings: [
    'Niêm yết Quyết định đặc xá tại các trại',
    'Each camp in scope with granted persons under a decision, and the day it posted the decision (null: not yet).',
  ],
  AfterDecisionController_certificate: [
    'Xem giấy chứng nhận đặc xá',
    'One certificate: who issues it for the facility’s kind, the copies sent and those still due, the presentation.',
  ],
  AfterDecisionController_copy: [
    'Ghi việc gửi bản sao giấy chứng nhận',
    'Records a copy of the certificate sent to one body of Art 18(4), with its addressee and day; printed as "Nơi nhận".',
  ],
  AfterDecisionController_present: [
    'Ghi nhận việc xuất trình giấy chứng nhận',
    'Records the commune’s or military unit’s confirmation that the person presented the certificate ' +
      '(transition released → presented).',
  ],
  AfterDecisionController_presentingTo: [
    'Người được đặc xá phải trình diện tại đơn vị',
    'For the commune or military unit: the released persons whose certificates name it, those who have not presented ' +
      'first, each with the report-by day (release plus deadlines.certificatePresentationDays; null when the round ' +
      'holds none) and what the certificate shows of them.',
  ],
  AfterDecisionController_presentations: [
    'Tình hình xuất trình giấy chứng nhận',
    'Per round: released persons in scope, who has presented and who has not, against the round’s period ' +
      '(deadlines.certificatePresentationDays; null with a note when the round holds none).',
  ],
};

export const AFTER_DECISION_RESPONSE_SCHEMAS: Record<string, { status: number; schema: SchemaObject }> = {
  AppraisalRecordController_draw: { status: 201, schema: RECORD },
  AppraisalRecordController_list: { status: 200, schema: array(object(RECORD_SUMMARY)) },
  AppraisalRecordController_get: { status: 200, schema: RECORD },
  AfterDecisionController_post: {
    status: 201,
    schema: object({ id: UUID, decisionId: UUID, facilityId: UUID, postedOn: DATE }),
  },
  AfterDecisionController_postings: {
    status: 200,
    schema: array(
      object({
        decisionId: UUID,
        decisionNumber: STRING,
        decisionDate: DATE,
        facilityId: UUID,
        facilityName: STRING,
        granted: INTEGER,
        postedOn: NULLABLE_DATE,
      }),
    ),
  },
  AfterDecisionController_certificate: {
    status: 200,
    schema: object({
      id: UUID,
      dossierId: UUID,
      number: STRING,
      fullName: STRING,
      facilityId: UUID,
      facilityName: STRING,
      facilityKind: {
        ...NULLABLE_STRING,
        description: 'The facility’s kind; null for a court (persons on suspension).',
      },
      unitKind: { ...STRING, description: 'FACILITY, or COURT when the court president issues the certificate.' },
      facilityPath: STRING,
      roundId: UUID,
      decisionNumber: STRING,
      decisionDate: DATE,
      releasedOn: NULLABLE_DATE,
      presentedOn: NULLABLE_DATE,
      presentedTo: NULLABLE_STRING,
      presentationUnitId: { ...UUID, nullable: true },
      presentationUnitName: NULLABLE_STRING,
      version: INTEGER,
      dossierVersion: INTEGER,
      nationality: STRING,
      notYetEnforceable: {
        ...BOOLEAN,
        description:
          'The civil-enforcement agency decided that enforcement is not yet possible: its copy is due (Luật Đặc xá 2018, Điều 18, khoản 4).',
      },
      issuer: { ...object({ kind: STRING, title: STRING, letterhead: STRING, citation: STRING }), nullable: true },
      copies: array(object({ id: UUID, recipient: STRING, recipientLabel: STRING, addressee: STRING, sentOn: DATE })),
      copiesDue: array(object({ recipient: STRING, label: STRING, addressee: NULLABLE_STRING })),
      presentation: PRESENTATION,
    }),
  },
  AfterDecisionController_copy: {
    status: 201,
    schema: object({ id: UUID, certificateId: UUID, recipient: STRING, addressee: STRING, sentOn: DATE }),
  },
  AfterDecisionController_present: {
    status: 200,
    schema: object({
      certificateId: UUID,
      presentedOn: DATE,
      presentedTo: STRING,
      version: INTEGER,
      dossierVersion: INTEGER,
    }),
  },
  AfterDecisionController_presentingTo: {
    status: 200,
    schema: array(
      object({
        certificateId: UUID,
        number: STRING,
        fullName: STRING,
        birthDate: STRING,
        issuerName: STRING,
        decisionNumber: STRING,
        decisionDate: DATE,
        releasedOn: DATE,
        presentedOn: NULLABLE_DATE,
        version: INTEGER,
        dossierVersion: INTEGER,
        presentationRequired: BOOLEAN,
        dueDate: NULLABLE_DATE,
        overdue: BOOLEAN,
        daysOverdue: INTEGER,
      }),
    ),
  },
  AfterDecisionController_presentations: {
    status: 200,
    schema: object({
      roundId: UUID,
      presentationDays: NULLABLE_INTEGER,
      periodNote: NULLABLE_STRING,
      released: INTEGER,
      presented: INTEGER,
      notPresented: INTEGER,
      overdue: INTEGER,
      notRequired: {
        ...INTEGER,
        description: 'Foreigners released: no duty to present the certificate (Luật Đặc xá 2018, Điều 20, khoản 3).',
      },
      notRequiredNote: STRING,
      people: array(
        object({
          certificateId: UUID,
          dossierId: UUID,
          number: STRING,
          fullName: STRING,
          facilityName: STRING,
          releasedOn: DATE,
          presentedOn: NULLABLE_DATE,
          presentedTo: NULLABLE_STRING,
          presentationUnitName: NULLABLE_STRING,
          presentationRequired: BOOLEAN,
          dueDate: NULLABLE_DATE,
          overdue: BOOLEAN,
          daysOverdue: INTEGER,
        }),
      ),
    }),
  },
};
