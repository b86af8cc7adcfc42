import { OrgUnitEntity } from '../org/org-unit.entity.js';
import { UserEntity } from '../auth/user.entity.js';
import { SessionEntity } from '../auth/session.entity.js';
import { RoundEntity } from '../rounds/round.entity.js';
import { DossierEntity, DossierVersionEntity } from '../dossiers/dossier.entity.js';
import { DOSSIER_CHILD_ENTITIES } from '../dossiers/dossier-children.entity.js';
import { EligibilityResultEntity, ScreeningEntity } from '../eligibility/eligibility-result.entity.js';
import { AuditLogEntity } from '../audit/audit-log.entity.js';
import { JobLeaseEntity } from '../jobs/job-lease.entity.js';
import { DossierImportEntity } from '../dossiers/spreadsheet/dossier-import.entity.js';
import { WORKFLOW_ENTITIES } from '../workflow/workflow.registry.js';
import { DOCUMENTS_ENTITIES } from '../documents/documents.registry.js';
import { SIMULATION_ENTITIES } from '../simulation/simulation.entity.js';

// Every TypeORM entity, registered once.
export const CORE_ENTITIES: Function[] = [
  OrgUnitEntity,
  UserEntity,
  SessionEntity,
  RoundEntity,
  DossierEntity,
  DossierVersionEntity,
  ...DOSSIER_CHILD_ENTITIES,
  EligibilityResultEntity,
  ScreeningEntity,
  AuditLogEntity,
  JobLeaseEntity,
  DossierImportEntity,
];
export const ENTITIES: Function[] = [
  ...CORE_ENTITIES,
  ...WORKFLOW_ENTITIES,
  ...DOCUMENTS_ENTITIES,
  ...SIMULATION_ENTITIES,
];
