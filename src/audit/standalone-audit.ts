import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { type AppConfig, loadConfig } from '../config/app-config.js';
import { AuditCheckpoints } from './audit-checkpoints.js';
import { AuditVerifier } from './audit-verifier.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';
import { DossierStateRepository } from './dossier-state.repository.js';
import { ProtectedRowsRepository } from './protected-rows.repository.js';

export interface StandaloneAudit {
  audit: AuditService;
  verifier: AuditVerifier;
  checkpoints: AuditCheckpoints;
  // Waits for the last checkpoints to be written; call before the data source is destroyed.
  close(): Promise<void>;
}

// The audit chain wired by hand, for the command-line tools, seeds and benchmarks that run without the application:
// they append and sign exactly as the service does.
export function createStandaloneAudit(dataSource: DataSource, config: AppConfig = loadConfig()): StandaloneAudit {
  const clock = new Clock();
  const repository = new AuditRepository(dataSource);
  const rows = new ProtectedRowsRepository();
  const checkpoints = new AuditCheckpoints(config, dataSource, clock);
  return {
    audit: new AuditService(clock, repository, rows, checkpoints),
    verifier: new AuditVerifier(dataSource, repository, rows, new DossierStateRepository(), checkpoints),
    checkpoints,
    close: async () => {
      await checkpoints.onApplicationShutdown();
      await repository.onApplicationShutdown();
    },
  };
}

// An audit area of its own (key and checkpoints), for a throw-away database such as a benchmark's.
export function auditConfigIn(dir: string): AppConfig['audit'] {
  return {
    keyFile: join(dir, 'signing-key.pem'),
    checkpointDir: join(dir, 'checkpoints'),
    checkpointIntervalSeconds: 60,
  };
}
