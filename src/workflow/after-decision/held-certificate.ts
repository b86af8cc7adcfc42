import type { EntityManager } from 'typeorm';
import { ScopedRecord, type ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { NotFoundException } from '../../common/app.exception.js';
import { workflowActorOf } from '../common/actor.js';
import type { AfterDecisionRepository, CertificateRow } from './after-decision.repository.js';

// A certificate the caller handles: one it may read (ScopeService's certificate rule) and either issues (a facility in
// the caller's unit subtree: the camp, or the department above it that issues certificates for provincial and
// military-region camps; a court for its persons on suspension) or is named by as the commune or military unit of the
// presentation. Anything else does not exist for the caller.
export async function heldCertificate(input: {
  manager: EntityManager;
  repository: AfterDecisionRepository;
  scope: ScopeService;
  user: SessionUser;
  id: string;
}): Promise<CertificateRow> {
  const actor = workflowActorOf(input.user);
  const c = await input.repository.certificate(input.manager, input.id);
  const handles = c && (c.facilityPath.startsWith(actor.unitPath) || c.presentationUnitId === actor.unitId);
  const visible =
    handles &&
    (await input.scope.visibleIds(input.manager, input.user, ScopedRecord.CERTIFICATE, [input.id])).length > 0;
  if (!c || !visible) throw new NotFoundException('giấy chứng nhận đặc xá');
  return c;
}
