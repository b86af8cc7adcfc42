import type { Provider } from '@nestjs/common';
import { AuditCheckpoints } from './audit-checkpoints.js';
import { AuditVerifier } from './audit-verifier.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';
import { DossierStateRepository } from './dossier-state.repository.js';
import { ProtectedRowsRepository } from './protected-rows.repository.js';

export const AUDIT_PROVIDERS: Provider[] = [
  AuditRepository,
  ProtectedRowsRepository,
  DossierStateRepository,
  AuditCheckpoints,
  AuditService,
  AuditVerifier,
];
