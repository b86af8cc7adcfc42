import type { Provider, Type } from '@nestjs/common';
import { DossierController } from './dossiers/dossier.controller.js';
import { DossierListRepository } from './dossiers/dossier-list.repository.js';
import { DossierListService } from './dossiers/dossier-list.service.js';
import { DossierRepository } from './dossiers/dossier.repository.js';
import { DossierService } from './dossiers/dossier.service.js';
import { EligibilityController } from './eligibility/eligibility.controller.js';
import { EligibilityRepository } from './eligibility/eligibility.repository.js';
import { EligibilityService } from './eligibility/eligibility.service.js';
import { StoredVerdicts } from './eligibility/stored-verdicts.js';
import { ScreeningPartJobs } from './eligibility/screening-part-jobs.js';
import { ScreeningPartsRepository } from './eligibility/screening-parts.repository.js';
import { ScreeningQueue } from './eligibility/screening.queue.js';
import { ScreeningRepository } from './eligibility/screening.repository.js';
import { ScreeningService } from './eligibility/screening.service.js';
import { JobQueue } from './jobs/job-queue.service.js';
import { RoundController } from './rounds/round.controller.js';
import { RoundRepository } from './rounds/round.repository.js';
import { RoundService } from './rounds/round.service.js';
import { OrgController } from './org/org.controller.js';
import { OrgRepository } from './org/org.repository.js';
import { OrgService } from './org/org.service.js';
import { WEB_CONTROLLERS, WEB_PROVIDERS } from './web/web.registry.js';

// Controllers and providers of the core features (organisation, rounds, dossiers, eligibility, web).
export const CORE_FEATURE_CONTROLLERS: Type<unknown>[] = [
  DossierController,
  OrgController,
  RoundController,
  EligibilityController,
  ...WEB_CONTROLLERS,
];
export const CORE_FEATURE_PROVIDERS: Provider[] = [
  DossierRepository,
  DossierService,
  DossierListService,
  DossierListRepository,
  OrgRepository,
  OrgService,
  RoundRepository,
  RoundService,
  EligibilityRepository,
  EligibilityService,
  StoredVerdicts,
  ScreeningRepository,
  ScreeningService,
  ScreeningPartsRepository,
  ScreeningPartJobs,
  ScreeningQueue,
  JobQueue,
  ...WEB_PROVIDERS,
];
