import type { DocumentHeading, MeetingInfo, Signature } from './common.js';

export interface BallotFigures {
  issued: number;
  returned: number;
  valid: number;
  inFavour: number;
  // Share of valid ballots in favour, e.g. "85,71%".
  percentInFavour: string;
}

export interface TeamMinutesCandidate {
  order: number;
  fullName: string;
  birthYear: string;
  offence: string;
  sentence: string;
  ballot: BallotFigures;
  // The supervising officer's opinion on the person (Decree 52/2019, Art 7(2)).
  officerOpinion: string;
}

export interface TeamMinutesViewModel {
  heading: DocumentHeading;
  meeting: MeetingInfo;
  teamName: string;
  roundName: string;
  attendance: { total: number; present: number; absent: number; absentNote: string };
  agenda: string[];
  candidates: TeamMinutesCandidate[];
  conclusion: string;
  closedAt: string;
  signatures: Signature[];
}
