import type { DocumentHeading, MeetingInfo, Signature } from './common.js';

export interface CouncilMember {
  fullName: string;
  role: string;
}

export interface CouncilDecisionRow {
  order: number;
  fullName: string;
  birthYear: string;
  teamName: string;
  // Share in favour at the team's secret ballot, already formatted.
  teamBallot: string;
  // "Đủ điều kiện" / "Không đủ điều kiện".
  decision: string;
  // Reason and citation, "" when eligible.
  reason: string;
  citation: string;
}

export interface CouncilMinutesViewModel {
  heading: DocumentHeading;
  meeting: MeetingInfo;
  roundName: string;
  members: CouncilMember[];
  observers: string[];
  decisions: CouncilDecisionRow[];
  totals: { reviewed: number; eligible: number; ineligible: number };
  conclusion: string;
  closedAt: string;
  signatures: Signature[];
}
