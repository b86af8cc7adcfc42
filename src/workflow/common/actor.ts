import type { SessionUser } from '../../auth/session-user.js';
import { actorOf, type Actor } from '../../kernel/actor.js';
import { isWorkflowRole, type WorkflowRole } from '../../kernel/roles.js';
import { WorkflowException, WorkflowExceptionCode } from './workflow.exception.js';

export interface WorkflowActor extends Actor {
  role: WorkflowRole;
}

// The kernel's actor, for a role that takes part in the pipeline.
export function workflowActorOf(user: SessionUser): WorkflowActor {
  if (!isWorkflowRole(user.role)) {
    throw new WorkflowException(
      'Tài khoản quản trị không tham gia xét duyệt hồ sơ đặc xá.',
      WorkflowExceptionCode.ROLE_NOT_ALLOWED,
    );
  }
  return actorOf(user) as WorkflowActor;
}
