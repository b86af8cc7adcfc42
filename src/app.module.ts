import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { AppConfig } from './config/app-config.js';
import { APP_CONFIG } from './config/config.tokens.js';
import { DATA_SOURCE_PROVIDER, DATABASE_URL } from './database/database.providers.js';
import { Clock } from './common/clock.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { AUDIT_PROVIDERS } from './audit/audit.registry.js';
import { AuditController } from './audit/audit.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { ApiCsrfGuard } from './auth/api-csrf.guard.js';
import { AuthRepository } from './auth/auth.repository.js';
import { AuthService } from './auth/auth.service.js';
import { ScopeRepository } from './auth/scope.repository.js';
import { ScopeService } from './auth/scope.service.js';
import { CORE_FEATURE_CONTROLLERS, CORE_FEATURE_PROVIDERS } from './core.registry.js';
import { WORKFLOW_CONTROLLERS, WORKFLOW_PROVIDERS } from './workflow/workflow.registry.js';
import { DOCUMENTS_CONTROLLERS, DOCUMENTS_PROVIDERS } from './documents/documents.registry.js';
import { SIMULATION_CONTROLLERS, SIMULATION_PROVIDERS } from './simulation/simulation.registry.js';
import {
  OBSERVABILITY_CONTROLLERS,
  OBSERVABILITY_IMPORTS,
  OBSERVABILITY_PROVIDERS,
} from './observability/observability.registry.js';
import { SPREADSHEET_CONTROLLERS, SPREADSHEET_PROVIDERS } from './dossiers/spreadsheet/spreadsheet.registry.js';

// One flat module: every feature contributes arrays of controllers and providers, so no cycles can form.
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: OBSERVABILITY_IMPORTS,
      controllers: [
        ...OBSERVABILITY_CONTROLLERS,
        AuthController,
        AuditController,
        ...CORE_FEATURE_CONTROLLERS,
        ...WORKFLOW_CONTROLLERS,
        ...DOCUMENTS_CONTROLLERS,
        ...SIMULATION_CONTROLLERS,
        ...SPREADSHEET_CONTROLLERS,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: databaseUrl },
        DATA_SOURCE_PROVIDER,
        Clock,
        ...AUDIT_PROVIDERS,
        AuthRepository,
        AuthService,
        ScopeRepository,
        ScopeService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: ApiCsrfGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        ...CORE_FEATURE_PROVIDERS,
        ...WORKFLOW_PROVIDERS,
        ...DOCUMENTS_PROVIDERS,
        ...SIMULATION_PROVIDERS,
        ...OBSERVABILITY_PROVIDERS,
        ...SPREADSHEET_PROVIDERS,
      ],
      exports: [],
    };
  }
}
