import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobQueue } from '../jobs/job-queue.service.js';
import { EligibilityErrorCode } from './eligibility.exception.js';
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
      async ({ screeningId }, context) => {
        await screenings.run(screeningId, context);
      },
      {
        timeoutSeconds: 900,
        onGiveUp: ({ screeningId }) =>
          screenings.fail(screeningId, {
            code: EligibilityErrorCode.SCREENING_WORKER_STOPPED,
            message:
              'Không hoàn thành được lượt rà soát: máy xử lý dừng đột ngột ở cả lần thử cuối. Vui lòng chạy lại lượt rà soát.',
          }),
      },
    );
  }

  enqueue(screeningId: string, manager?: EntityManager): Promise<string> {
    return this.jobs.send(SCREENING_QUEUE, { screeningId }, manager);
  }
}
