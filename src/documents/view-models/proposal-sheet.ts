import type { DocumentHeading, PersonIdentity, Signature } from './common.js';

export interface LabelledValue {
  label: string;
  value: string;
}

export interface RuleResultLine {
  // The rule's own title, e.g. "Chấp hành tốt, được xếp loại Khá hoặc Tốt".
  title: string;
  citation: string;
  // "Đạt" / "Không đạt" / "Không áp dụng".
  outcome: string;
  // The engine's sentence with the actual figures filled in.
  reason: string;
}

export interface ProposalSheetViewModel {
  heading: DocumentHeading;
  person: PersonIdentity & {
    ethnicity: string;
    nationality: string;
    idNumber: string;
    residence: string;
    intendedResidence: string;
  };
  judgments: { number: string; date: string; court: string; offence: string; sentence: string }[];
  // Sentence arithmetic as the engine computed it: custody start, cut-off date, time served, reductions, remainder.
  sentenceFigures: LabelledValue[];
  conduct: { period: string; rating: string }[];
  obligations: LabelledValue[];
  category: string;
  engine: {
    rulePackVersion: string;
    roundName: string;
    evaluatedAt: string;
    outcome: string;
    // For an eligible dossier, the conditions met (figures and articles) first.
    results: RuleResultLine[];
    // Round values of confidence K or ? the result rests on, each with its source.
    reliesOn: string[];
    // The camp council's meeting date the medical papers were dated against, and where it came from.
    councilDate: string;
  };
  teamBallot: string;
  councilProposal: string;
  signatures: Signature[];
}
