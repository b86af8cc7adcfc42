import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobQueue } from '../jobs/job-queue.service.js';
import { ScreeningPartJobs, WORKER_STOPPED_FAILURE } from './screening-part-jobs.js';
import { ScreeningService } from './screening.service.js';

export const SCREENING_QUEUE = 'eligibility-screening';

// Screenings run on the shared job queue, so any API or worker process may pick them up; a large one is split by its
// job into part jobs that every worker may take (ScreeningPartJobs).
@Injectable()
export class ScreeningQueue {
  constructor(
    private readonly jobs: JobQueue,
    screenings: ScreeningService,
    parts: ScreeningPartJobs,
  ) {
    jobs.register<{ screeningId: string }>(
      SCREENING_QUEUE,
      async ({ screeningId }, context) => {
        await screenings.run(screeningId, context, (claimed) => parts.fanOut(claimed));
      },
      {
        timeoutSeconds: 900,
        onGiveUp: ({ screeningId }) => screenings.fail(screeningId, WORKER_STOPPED_FAILURE),
      },
    );
  }

  enqueue(screeningId: string, manager?: EntityManager): Promise<string> {
    return this.jobs.send(SCREENING_QUEUE, { screeningId }, manager);
  }
}
