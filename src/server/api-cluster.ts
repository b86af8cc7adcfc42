import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import type { StopSignal } from './serve-http.js';

// How the primary hands its forks the database it opened (and migrated): they never open or migrate it themselves.
export const FORK_DATABASE_URL = 'API_FORK_DATABASE_URL';

// A fork that dies within this long of its start is replaced only after the same pause, so that a fault every fork
// meets at boot (the database gone, a bad environment) is retried calmly instead of in a tight loop.
const QUICK_EXIT_MS = 5000;

// API_PROCESSES > 1: the primary (which started PostgreSQL, ran the migrations and loaded the demo) forks that many
// processes that only serve HTTP, all on one port (node's cluster hands each new connection to the next fork). One
// of them also works the job queue when RUN_WORKERS allows it, so browsers and job workers are not multiplied by the
// number of forks; `npm run worker` adds more. A fork that exits while the cluster runs is replaced in the same role.
export class ApiCluster {
  private stopping = false;
  private readonly exits = new Set<Promise<void>>();

  constructor(private readonly o: { processes: number; databaseUrl: string; runWorkers: boolean; log: Logger }) {}

  // Resolves once every fork listens; rejects when one exits before it does.
  async start(): Promise<number[]> {
    const forks = Array.from({ length: this.o.processes }, (_, i) => this.fork(i === 0 && this.o.runWorkers));
    return Promise.all(forks);
  }

  // Stops every fork with the signal the primary received (each runs its ordered stop) and waits for them all.
  async stop(signal: StopSignal): Promise<void> {
    this.stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    await Promise.all(this.exits);
  }

  private fork(queue: boolean): Promise<number> {
    const worker: Worker = cluster.fork({ [FORK_DATABASE_URL]: this.o.databaseUrl, RUN_WORKERS: String(queue) });
    const started = Date.now();
    const exited = new Promise<void>((resolve) =>
      worker.once('exit', (code, signal) => {
        this.exits.delete(exited);
        resolve();
        if (this.stopping) return;
        this.o.log.error({ fork: worker.process.pid, code, signal, queue }, 'An API process exited; starting another');
        const pause = Date.now() - started < QUICK_EXIT_MS ? QUICK_EXIT_MS : 0;
        setTimeout(() => {
          if (this.stopping) return;
          this.fork(queue).then(
            (fork) => this.o.log.info({ fork, queue }, 'API process replaced'),
            () => undefined,
          );
        }, pause);
      }),
    );
    this.exits.add(exited);
    return new Promise((resolve, reject) => {
      worker.once('listening', () => resolve(worker.process.pid!));
      worker.once('exit', (code) => reject(new Error(`An API process exited with code ${code} before it listened`)));
    });
  }
}
