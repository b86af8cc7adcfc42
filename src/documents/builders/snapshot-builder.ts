import type { EntityManager } from 'typeorm';
import type { DocumentKind } from '../view-models/common.js';
import type { DocumentSnapshot } from '../view-models/view-model-map.js';

// What a document is made from: a frozen record of the workflow (a list snapshot, a team meeting …).
export enum DocumentSourceType {
  LIST_SNAPSHOT = 'list-snapshot',
  TEAM_MEETING = 'team-meeting',
  DOSSIER = 'dossier',
  CERTIFICATE = 'certificate',
  EXPLANATORY_REPORT = 'explanatory-report',
  COMPLAINT = 'complaint',
  PROCURACY_NOTICE = 'procuracy-notice',
  APPRAISAL_RECORD = 'appraisal-record',
  // A facility's released persons' certificates issued together (certificate-batch/).
  CERTIFICATE_BATCH = 'certificate-batch',
}

export interface SignerInput {
  authority: string | null;
  title: string;
  name: string;
}

// What the clerk supplies that the records do not hold: the number from the registry book, the signer, the
// recipients; place and date default to the issuing unit's place and today.
export interface DocumentRequest {
  kind: DocumentKind;
  sourceType: DocumentSourceType;
  sourceId: string;
  number: string;
  place: string | null;
  date: string | null;
  signer: SignerInput;
  recipients: string[];
  // The requester's own unit: the issuer of documents a body writes about someone else's record (an appraisal note).
  requesterUnitId: string;
}

export interface BuiltSnapshot {
  snapshot: DocumentSnapshot;
  issuerUnitId: string;
}

export interface SnapshotBuilder {
  readonly sourceType: DocumentSourceType;
  readonly kinds: readonly DocumentKind[];
  // `manager` is a transaction's, on a single connection: a builder's queries run one after another, never together.
  build(manager: EntityManager, request: DocumentRequest, today: string): Promise<BuiltSnapshot>;
  // The recipients the law names for a document about this source, offered in "Nơi nhận" and printed unless the
  // official edits them; a kind whose builder adds its law's recipients itself has none to offer.
  lawRecipients?(manager: EntityManager, sourceId: string): Promise<string[]>;
}
