// What the steps after the President's decision contribute to the workflow feature's arrays.
import type { Provider, Type } from '@nestjs/common';
import { AfterDecisionController } from './after-decision.controller.js';
import { CertificateCopyEntity, DecisionPostingEntity } from './after-decision.entity.js';
import { AfterDecisionRepository } from './after-decision.repository.js';
import { AfterDecisionService } from './after-decision.service.js';
import { ForeignMinistryNoticeController } from '../foreign-ministry/foreign-ministry-notice.controller.js';
import {
  ForeignMinistryNoticeDossierEntity,
  ForeignMinistryNoticeEntity,
} from '../foreign-ministry/foreign-ministry-notice.entity.js';
import { ForeignMinistryNoticeRepository } from '../foreign-ministry/foreign-ministry-notice.repository.js';
import { ForeignMinistryNoticeService } from '../foreign-ministry/foreign-ministry-notice.service.js';
import { PresentationService } from './presentation.service.js';

// The notice to the Ministry of Foreign Affairs of the foreigners on the decision (a round choice) rides along here.
export const AFTER_DECISION_CONTROLLERS: Type<unknown>[] = [AfterDecisionController, ForeignMinistryNoticeController];
export const AFTER_DECISION_PROVIDERS: Provider[] = [
  AfterDecisionRepository,
  AfterDecisionService,
  PresentationService,
  ForeignMinistryNoticeRepository,
  ForeignMinistryNoticeService,
];
export const AFTER_DECISION_ENTITIES: Function[] = [
  DecisionPostingEntity,
  CertificateCopyEntity,
  ForeignMinistryNoticeEntity,
  ForeignMinistryNoticeDossierEntity,
];
