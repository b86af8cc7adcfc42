import { tryDayNumber } from '../../kernel/calendar-date.js';
import type { CategoryCode } from './categories.js';
import type { EligibilityFacts, Judgment, Offence, Sentence } from './facts.js';
import { offenceGroupMask } from './offences/offence-groups.js';
import type { RulePack } from './packs/rule-pack.js';
import type { RoundParameters } from './round/round-parameters.js';
import { computeTimeFigures, type TimeFigures } from './time/time-figures.js';

export interface DerivedOffence {
  offence: Offence;
  judgment: Judgment;
  mask: number;
  // The offence's own penalty; the judgment's when it convicts of this offence alone; otherwise null.
  sentence: Sentence | null;
}

// What every rule of one dossier shares, computed once.
export interface DossierContext {
  facts: EligibilityFacts;
  round: RoundParameters;
  pack: RulePack;
  cutoffDay: number;
  time: TimeFigures;
  offences: DerivedOffence[];
  groupMask: number;
  birthDay: number | null;
  // The camp council's meeting day: the one recorded in the facts, else the round's planned day (councilPlanned).
  councilDay: number | null;
  councilPlanned: boolean;
}

export interface RuleContext extends DossierContext {
  category: CategoryCode;
}

export function buildDossierContext(
  facts: EligibilityFacts,
  round: RoundParameters,
  pack: RulePack,
  cutoffDay: number,
): DossierContext {
  const offences: DerivedOffence[] = [];
  let groupMask = 0;
  for (const judgment of facts.judgments) {
    for (const offence of judgment.offences) {
      const mask = offenceGroupMask(offence);
      groupMask |= mask;
      const sentence = offence.sentence ?? (judgment.offences.length === 1 ? judgment.sentence : null);
      offences.push({ offence, judgment, mask, sentence });
    }
  }
  return {
    facts,
    round,
    pack,
    cutoffDay,
    time: computeTimeFigures(facts, cutoffDay, pack.aggregationCapYears),
    offences,
    groupMask,
    birthDay: tryDayNumber(facts.person.birthDate),
    ...councilDayOf(facts, round),
  };
}

function councilDayOf(
  facts: EligibilityFacts,
  round: RoundParameters,
): { councilDay: number | null; councilPlanned: boolean } {
  const held = tryDayNumber(facts.councilMeetingDate);
  if (held !== null) return { councilDay: held, councilPlanned: false };
  const planned = tryDayNumber(round.dates.campCouncil?.value ?? null);
  return { councilDay: planned, councilPlanned: planned !== null };
}
