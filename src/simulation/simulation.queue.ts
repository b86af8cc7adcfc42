import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobQueue } from '../jobs/job-queue.service.js';
import { SimulationService } from './simulation.service.js';

export const SIMULATION_QUEUE = 'eligibility-simulation';

// Simulations run on the shared job queue, like screenings, so the page only polls their progress.
@Injectable()
export class SimulationQueue {
  constructor(
    private readonly jobs: JobQueue,
    simulations: SimulationService,
  ) {
    jobs.register<{ simulationId: string }>(
      SIMULATION_QUEUE,
      async ({ simulationId }) => {
        await simulations.run(simulationId);
      },
      { timeoutSeconds: 900 },
    );
  }

  enqueue = (simulationId: string, manager?: EntityManager): Promise<string> =>
    this.jobs.send(SIMULATION_QUEUE, { simulationId }, manager);
}
