import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { AppConfig } from '../config/app-config.js';
import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';
import { Readiness } from './readiness.js';

// Health probes and metrics. Terminus delays a signalled shutdown by the grace period while /health/ready says 503.
export const OBSERVABILITY_IMPORTS = (config: AppConfig): DynamicModule[] => [
  TerminusModule.forRoot({ gracefulShutdownTimeoutMs: config.shutdownGraceMs, logger: false }),
];
export const OBSERVABILITY_CONTROLLERS: Type<unknown>[] = [HealthController, MetricsController];
export const OBSERVABILITY_PROVIDERS: Provider[] = [MetricsService, Readiness];
