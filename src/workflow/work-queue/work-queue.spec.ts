import { WorkflowRole as R } from '../core/roles.js';
import { Stage as S } from '../core/stages.js';
import { ComplaintLevel } from '../core/complaints.js';
import { complaintLevelsDecidedBy, stagesWaitingFor } from './work-queue.js';

describe('stagesWaitingFor', () => {
  it.each([
    { role: R.TEAM_OFFICER, stages: [S.APPLICATION, S.TEAM_BALLOT] },
    { role: R.WARDEN, stages: [S.WARDEN, S.POSTED, S.GRANTED, S.RELEASED, S.CORRECTION] },
    { role: R.DEPARTMENT_OFFICER, stages: [S.DEPARTMENT, S.RELEASED] },
    { role: R.COUNCIL_STANDING_OFFICER, stages: [S.STANDING_BODY, S.PRESIDENT] },
    { role: R.COUNCIL_MEMBER, stages: [S.ADVISORY_COUNCIL] },
  ])('$role waits at $stages', ({ role, stages }) => {
    expect(stagesWaitingFor(role)).toEqual(stages);
  });
});

describe('complaintLevelsDecidedBy', () => {
  it.each([
    { role: R.WARDEN, levels: [ComplaintLevel.FIRST] },
    { role: R.MINISTRY_OFFICER, levels: [ComplaintLevel.SECOND] },
    { role: R.COURT_PRESIDENT, levels: [ComplaintLevel.FIRST] },
    { role: R.SUPREME_COURT_OFFICER, levels: [ComplaintLevel.SECOND] },
    { role: R.COURT_OFFICER, levels: [] },
    { role: R.TEAM_OFFICER, levels: [] },
    { role: R.DEPARTMENT_OFFICER, levels: [] },
  ])('$role decides $levels', ({ role, levels }) => {
    expect(complaintLevelsDecidedBy(role)).toEqual(levels);
  });
});
