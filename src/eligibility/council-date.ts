import type { IsoDate, RoundParameters } from './core/index.js';

// Which camp-council meeting date a dossier's medical papers were dated against (Decree 52/2019 Art 5(3)(c)), in
// order of precedence: the date recorded with the council's decision on this dossier; the date the dossier itself
// carries (exchange format); the latest meeting of its facility's council in the round; the round's planned date.
export type CouncilDateSource = 'COUNCIL_DECISION' | 'DOSSIER' | 'FACILITY_COUNCIL' | 'ROUND_PLAN' | 'NONE';

export interface CouncilDate {
  date: IsoDate | null;
  source: CouncilDateSource;
}

export const COUNCIL_DATE_LABELS: Readonly<Record<CouncilDateSource, string>> = {
  COUNCIL_DECISION: 'ngày họp ghi cùng quyết định của Hội đồng xét đề nghị đặc xá',
  DOSSIER: 'ngày họp ghi trong hồ sơ',
  FACILITY_COUNCIL: 'ngày họp gần nhất của Hội đồng xét đề nghị đặc xá của trại',
  ROUND_PLAN: 'ngày họp dự kiến theo kế hoạch của đợt (Hội đồng chưa họp)',
  NONE: 'chưa có ngày họp Hội đồng',
};

// Recorded dates as the workflow keeps them; the facts receive the held date only, the plan stays the engine's.
export interface RecordedCouncilDates {
  decision: IsoDate | null;
  facility: IsoDate | null;
}

export function councilDateOf(
  dossierDate: IsoDate | null | undefined,
  recorded: RecordedCouncilDates,
  round: RoundParameters,
): CouncilDate {
  if (recorded.decision) return { date: recorded.decision, source: 'COUNCIL_DECISION' };
  if (dossierDate) return { date: dossierDate, source: 'DOSSIER' };
  if (recorded.facility) return { date: recorded.facility, source: 'FACILITY_COUNCIL' };
  const planned = round.dates.campCouncil?.value ?? null;
  return planned ? { date: planned, source: 'ROUND_PLAN' } : { date: null, source: 'NONE' };
}

// The held date to put in the facts: none when only the plan is known (the engine then uses the plan and says so).
export function heldDate(c: CouncilDate): IsoDate | null {
  return c.source === 'ROUND_PLAN' || c.source === 'NONE' ? null : c.date;
}
