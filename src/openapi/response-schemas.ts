import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { AFTER_DECISION_RESPONSE_SCHEMAS } from './after-decision-schemas.js';
import { CERTIFICATE_BATCH_RESPONSE_SCHEMAS } from './certificate-batch-schemas.js';
import { AUDIT_RESPONSE_SCHEMAS } from './audit-schemas.js';
import { LAW_ROUTE_RESPONSE_SCHEMAS } from './law-routes-schemas.js';
import { COURT_RESPONSE_SCHEMAS } from './court-schemas.js';
import { SIMULATION_RESPONSE_SCHEMAS } from './simulation-schemas.js';

const NULLABLE_UUID: SchemaObject = { type: 'string', format: 'uuid', nullable: true };
const NULLABLE_DATE_TIME: SchemaObject = { type: 'string', format: 'date-time', nullable: true };
const NULLABLE_DATE: SchemaObject = { type: 'string', format: 'date', nullable: true };
const NULLABLE_STRING: SchemaObject = { type: 'string', nullable: true };
const NULLABLE_INTEGER: SchemaObject = { type: 'integer', nullable: true };
const UUID: SchemaObject = { type: 'string', format: 'uuid' };
const DATE_TIME: SchemaObject = { type: 'string', format: 'date-time' };
const DATE: SchemaObject = { type: 'string', format: 'date' };
const STRING: SchemaObject = { type: 'string' };
const INTEGER: SchemaObject = { type: 'integer' };
const NUMBER: SchemaObject = { type: 'number' };
const BOOLEAN: SchemaObject = { type: 'boolean' };

// A stored document: `renderSha256` is the unsigned render (the same snapshot renders to it again), `sha256` the
// stored file (signed by the issuing unit when `signature` is set).
const DOCUMENT: SchemaObject = {
  type: 'object',
  properties: {
    id: UUID,
    kind: STRING,
    number: STRING,
    title: STRING,
    sourceType: STRING,
    sourceId: UUID,
    snapshotHash: STRING,
    sha256: NULLABLE_STRING,
    renderSha256: NULLABLE_STRING,
    signature: {
      type: 'object',
      nullable: true,
      properties: { signedBy: STRING, signedAt: DATE_TIME, certificateSha256: STRING },
      required: ['signedBy', 'signedAt', 'certificateSha256'],
    },
    pages: NULLABLE_INTEGER,
    fileSize: NULLABLE_INTEGER,
    createdAt: DATE_TIME,
    renderedAt: NULLABLE_DATE_TIME,
  },
  required: [
    'id',
    'kind',
    'number',
    'title',
    'sourceType',
    'sourceId',
    'snapshotHash',
    'sha256',
    'renderSha256',
    'signature',
    'pages',
    'fileSize',
    'createdAt',
    'renderedAt',
  ],
};

// The uploaded file's own PAdES signature: present, valid (digest and signature), covering the whole file, who signed
// and when, and whether the certificate is the one the matched document was stored signed with.
const SIGNATURE_VERIFICATION: SchemaObject = {
  type: 'object',
  properties: {
    present: BOOLEAN,
    valid: BOOLEAN,
    coversWholeFile: BOOLEAN,
    signedBy: NULLABLE_STRING,
    signedAt: NULLABLE_DATE_TIME,
    certificateSha256: NULLABLE_STRING,
    selfSigned: { type: 'boolean', nullable: true },
    certificateMatchesIssuer: { type: 'boolean', nullable: true },
    message: STRING,
  },
  required: [
    'present',
    'valid',
    'coversWholeFile',
    'signedBy',
    'signedAt',
    'certificateSha256',
    'selfSigned',
    'certificateMatchesIssuer',
    'message',
  ],
};

// A work-queue group: the dossiers waiting at one stage of one round, with their deadline.
const WORK_QUEUE_GROUPS: SchemaObject = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      roundId: UUID,
      roundCode: STRING,
      stage: STRING,
      stageLabel: STRING,
      receivedOn: DATE,
      count: INTEGER,
      dueDate: DATE,
      overdue: BOOLEAN,
      daysOverdue: INTEGER,
      message: STRING,
      items: {
        type: 'array',
        items: {},
      },
    },
    required: [
      'roundId',
      'roundCode',
      'stage',
      'stageLabel',
      'receivedOn',
      'count',
      'dueDate',
      'overdue',
      'daysOverdue',
      'message',
      'items',
    ],
  },
};

