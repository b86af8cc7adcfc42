import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';
import { ObservabilityRepository } from './observability.repository.js';
import { Readiness } from './readiness.js';

// Health probes and metrics. The drain before a shutdown is main.ts's (Readiness, SHUTDOWN_GRACE_MS), not Terminus's.
export const OBSERVABILITY_IMPORTS: DynamicModule[] = [TerminusModule.forRoot({ logger: false })];
export const OBSERVABILITY_CONTROLLERS: Type<unknown>[] = [HealthController, MetricsController];
export const OBSERVABILITY_PROVIDERS: Provider[] = [MetricsService, ObservabilityRepository, Readiness];
