import type { SessionUser } from '../../auth/session-user.js';
import { isWorkflowRole, type WorkflowRole } from '../core/roles.js';
import { WorkflowException, WorkflowExceptionCode } from './workflow.exception.js';

export interface WorkflowActor {
  id: string;
  name: string;
  role: WorkflowRole;
  unitId: string;
  unitPath: string;
  agency: string | null;
}

export function actorOf(user: SessionUser): WorkflowActor {
  if (!isWorkflowRole(user.role)) {
    throw new WorkflowException(
      'Tài khoản quản trị không tham gia xét duyệt hồ sơ đặc xá.',
      WorkflowExceptionCode.ROLE_NOT_ALLOWED,
    );
  }
  return {
    id: user.id,
    name: user.username,
    role: user.role,
    unitId: user.orgUnitId,
    unitPath: user.orgUnitPath,
    agency: user.agency,
  };
}