// A screening's progress, as queued (202) and as polled.
const SCREENING: SchemaObject = {
  type: 'object',
  properties: {
    id: UUID,
    roundId: UUID,
    status: STRING,
    total: INTEGER,
    done: INTEGER,
    errorCode: { ...NULLABLE_STRING, description: 'A failed screening’s code (see the eligibility codes).' },
    error: { ...NULLABLE_STRING, description: 'Its reason in Vietnamese, for people.' },
    createdAt: DATE_TIME,
    startedAt: NULLABLE_DATE_TIME,
    finishedAt: NULLABLE_DATE_TIME,
    percent: NUMBER,
  },
  required: [
    'id',
    'roundId',
    'status',
    'total',
    'done',
    'errorCode',
    'error',
    'createdAt',
    'startedAt',
    'finishedAt',
    'percent',
  ],
};

// The success answer of each operation, by operation id. Most were first read off the responses the end-to-end suite
// receives and then kept by hand; the client-driven test validates every response it gets against these, so a change
// to an answer that is not made here fails it. Deep, open-ended parts (round parameters, rule results) are described
// as free-form objects: their own formats are documented in docs/ and the eligibility core.
export const RESPONSE_SCHEMAS: Record<string, { status: number; schema: SchemaObject | ReferenceObject }> = {
  AppraisalController_flag: {
    status: 201,
    schema: {
      type: 'object',
      properties: {
        id: UUID,
        status: STRING,
        version: INTEGER,
      },
      required: ['id', 'status', 'version'],
    },
  },
  AppraisalController_getReport: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        id: UUID,
        roundId: UUID,
        items: {
          type: 'array',
          items: {},
        },
        dossierIds: {
          type: 'array',
          items: UUID,
        },
        contentHash: STRING,
        createdAt: DATE_TIME,
      },
      required: ['id', 'roundId', 'items', 'dossierIds', 'contentHash', 'createdAt'],
    },
  },
  AppraisalController_open: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        dossierId: UUID,
        stage: STRING,
        version: INTEGER,
        pinned: {
          type: 'object',
          additionalProperties: true,
        },
        flags: {
          type: 'array',
          items: {},
        },
        opinions: {
          type: 'array',
          items: {},
        },
      },
      required: ['dossierId', 'stage', 'version', 'pinned', 'flags', 'opinions'],
    },
  },
  AppraisalController_opinion: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        dossierId: UUID,
        agency: STRING,
        opinion: STRING,
        version: INTEGER,
      },
      required: ['dossierId', 'agency', 'opinion', 'version'],
    },
  },
  AppraisalController_opinions: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        opinions: {
          type: 'array',
          items: {
            type: 'object',
            properties: { dossierId: UUID, agency: STRING, opinion: STRING, version: INTEGER },
            required: ['dossierId', 'agency', 'opinion', 'version'],
          },
        },
      },
      required: ['opinions'],
    },
  },
  AppraisalController_report: {
    status: 201,
    schema: {
      type: 'object',
      properties: {
        id: UUID,
        contentHash: STRING,
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              dossierId: UUID,
              opinions: {
                type: 'array',
                items: {},
              },
              findings: {
                type: 'array',
                items: {},
              },
              fullName: STRING,
            },
            required: ['dossierId', 'opinions', 'findings', 'fullName'],
          },
        },
      },
      required: ['id', 'contentHash', 'items'],
    },
  },
  AppraisalController_resolve: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        id: UUID,
        status: STRING,
        version: INTEGER,
        dossier: {
          type: 'object',
          properties: {
            dossierId: UUID,
            fullName: STRING,
            roundId: UUID,
            facilityId: UUID,
            teamId: UUID,
            from: STRING,
            to: STRING,
            version: INTEGER,
            reason: STRING,
          },
          required: ['dossierId', 'fullName', 'roundId', 'facilityId', 'teamId', 'from', 'to', 'version', 'reason'],
          nullable: true,
        },
      },
      required: ['id', 'status', 'version', 'dossier'],
    },
  },
  AuthController_login: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        token: STRING,
        expiresAt: DATE_TIME,
        user: {
          type: 'object',
          properties: {
            id: UUID,
            username: STRING,
            fullName: STRING,
            role: STRING,
            agency: NULLABLE_STRING,
            orgUnitId: UUID,
            orgUnitName: STRING,
            orgUnitKind: STRING,
            orgUnitPath: STRING,
            roleLabel: STRING,
          },
          required: [
            'id',
            'username',
            'fullName',
            'role',
            'agency',
            'orgUnitId',
            'orgUnitName',
            'orgUnitKind',
            'orgUnitPath',
            'roleLabel',
          ],
        },
      },
      required: ['token', 'expiresAt', 'user'],
    },
  },
  AuthController_me: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        id: UUID,
        username: STRING,
        fullName: STRING,
        role: STRING,
        agency: {},
        orgUnitId: UUID,
        orgUnitName: STRING,
        orgUnitKind: STRING,
        orgUnitPath: STRING,
        roleLabel: STRING,
      },
      required: [
        'id',
        'username',
        'fullName',
        'role',
        'agency',
        'orgUnitId',
        'orgUnitName',
        'orgUnitKind',
        'orgUnitPath',
        'roleLabel',
      ],
    },
  },
  BallotController_get: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        id: UUID,
        roundId: UUID,
        teamId: UUID,
        teamName: STRING,
        teamPath: STRING,
        meetingDate: DATE,
        officerId: UUID,
        officerName: STRING,
        membersPresent: INTEGER,
        membersAbsent: INTEGER,
        absentees: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              name: STRING,
              reason: STRING,
            },
            required: ['name', 'reason'],
          },
          nullable: true,
        },
        ballotsIssued: INTEGER,
        ballotsReturned: INTEGER,
        ballotsValid: INTEGER,
        ballotsInvalid: INTEGER,
        threshold: { type: 'object', additionalProperties: true },
        candidates: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              dossierId: UUID,
              fullName: STRING,
              votesFor: INTEGER,
              votesAgainst: INTEGER,
              votesBlank: INTEGER,
              passed: BOOLEAN,
              officerOpinion: STRING,
            },
            required: ['dossierId', 'fullName', 'votesFor', 'votesAgainst', 'votesBlank', 'passed', 'officerOpinion'],
          },
        },
      },
      required: [
        'id',
        'roundId',
        'teamId',
        'teamName',
        'teamPath',
        'meetingDate',
        'officerId',
        'officerName',
        'membersPresent',
        'membersAbsent',
        'absentees',
        'ballotsIssued',
        'ballotsReturned',
        'ballotsValid',
        'ballotsInvalid',
        'threshold',
        'candidates',
      ],
    },
  },
  BallotController_submit: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        submitted: INTEGER,
        dossiers: {
          type: 'array',
          items: {
            type: 'object',
            properties: { dossierId: UUID, fullName: STRING, stage: STRING, version: INTEGER },
            required: ['dossierId', 'fullName', 'stage', 'version'],
          },
        },
      },
      required: ['submitted', 'dossiers'],
    },
  },
  BallotController_record: {
    status: 201,
    schema: {
      type: 'object',
      properties: {
        meetingId: UUID,
        threshold: STRING,
        thresholdBasis: {
          type: 'object',
          description:
            'Where the threshold comes from: the round parameter’s source and confidence, or the service’s default when the round sets none.',
          properties: {
            source: STRING,
            confidence: { type: 'string', enum: ['V', 'K', '?'] },
            serviceDefault: BOOLEAN,
          },
          required: ['source', 'confidence', 'serviceDefault'],
        },
        outcomes: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              dossierId: UUID,
              fullName: STRING,
              passed: BOOLEAN,
              stage: STRING,
              version: INTEGER,
            },
            required: ['dossierId', 'fullName', 'passed', 'stage', 'version'],
          },
        },
      },
      required: ['meetingId', 'threshold', 'thresholdBasis', 'outcomes'],
    },
  },
  CampController_candidates: {
    status: 200,
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          dossierId: UUID,
          fullName: STRING,
          inmateNumber: STRING,
          version: INTEGER,
          votesFor: NULLABLE_INTEGER,
          officerOpinion: NULLABLE_STRING,
          engineOutcome: NULLABLE_STRING,
          engineCategory: NULLABLE_STRING,
          engineLabel: STRING,
        },
        required: [
          'dossierId',
          'fullName',
          'inmateNumber',
          'version',
          'votesFor',
          'officerOpinion',
          'engineOutcome',
          'engineCategory',
          'engineLabel',
        ],
      },
    },
  },
  CampController_decide: {
    status: 200,
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          dossierId: UUID,
          fullName: STRING,
          stage: STRING,
          version: INTEGER,
        },
        required: ['dossierId', 'fullName', 'stage', 'version'],
      },
    },
  },
  CampController_post: {
    status: 201,
    schema: {
      type: 'object',
      properties: {
        eligible: {
          type: 'object',
          properties: {
            id: UUID,
            code: STRING,
            entryCount: INTEGER,
            contentHash: STRING,
          },
          required: ['id', 'code', 'entryCount', 'contentHash'],
        },
        ineligible: {
          type: 'object',
          properties: {
            id: UUID,
            code: STRING,
            entryCount: INTEGER,
            contentHash: STRING,
          },
          required: ['id', 'code', 'entryCount', 'contentHash'],
          nullable: true,
        },
      },
      required: ['eligible', 'ineligible'],
    },
  },
  CampController_submit: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        listId: UUID,
        code: STRING,
        submitted: INTEGER,
        recipientUnitId: UUID,
      },
      required: ['listId', 'code', 'submitted', 'recipientUnitId'],
    },
  },
  DecisionController_certificates: {
    status: 200,
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: UUID,
          dossierId: UUID,
          number: STRING,
          releasedOn: {},
          version: INTEGER,
          fullName: STRING,
          dossierVersion: INTEGER,
        },
        required: ['id', 'dossierId', 'number', 'releasedOn', 'version', 'fullName', 'dossierVersion'],
      },
    },
  },
  DecisionController_lists: {
    status: 201,
    schema: {
      type: 'object',
      properties: {
        eligible: {
          type: 'object',
          properties: {
            id: UUID,
            code: STRING,
            entryCount: INTEGER,
            contentHash: STRING,
          },
          required: ['id', 'code', 'entryCount', 'contentHash'],
        },
        ineligible: {
          type: 'object',
          properties: {
            id: UUID,
            code: STRING,
            entryCount: INTEGER,
            contentHash: STRING,
          },
          required: ['id', 'code', 'entryCount', 'contentHash'],
        },
      },
      required: ['eligible', 'ineligible'],
    },
  },
  DecisionController_pending: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        count: INTEGER,
        token: STRING,
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              dossierId: UUID,
              fullName: STRING,
              version: INTEGER,
              listId: UUID,
            },
            required: ['dossierId', 'fullName', 'version', 'listId'],
          },
        },
      },
      required: ['count', 'token', 'items'],
    },
  },
  DecisionController_record: {
    status: 201,
    schema: {
      type: 'object',
      properties: {
        decisionId: UUID,
        listId: UUID,
        listCode: STRING,
        granted: INTEGER,
        notGranted: INTEGER,
        certificates: INTEGER,
      },
      required: ['decisionId', 'listId', 'listCode', 'granted', 'notGranted', 'certificates'],
    },
  },
  DecisionController_releaseMany: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        released: INTEGER,
        releases: {
          type: 'array',
          items: {
            type: 'object',
            properties: { dossierId: UUID, certificateId: UUID, number: STRING, releasedOn: DATE, version: INTEGER },
            required: ['dossierId', 'certificateId', 'number', 'releasedOn', 'version'],
          },
        },
      },
      required: ['released', 'releases'],
    },
  },
  DecisionController_release: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        certificateId: UUID,
        number: STRING,
        releasedOn: DATE,
        presentationUnit: {
          type: 'object',
          nullable: true,
          description: 'The commune or military unit the certificate names for the presentation, if any.',
          properties: { id: UUID, name: STRING },
          required: ['id', 'name'],
        },
        version: INTEGER,
        dossierVersion: INTEGER,
      },
      required: ['certificateId', 'number', 'releasedOn', 'presentationUnit', 'version', 'dossierVersion'],
    },
  },
  DocumentsController_create: {
    status: 202,
    schema: {
      type: 'object',
      properties: {
        jobId: UUID,
        documentId: UUID,
        snapshotHash: STRING,
      },
      required: ['jobId', 'documentId', 'snapshotHash'],
    },
  },
  DocumentsController_get: { status: 200, schema: DOCUMENT },
  DocumentsController_job: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        id: UUID,
        documentId: UUID,
        kind: STRING,
        number: STRING,
        state: STRING,
        chunksDone: INTEGER,
        chunksTotal: INTEGER,
        pagesDone: INTEGER,
        percent: INTEGER,
        attempts: INTEGER,
        errorCode: {},
        error: {},
        createdAt: DATE_TIME,
        startedAt: NULLABLE_DATE_TIME,
        finishedAt: NULLABLE_DATE_TIME,
      },
      required: [
        'id',
        'documentId',
        'kind',
        'number',
        'state',
        'chunksDone',
        'chunksTotal',
        'pagesDone',
        'percent',
        'attempts',
        'errorCode',
        'error',
        'createdAt',
        'startedAt',
        'finishedAt',
      ],
    },
  },
  DocumentsController_verify: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        match: STRING,
        uploadedSha256: STRING,
        printedNumber: NULLABLE_STRING,
        printedSnapshotHash: NULLABLE_STRING,
        signature: SIGNATURE_VERIFICATION,
        documents: { type: 'array', items: DOCUMENT },
        message: STRING,
      },
      required: [
        'match',
        'signature',
        'uploadedSha256',
        'printedNumber',
        'printedSnapshotHash',
        'documents',
        'message',
      ],
    },
  },
  DossierController_batch: {
    status: 201,
    schema: {
      type: 'object',
      properties: {
        created: INTEGER,
        dossiers: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: UUID,
              version: INTEGER,
              stage: STRING,
            },
            required: ['id', 'version', 'stage'],
          },
        },
      },
      required: ['created', 'dossiers'],
    },
  },
  DossierController_create: {
    status: 201,
    schema: {
      type: 'object',
      properties: {
        id: UUID,
        version: INTEGER,
        stage: STRING,
      },
      required: ['id', 'version', 'stage'],
    },
  },
  DossierController_export: {
    status: 200,
    schema: {
      $ref: '#/components/schemas/DossierDto',
    },
  },
  DossierController_exportRound: {
    status: 200,
    schema: {
      type: 'array',
      items: {
        $ref: '#/components/schemas/DossierDto',
      },
    },
  },
  DossierController_get: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        id: UUID,
        version: INTEGER,
        stage: STRING,
        facilityName: STRING,
        teamName: STRING,
        createdBy: UUID,
        updatedBy: UUID,
        updatedAt: DATE_TIME,
        document: {
          $ref: '#/components/schemas/DossierDto',
        },
      },
      required: [
        'id',
        'version',
        'stage',
        'facilityName',
        'teamName',
        'createdBy',
        'updatedBy',
        'updatedAt',
        'document',
      ],
    },
  },
  DossierController_list: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        total: INTEGER,
        page: INTEGER,
        pageSize: INTEGER,
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: UUID,
              inmateNumber: STRING,
              fullName: STRING,
              birthDate: DATE,
              facilityName: STRING,
              teamName: STRING,
              stage: STRING,
              version: INTEGER,
              outcome: NULLABLE_STRING,
              category: NULLABLE_STRING,
              almostEligibleOn: NULLABLE_DATE,
              roundCode: STRING,
            },
            required: [
              'id',
              'inmateNumber',
              'fullName',
              'birthDate',
              'facilityName',
              'teamName',
              'stage',
              'version',
              'outcome',
              'category',
              'almostEligibleOn',
              'roundCode',
            ],
          },
        },
      },
      required: ['total', 'page', 'pageSize', 'items'],
    },
  },
  DossierController_update: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        id: UUID,
        version: INTEGER,
        stage: STRING,
      },
      required: ['id', 'version', 'stage'],
    },
  },
  DossierEventController_fire: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        dossierId: UUID,
        fullName: STRING,
        roundId: UUID,
        facilityId: UUID,
        teamId: UUID,
        from: STRING,
        to: STRING,
        version: INTEGER,
        reason: STRING,
        reasonCode: STRING,
      },
      required: ['dossierId', 'fullName', 'roundId', 'facilityId', 'teamId', 'from', 'to', 'version'],
    },
  },
  DossierEventController_history: {
    status: 200,
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: STRING,
          event: STRING,
          fromStage: STRING,
          toStage: STRING,
          versionRead: INTEGER,
          versionWritten: INTEGER,
          actorId: UUID,
          actorName: STRING,
          actorRole: STRING,
          reasonCode: {},
          reason: NULLABLE_STRING,
          listId: NULLABLE_UUID,
          occurredAt: DATE_TIME,
        },
        required: [
          'id',
          'event',
          'fromStage',
          'toStage',
          'versionRead',
          'versionWritten',
          'actorId',
          'actorName',
          'actorRole',
          'reasonCode',
          'reason',
          'listId',
          'occurredAt',
        ],
      },
    },
  },
  EligibilityController_evaluate: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        status: STRING,
        category: STRING,
        categoryLabel: STRING,
        packId: STRING,
        packVersion: STRING,
        roundCode: STRING,
        figures: {
          type: 'object',
          additionalProperties: true,
        },
        results: {
          type: 'array',
          items: {},
        },
        attempts: {
          type: 'array',
          items: {},
        },
        failingRuleIds: {
          type: 'array',
          items: {},
        },
        reviewRuleIds: {
          type: 'array',
          items: STRING,
        },
        toConfirm: {
          type: 'array',
          items: {},
        },
        missingEvidence: {
          type: 'array',
          items: STRING,
        },
        almostEligible: {
          type: 'array',
          items: {},
        },
        reliesOn: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              ruleId: STRING,
              label: STRING,
              source: STRING,
              confidence: STRING,
            },
            required: ['ruleId', 'label', 'source', 'confidence'],
          },
        },
        factsHash: STRING,
      },
      required: [
        'status',
        'category',
        'categoryLabel',
        'packId',
        'packVersion',
        'roundCode',
        'figures',
        'results',
        'attempts',
        'failingRuleIds',
        'reviewRuleIds',
        'toConfirm',
        'missingEvidence',
        'almostEligible',
        'reliesOn',
        'factsHash',
      ],
    },
  },
  EligibilityController_latest: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        id: UUID,
        dossierId: UUID,
        dossierVersion: INTEGER,
        roundId: UUID,
        screeningId: {},
        packId: STRING,
        packVersion: STRING,
        factsHash: STRING,
        outcome: STRING,
        category: STRING,
        result: {
          type: 'object',
          additionalProperties: true,
        },
        evaluatedAt: DATE_TIME,
        explanation: {
          type: 'object',
          additionalProperties: true,
        },
        explanationMatches: BOOLEAN,
      },
      required: [
        'id',
        'dossierId',
        'dossierVersion',
        'roundId',
        'screeningId',
        'packId',
        'packVersion',
        'factsHash',
        'outcome',
        'category',
        'result',
        'evaluatedAt',
        'explanation',
        'explanationMatches',
      ],
    },
  },
  EligibilityController_screen: { status: 202, schema: SCREENING },
  EligibilityController_status: { status: 200, schema: SCREENING },
  HealthController_live: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        status: STRING,
      },
      required: ['status'],
    },
  },
  ListController_forward: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        listId: UUID,
        code: STRING,
        entryCount: INTEGER,
        contentHash: STRING,
        from: STRING,
        to: STRING,
        recipientUnitId: UUID,
        reconciliation: {
          type: 'object',
          properties: {
            namesIn: INTEGER,
            forwarded: INTEGER,
            forwardedHere: INTEGER,
            removed: INTEGER,
            sentBack: INTEGER,
            pending: INTEGER,
          },
          required: ['namesIn', 'forwarded', 'forwardedHere', 'removed', 'sentBack', 'pending'],
        },
      },
      required: ['listId', 'code', 'entryCount', 'contentHash', 'from', 'to', 'recipientUnitId', 'reconciliation'],
    },
  },
  ListController_get: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        id: UUID,
        roundId: UUID,
        code: STRING,
        kind: STRING,
        fromStage: NULLABLE_STRING,
        toStage: NULLABLE_STRING,
        ownerUnitId: UUID,
        ownerPath: STRING,
        recipientUnitId: NULLABLE_UUID,
        recipientPath: NULLABLE_STRING,
        entryCount: INTEGER,
        contentHash: STRING,
        postedOn: NULLABLE_DATE,
        explanatoryReportId: NULLABLE_UUID,
        createdAt: DATE_TIME,
        submittedAt: NULLABLE_DATE_TIME,
        entries: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              position: INTEGER,
              dossierId: UUID,
              dossierVersion: INTEGER,
              contentHash: STRING,
              fullName: STRING,
              facilityName: STRING,
              reasonCode: NULLABLE_STRING,
              reason: NULLABLE_STRING,
            },
            required: ['position', 'dossierId', 'dossierVersion', 'contentHash', 'fullName', 'facilityName'],
          },
        },
      },
      required: ['id', 'roundId', 'code', 'kind', 'ownerUnitId', 'entryCount', 'contentHash', 'createdAt', 'entries'],
    },
  },
  ListController_index: {
    status: 200,
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: UUID,
          code: STRING,
          kind: STRING,
          fromStage: STRING,
          toStage: STRING,
          entryCount: INTEGER,
          contentHash: STRING,
          postedOn: NULLABLE_DATE,
          createdAt: DATE_TIME,
          submittedAt: NULLABLE_DATE_TIME,
          ownerName: STRING,
          recipientName: NULLABLE_STRING,
        },
        required: [
          'id',
          'code',
          'kind',
          'fromStage',
          'toStage',
          'entryCount',
          'contentHash',
          'postedOn',
          'createdAt',
          'submittedAt',
          'ownerName',
          'recipientName',
        ],
      },
    },
  },
  ListController_lineage: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        code: STRING,
        listId: UUID,
        names: INTEGER,
        complete: INTEGER,
        entries: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              dossierId: UUID,
              listCodes: {
                type: 'array',
                items: {},
              },
              ballot: {
                type: 'object',
                additionalProperties: true,
              },
              complete: BOOLEAN,
            },
            required: ['dossierId', 'listCodes', 'ballot', 'complete'],
          },
        },
      },
      required: ['code', 'listId', 'names', 'complete', 'entries'],
    },
  },
  ListController_pending: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        stage: STRING,
        stageLabel: STRING,
        count: INTEGER,
        token: STRING,
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              dossierId: UUID,
              fullName: STRING,
              version: INTEGER,
              listId: UUID,
            },
            required: ['dossierId', 'fullName', 'version', 'listId'],
          },
        },
        truncated: BOOLEAN,
      },
      required: ['stage', 'stageLabel', 'count', 'token', 'items', 'truncated'],
    },
  },
  ListController_reconciliation: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        listId: UUID,
        code: STRING,
        namesIn: INTEGER,
        forwarded: INTEGER,
        removed: INTEGER,
        sentBack: INTEGER,
        pending: INTEGER,
        outgoing: INTEGER,
        balanced: BOOLEAN,
        problems: {
          type: 'array',
          items: {},
        },
      },
      required: [
        'listId',
        'code',
        'namesIn',
        'forwarded',
        'removed',
        'sentBack',
        'pending',
        'outgoing',
        'balanced',
        'problems',
      ],
    },
  },
  OrgController_createUnit: {
    status: 201,
    schema: {
      type: 'object',
      properties: {
        id: UUID,
        code: STRING,
        name: STRING,
        kind: STRING,
        parentId: UUID,
        path: STRING,
        ministry: STRING,
        departmentKind: {},
        facilityKind: STRING,
        bodyKind: {},
        place: {},
      },
      required: [
        'id',
        'code',
        'name',
        'kind',
        'parentId',
        'path',
        'ministry',
        'departmentKind',
        'facilityKind',
        'bodyKind',
        'place',
      ],
    },
  },
  OrgController_createUser: {
    status: 201,
    schema: {
      type: 'object',
      properties: {
        id: UUID,
        username: STRING,
        fullName: STRING,
        role: STRING,
        agency: {},
        active: BOOLEAN,
        version: INTEGER,
      },
      required: ['id', 'username', 'fullName', 'role', 'agency', 'active', 'version'],
    },
  },
  OrgController_units: {
    status: 200,
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: UUID,
          code: STRING,
          name: STRING,
          kind: STRING,
          parentId: NULLABLE_UUID,
          ministry: NULLABLE_STRING,
          departmentKind: NULLABLE_STRING,
          facilityKind: NULLABLE_STRING,
          bodyKind: NULLABLE_STRING,
          place: {},
        },
        required: [
          'id',
          'code',
          'name',
          'kind',
          'parentId',
          'ministry',
          'departmentKind',
          'facilityKind',
          'bodyKind',
          'place',
        ],
      },
    },
  },
  OrgController_updateUser: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        id: UUID,
        username: STRING,
        role: STRING,
        active: BOOLEAN,
        version: INTEGER,
      },
      required: ['id', 'username', 'role', 'active', 'version'],
    },
  },
  OrgController_users: {
    status: 200,
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: UUID,
          username: STRING,
          fullName: STRING,
          role: STRING,
          agency: NULLABLE_STRING,
          active: BOOLEAN,
          version: INTEGER,
          orgUnitCode: STRING,
          orgUnitName: STRING,
        },
        required: ['id', 'username', 'fullName', 'role', 'agency', 'active', 'version', 'orgUnitCode', 'orgUnitName'],
      },
    },
  },
  RoundController_create: {
    status: 201,
    schema: {
      type: 'object',
      properties: {
        id: UUID,
        code: STRING,
      },
      required: ['id', 'code'],
    },
  },
  RoundController_get: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        id: UUID,
        code: STRING,
        name: STRING,
        rulePack: STRING,
        decisionNumber: STRING,
        decisionDate: DATE,
        guidanceRef: STRING,
        cutoffDate: DATE,
        status: STRING,
        version: INTEGER,
        postedAt: {},
        parameters: {
          type: 'object',
          additionalProperties: true,
        },
        deadlines: {
          type: 'object',
          additionalProperties: true,
        },
        issues: {
          type: 'array',
          items: {},
        },
      },
      required: [
        'id',
        'code',
        'name',
        'rulePack',
        'decisionNumber',
        'decisionDate',
        'guidanceRef',
        'cutoffDate',
        'status',
        'version',
        'postedAt',
        'parameters',
        'deadlines',
        'issues',
      ],
    },
  },
  RoundController_list: {
    status: 200,
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: UUID,
          code: STRING,
          name: STRING,
          rulePack: STRING,
          decisionNumber: NULLABLE_STRING,
          decisionDate: NULLABLE_DATE,
          guidanceRef: NULLABLE_STRING,
          cutoffDate: NULLABLE_DATE,
          status: STRING,
          version: INTEGER,
          postedAt: NULLABLE_DATE,
        },
        required: [
          'id',
          'code',
          'name',
          'rulePack',
          'decisionNumber',
          'decisionDate',
          'guidanceRef',
          'cutoffDate',
          'status',
          'version',
          'postedAt',
        ],
      },
    },
  },
  RoundController_presets: {
    status: 200,
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          code: STRING,
          title: STRING,
          rulePack: STRING,
          parameters: {
            type: 'object',
            additionalProperties: true,
          },
        },
        required: ['code', 'title', 'rulePack', 'parameters'],
      },
    },
  },
  RoundController_update: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        code: STRING,
        version: INTEGER,
      },
      required: ['code', 'version'],
    },
  },
  WorkQueueController_get: {
    status: 200,
    schema: {
      type: 'object',
      properties: {
        today: DATE,
        counts: {
          type: 'object',
          properties: {
            waiting: INTEGER,
            overdue: INTEGER,
            sentBack: INTEGER,
            complaints: INTEGER,
            overdueComplaints: INTEGER,
            overduePresentations: INTEGER,
          },
          required: ['waiting', 'overdue', 'sentBack'],
        },
        waiting: WORK_QUEUE_GROUPS,
        overdue: WORK_QUEUE_GROUPS,
        // Released persons past the round's report-by day without a recorded presentation (Luật Đặc xá 2018, Điều 20,
        // khoản 2, điểm a), for the roles that follow them; the first fifty, most overdue first.
        overduePresentations: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              certificateId: UUID,
              dossierId: UUID,
              fullName: STRING,
              number: STRING,
              facilityName: STRING,
              releasedOn: DATE,
              dueDate: DATE,
              daysOverdue: INTEGER,
            },
            required: [
              'certificateId',
              'dossierId',
              'fullName',
              'number',
              'facilityName',
              'releasedOn',
              'dueDate',
              'daysOverdue',
            ],
          },
        },
        sentBack: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: UUID,
              fullName: STRING,
              fromStage: STRING,
              reason: STRING,
              at: DATE_TIME,
            },
            required: ['id', 'fullName', 'fromStage', 'reason', 'at'],
          },
        },
      },
      required: ['today', 'counts', 'waiting', 'overdue', 'sentBack'],
    },
  },
  ...AUDIT_RESPONSE_SCHEMAS,
  ...LAW_ROUTE_RESPONSE_SCHEMAS,
  ...COURT_RESPONSE_SCHEMAS,
  ...SIMULATION_RESPONSE_SCHEMAS,
  ...AFTER_DECISION_RESPONSE_SCHEMAS,
  ...CERTIFICATE_BATCH_RESPONSE_SCHEMAS,
};
