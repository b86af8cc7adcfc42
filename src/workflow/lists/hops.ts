import { WorkflowRole as R } from '../core/roles.js';
import { Stage as S } from '../core/stages.js';
import { ListKind } from './list.entity.js';

// One hop of consolidation above the camp: who holds the stage, the list it sends and who receives it (DOMAIN §9).
export interface Hop {
  stage: S;
  to: S;
  role: R;
  kind: ListKind;
  recipient: { ancestorKind: 'MINISTRY' } | { bodyKind: 'APPRAISAL_TEAM' | 'COUNCIL_STANDING' | 'COUNCIL' };
  // The department and the ministry consolidate and submit the lists they received (Nghị định 76/2008/NĐ-CP, Điều 7,
  // khoản 2, điểm b–c): they may send up some of the names now and the rest later. The national bodies above them send
  // their whole list.
  choosesNames: boolean;
}

export const HOPS: readonly Hop[] = [
  {
    stage: S.DEPARTMENT,
    to: S.MINISTRY,
    role: R.DEPARTMENT_OFFICER,
    kind: ListKind.DEPARTMENT,
    recipient: { ancestorKind: 'MINISTRY' },
    choosesNames: true,
  },
  {
    stage: S.MINISTRY,
    to: S.APPRAISAL,
    role: R.MINISTRY_OFFICER,
    kind: ListKind.MINISTRY,
    recipient: { bodyKind: 'APPRAISAL_TEAM' },
    choosesNames: true,
  },
  {
    stage: S.APPRAISAL,
    to: S.STANDING_BODY,
    role: R.APPRAISER,
    kind: ListKind.APPRAISAL,
    recipient: { bodyKind: 'COUNCIL_STANDING' },
    choosesNames: false,
  },
  {
    stage: S.STANDING_BODY,
    to: S.ADVISORY_COUNCIL,
    role: R.COUNCIL_STANDING_OFFICER,
    kind: ListKind.STANDING_BODY,
    recipient: { bodyKind: 'COUNCIL' },
    choosesNames: false,
  },
];

export function hopForRole(role: R): Hop | undefined {
  return HOPS.find((h) => h.role === role);
}
