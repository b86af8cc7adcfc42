import type { Provider, Type } from '@nestjs/common';
import { SimulationCache } from './simulation-cache.js';
import { SimulationController } from './simulation.controller.js';
import { SimulationQueue } from './simulation.queue.js';
import { SimulationRepository } from './simulation.repository.js';
import { SimulationService } from './simulation.service.js';

// What the simulation feature contributes to the application (its page is registered with the web's).
export const SIMULATION_CONTROLLERS: Type<unknown>[] = [SimulationController];
export const SIMULATION_PROVIDERS: Provider[] = [
  SimulationCache,
  SimulationRepository,
  SimulationService,
  SimulationQueue,
];
