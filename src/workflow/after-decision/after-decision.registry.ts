// What the steps after the President's decision contribute to the workflow feature's arrays.
import type { Provider, Type } from '@nestjs/common';
import { AfterDecisionController } from './after-decision.controller.js';
import { CertificateCopyEntity, DecisionPostingEntity } from './after-decision.entity.js';
import { AfterDecisionRepository } from './after-decision.repository.js';
import { AfterDecisionService } from './after-decision.service.js';
import { PresentationService } from './presentation.service.js';

export const AFTER_DECISION_CONTROLLERS: Type<unknown>[] = [AfterDecisionController];
export const AFTER_DECISION_PROVIDERS: Provider[] = [
  AfterDecisionRepository,
  AfterDecisionService,
  PresentationService,
];
export const AFTER_DECISION_ENTITIES: Function[] = [DecisionPostingEntity, CertificateCopyEntity];
