import type { DataSource } from 'typeorm';
import { createStandaloneAudit } from '../../src/audit/standalone-audit.js';
import { ScopeRepository } from '../../src/auth/scope.repository.js';
import { ScopeService } from '../../src/auth/scope.service.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { EligibilityRepository } from '../../src/eligibility/eligibility.repository.js';
import { RoundRepository } from '../../src/rounds/round.repository.js';
import { RoundService } from '../../src/rounds/round.service.js';
import { SimulationCache } from '../../src/simulation/simulation-cache.js';
import { SimulationRepository } from '../../src/simulation/simulation.repository.js';
import { SimulationService } from '../../src/simulation/simulation.service.js';

// A simulation service on its own cache (its threads) and audit trail, outside the application, for the specs that
// call `simulate` directly; `close` ends both.
export function simulationService(
  dataSource: DataSource,
  config: Pick<AppConfig, 'screeningThreads'> & Partial<Pick<AppConfig, 'simulationFactsKept'>>,
): { service: SimulationService; cache: SimulationCache; close: () => Promise<void> } {
  const audit = createStandaloneAudit(dataSource, loadConfig());
  const cache = new SimulationCache();
  const service = new SimulationService(
    dataSource,
    new SimulationRepository(),
    new EligibilityRepository(),
    new RoundService(dataSource, new RoundRepository(dataSource), audit.audit),
    new ScopeService(new ScopeRepository()),
    audit.audit,
    cache,
    config,
  );
  return {
    service,
    cache,
    close: async () => {
      await cache.close();
      await audit.close();
    },
  };
}
