import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config/app-config.js';
import { JobQueue, POLLING_SECONDS } from '../../src/jobs/job-queue.service.js';

const JOBS = 12;

// A worker that has just finished a job takes the next one at once: a round's hundreds of short documents are not
// spaced out by the queue's polling interval. (pg-boss alone waits out the interval after every fetch.)
describe('the job queue with many short jobs waiting', () => {
  let queue: JobQueue | undefined;

  afterAll(async () => {
    await queue?.stop();
  });

  it('runs them back to back instead of one per polling interval', async () => {
    // The owner's connection, as the migrations that create the application's queues use; this queue is the test's.
    queue = new JobQueue(process.env.TEST_DATABASE_URL!, loadConfig({ ...process.env, DEMO_DATA: 'false' }));
    const name = `drain-test-${randomUUID().slice(0, 8)}`;
    const runs: { n: number; start: number; end: number }[] = [];
    let allRun!: () => void;
    const done = new Promise<void>((resolve) => (allRun = resolve));
    queue.register<{ n: number }>(
      name,
      async ({ n }) => {
        const start = Date.now();
        await new Promise((resolve) => setTimeout(resolve, 5));
        runs.push({ n, start, end: Date.now() });
        if (runs.length === JOBS) allRun();
      },
      { timeoutSeconds: 60 },
    );
    for (let n = 0; n < JOBS; n += 1) await queue.send(name, { n });
    await queue.onApplicationBootstrap();
    await done;

    expect(runs.map((r) => r.n).sort((a, b) => a - b)).toEqual([...Array(JOBS).keys()]);
    // The pause between the end of one job and the start of the next, with one worker: without the early look it is
    // the rest of the polling interval every time.
    const pauses = runs
      .slice(1)
      .map((r, i) => r.start - runs[i].end)
      .sort((a, b) => a - b);
    expect(pauses.every((p) => p >= 0)).toBe(true);
    expect(pauses[Math.floor(pauses.length / 2)]).toBeLessThan((POLLING_SECONDS * 1000) / 2);
  });
});
