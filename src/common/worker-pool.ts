import { parentPort, Worker, type ResourceLimits } from 'node:worker_threads';

// A fixed set of threads running one module, each answering one message at a time: CPU-bound batch work (screening,
// synthetic generation) runs beside the database I/O of the main thread. Threads of one process, not a cluster:
// work is shared between processes through the PostgreSQL job queue.

interface Reply<O> {
  ok: boolean;
  output?: O;
  message?: string;
}

interface Job<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

export class WorkerPool<I, O> {
  // The threads by slot, each with the jobs sent to it alone (`runOn`): a thread that keeps state between jobs gets
  // the same share of the work every time.
  private readonly slots: Worker[] = [];
  private readonly pinned: Job<I, O>[][] = [];
  private readonly waiting: Job<I, O>[] = [];
  // Every live thread, with the job it is working on (null when idle).
  private readonly busy = new Map<Worker, Job<I, O> | null>();
  private closed = false;

  constructor(
    private readonly module: URL,
    size: number,
    // Given to every thread as its `workerData` (what a thread needs beyond its messages, such as where to read).
    private readonly workerData?: unknown,
    // The threads' heap limits, where V8's defaults do not suit the work (node's `resourceLimits`).
    private readonly resourceLimits?: ResourceLimits,
  ) {
    for (let i = 0; i < Math.max(1, size); i++) {
      this.pinned.push([]);
      this.slots.push(this.spawn(i));
    }
  }

  get size(): number {
    return this.busy.size;
  }

  // On whichever thread is free first.
  run(input: I): Promise<O> {
    return this.queue(this.waiting, input);
  }

  // On the thread of `slot` (modulo the pool's size), after the jobs sent to it before.
  runOn(slot: number, input: I): Promise<O> {
    return this.queue(this.pinned[slot % this.slots.length], input);
  }

  private queue(queue: Job<I, O>[], input: I): Promise<O> {
    if (this.closed) return Promise.reject(new Error('worker pool closed'));
    return new Promise((resolve, reject) => {
      queue.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const queue of [this.waiting, ...this.pinned])
      for (const job of queue.splice(0)) job.reject(new Error('worker pool closed'));
    const workers = [...this.busy.keys()];
    await Promise.all(workers.map((w) => w.terminate()));
    this.busy.clear();
  }

  private spawn(slot: number): Worker {
    const worker = new Worker(this.module, { workerData: this.workerData, resourceLimits: this.resourceLimits });
    // An idle thread does not keep the process alive (a pool may outlive the work that started it).
    worker.unref();
    this.busy.set(worker, null);
    worker.on('message', (reply: Reply<O>) => {
      const job = this.busy.get(worker);
      if (!job) return;
      this.busy.set(worker, null);
      worker.unref();
      if (reply.ok) job.resolve(reply.output as O);
      else job.reject(new Error(reply.message));
      this.dispatch();
    });
    // A thread that fails outside its handler, or exits, takes its job down with it; a fresh one takes its place.
    const lost = (error: Error) => {
      if (!this.busy.has(worker)) return;
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      job?.reject(error);
      if (!this.closed) {
        this.slots[slot] = this.spawn(slot);
        this.dispatch();
      }
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`worker thread ended (exit code ${code})`)));
    return worker;
  }

  private dispatch(): void {
    this.slots.forEach((worker, slot) => {
      if (this.busy.get(worker) !== null) return;
      const job = this.pinned[slot].shift() ?? this.waiting.shift();
      if (!job) return;
      this.busy.set(worker, job);
      worker.ref();
      worker.postMessage(job.input);
    });
  }
}

// The thread's side: each message is answered by `handle` (the pool sends the next one only after the answer); the
// buffers it names are transferred, not copied.
export function serveWorker<I, O>(
  handle: (input: I) => { output: O; transfer?: ArrayBuffer[] } | Promise<{ output: O; transfer?: ArrayBuffer[] }>,
): void {
  if (!parentPort) throw new Error('serveWorker must run in a worker thread');
  const port = parentPort;
  port.on('message', async (input: I) => {
    let reply: { output: O; transfer?: ArrayBuffer[] };
    try {
      reply = await handle(input);
    } catch (error) {
      port.postMessage({
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      } satisfies Reply<O>);
      return;
    }
    port.postMessage({ ok: true, output: reply.output } satisfies Reply<O>, reply.transfer ?? []);
  });
}
