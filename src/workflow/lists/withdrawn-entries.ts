import type { EntityManager } from 'typeorm';
import { WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import { ReasonCode } from '../core/reason-codes.js';
import { Disposition } from '../core/reconciliation.js';
import { Stage } from '../core/stages.js';
import type { ListRepository } from './list.repository.js';

// A name withdrawn between posting a list and sending it still stands on the frozen list; the recipient receives it
// already accounted for (removed, reason "withdrawn"), so its reconciliation balances. Any other departure from the
// posted stage means the list no longer holds what was posted.
export async function accountForWithdrawn(
  manager: EntityManager,
  lists: ListRepository,
  input: { listId: string; heads: readonly { id: string; stage: string }[]; postedStage: Stage; decidedBy: string },
): Promise<void> {
  for (const gone of input.heads.filter((h) => h.stage !== input.postedStage)) {
    if (gone.stage !== Stage.WITHDRAWN)
      throw new WorkflowException(
        'Danh sách có hồ sơ không còn ở bước đã niêm yết.',
        WorkflowExceptionCode.INVALID_TRANSITION,
      );
    await lists.dispose(manager, {
      listId: input.listId,
      dossierId: gone.id,
      disposition: Disposition.REMOVED,
      reasonCode: ReasonCode.WITHDRAWN,
      decidedBy: input.decidedBy,
    });
  }
}
