import type { Provider, Type } from '@nestjs/common';
import { DossierController } from './dossiers/dossier.controller.js';
import { DossierListService } from './dossiers/dossier-list.service.js';
import { DossierRepository } from './dossiers/dossier.repository.js';
import { DossierService } from './dossiers/dossier.service.js';
import { OrgController } from './org/org.controller.js';
import { OrgService } from './org/org.service.js';

// Controllers and providers of the core features (organisation, rounds, dossiers, eligibility, web).
export const CORE_FEATURE_CONTROLLERS: Type<unknown>[] = [DossierController, OrgController];
export const CORE_FEATURE_PROVIDERS: Provider[] = [DossierRepository, DossierService, DossierListService, OrgService];
