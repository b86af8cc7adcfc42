import { Worker } from 'node:worker_threads';
import type { BatchInput, CopyBatch } from './synthetic-batch.js';

// A fixed set of generator threads, each answering one batch at a time.
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: { input: BatchInput; resolve: (b: CopyBatch) => void; reject: (e: unknown) => void }[] = [];
  private readonly workers: Worker[] = [];

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./generate-worker.js', import.meta.url));
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  run(input: BatchInput): Promise<CopyBatch> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length && this.waiting.length) {
      const worker = this.idle.pop()!;
      const job = this.waiting.shift()!;
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        this.idle.push(worker);
        this.dispatch();
      };
      const onMessage = (batch: CopyBatch) => {
        done();
        job.resolve(batch);
      };
      const onError = (error: unknown) => {
        done();
        job.reject(error);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(job.input);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
