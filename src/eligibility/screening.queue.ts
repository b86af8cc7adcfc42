import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobQueue } from '../jobs/job-queue.service.js';
import { ScreeningService } from './screening.service.js';

export const SCREENING_QUEUE = 'eligibility-screening';

// Screenings run on the shared job queue, so any API or worker process may pick them up.
@Injectable()
export class ScreeningQueue {
  constructor(
    private readonly jobs: JobQueue,
    screenings: ScreeningService,
  ) {
    jobs.register<{ screeningId: string }>(
      SCREENING_QUEUE,
      async ({ screeningId }) => {
        await screenings.run(screeningId);
      },
      { timeoutSeconds: 900 },
    );
  }

  enqueue(screeningId: string, manager?: EntityManager): Promise<string> {
    return this.jobs.send(SCREENING_QUEUE, { screeningId }, manager);
  }
}
