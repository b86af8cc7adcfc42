import type { AuditEntry } from '../../audit/audit.service.js';
import { protectedRows } from '../../audit/protected-rows.js';
import type { WorkflowActor } from '../common/actor.js';
import type { CreatedList } from './list.repository.js';

// The audit rows of the lists a camp or a court posts together (the eligible list and the ineligible list beside it),
// each committing to the frozen list's rows.
export function postedListAudits(
  actor: WorkflowActor,
  lists: readonly (CreatedList | null)[],
  postedOn: string,
): AuditEntry[] {
  return lists
    .filter((l) => l !== null)
    .map((l) => ({
      actor: { id: actor.id, name: actor.name },
      action: 'list.post',
      entityType: 'list',
      entityId: l.id,
      after: { code: l.code, entryCount: l.entryCount, contentHash: l.contentHash, postedOn },
      rows: protectedRows.list(l.id),
    }));
}
