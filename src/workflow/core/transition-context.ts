import type { PresentationFiling } from './after-decision.js';
import type { AppraisalMembership } from './appraisal-team.js';
import type { ComplaintFiling } from './complaints.js';
import type { RoundDeadlines } from './deadlines.js';
import type { ReasonCode } from './reason-codes.js';
import type { WorkflowRole } from './roles.js';
import type { Stage } from './stages.js';

// Everything a guard may look at. The service fills it from the dossier, the request and related records.
export interface TransitionContext {
  actorId: string;
  role: WorkflowRole;
  // Users who entered or last changed the dossier: they may not approve it at the next stage.
  editorIds: readonly string[];
  reason?: string;
  reasonCode?: ReasonCode;
  // Stage that sent the dossier back to the camp; only that stage can receive it again.
  sentBackFrom?: Stage;
  // Result of the team's secret ballot against the round's threshold.
  ballotPassed?: boolean;
  openFlagCount?: number;
  // Agencies still disagree on the dossier after the standing body's resolution.
  agenciesDisagree?: boolean;
  hasExplanatoryReport?: boolean;
  // Date written on the inmate's application (null: none filed) and the round's deadlines it is checked against.
  applicationDate?: string | null;
  deadlines?: RoundDeadlines;
  // The eligibility engine has evaluated the dossier's latest content version.
  evaluatedLatestVersion?: boolean;
  // A complaint being filed: its receipt date against the period the round gives it.
  complaintFiling?: ComplaintFiling;
  // Where an accepted complaint puts the name (the level the facility's list has reached); null: too late to add it.
  complaintTarget?: Stage | null;
  // The camp that made the list carrying the dossier has recorded its notice to the competent procuracy.
  procuracyNotified?: boolean;
  // Whether the person serves in a camp or is on suspension / postponement (the courts' route, Điều 15, khoản 3).
  inmateStatus?: 'SERVING' | 'SUSPENDED' | 'POSTPONED';
  // What the court's officer records with the proposal: the court's proposal and the commune's or military unit's
  // comment on conduct during the suspension (Luật Đặc xá 2018, Điều 14, khoản 5).
  courtProposal?: { proposal: boolean; conductComment: boolean };
  // The dossier is held by a court (its list was the court's): the court president issues the certificate.
  heldAtCourt?: boolean;
  // The round's required appraisal agencies and those of them that have not given an opinion on the name.
  appraisalMembership?: AppraisalMembership;
  // The round lets the camp council reconsider a person the team did not put forward (procedure.campCouncilMayReconsider).
  councilMayReconsider?: boolean | null;
  // A presentation of the certificate being recorded: its day against the day of release and today.
  presentation?: PresentationFiling;
}

export enum TransitionErrorCode {
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
  GUARD_FAILED = 'GUARD_FAILED',
  SAME_PERSON = 'SAME_PERSON',
}

export interface GuardFailure {
  field?: string;
  // A finer code for the field error than GUARD_FAILED, when a client can act on it.
  code?: string;
  message: string;
}

export type Guard = (ctx: TransitionContext) => GuardFailure | null;
