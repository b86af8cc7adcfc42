import { Stage } from '../workflow/core/stages.js';

// What is before the inter-agency appraisal team (Tổ thẩm định liên ngành), as SQL conditions over one row of
// `dossiers`; part of the scope rules of scope-filters.ts.
//
// The Minister of Public Security, the Minister of National Defence and the Chief Justice send the team both lists a
// facility or a court made: the names proposed as eligible and those proposed as not eligible, and the team's record
// carries an eligible and an ineligible list (Luật Đặc xá 2018, Điều 16, khoản 1–2; Nghị định 52/2019/NĐ-CP, Điều 8,
// khoản 3: each member writes its opinion, with the reason where it finds a name ineligible). So the team reads and
// gives opinions on the ineligible names too, not only on those at its own stage.

// The stages of a name left off a facility's or a court's eligible list, which go to the team with that list.
export const INELIGIBLE_STAGES_BEFORE_TEAM: readonly Stage[] = [Stage.CAMP_INELIGIBLE, Stage.COURT_INELIGIBLE];

// The stages at which the team's findings and opinions are given and settled: the team's own, and the standing body's,
// which settles them before the lists go to the Council (Nghị định 76/2008/NĐ-CP, Điều 8, khoản 2).
export const APPRAISAL_STAGES: readonly Stage[] = [Stage.APPRAISAL, Stage.STANDING_BODY];

const inList = (stages: readonly Stage[]) => stages.map((s) => `'${s}'`).join(', ');

// A name on an ineligible list that reached the team: the facility's (or court's) lists of the round reach it together,
// so they have once one of its names in the round moved to the team's stage (`appraisal_reached`, written with that
// move's history). A name put back by a complaint leaves these stages and is before the team, if at all, at the team's
// own stage.
export function ineligibleBeforeTeam(a: string): string {
  return `(${a}.stage IN (${inList(INELIGIBLE_STAGES_BEFORE_TEAM)}) AND EXISTS (
    SELECT 1 FROM appraisal_reached rr WHERE rr.round_id = ${a}.round_id AND rr.facility_id = ${a}.facility_id))`;
}

// A name the team (and the standing body after it) works on: at their stages, or on an ineligible list before the team.
export function beforeAppraisalTeam(a: string): string {
  return `(${a}.stage IN (${inList(APPRAISAL_STAGES)}) OR ${ineligibleBeforeTeam(a)})`;
}
