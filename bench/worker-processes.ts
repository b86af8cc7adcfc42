import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { findProjectRoot } from '../src/documents/render/project-paths.js';

export interface WorkerProcess {
  pid: number;
  // Resolves when the worker works the queue; rejects if it exits first.
  ready: Promise<void>;
  // What it printed, for a failure's message.
  output(): string;
  // SIGTERM and wait: the worker stops its jobs at a checkpoint and exits.
  stop(): Promise<void>;
  // SIGKILL to the worker alone, as a crash would (its Chromium exits with it, its lease stays behind).
  kill(): Promise<void>;
}

// A real `npm run worker` process (node dist/src/worker.js) on the given database and storage: what an operator runs
// on each machine of a cluster. The benchmark and the chunk-job tests start several of them side by side.
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const root = findProjectRoot();
  const child: ChildProcess = spawn(process.execPath, [join(root, 'dist', 'src', 'worker.js')], {
    cwd: root,
    // Info level at least: the readiness line is an info line.
    env: { ...process.env, NODE_OPTIONS: '', DEMO_DATA: 'false', ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = once(child, 'exit');
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('is working the job queue')) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    void exited.then(([code]) => {
      clearInterval(timer);
      reject(new Error(`worker ${child.pid} exited with ${code} before it was ready:\n${output}`));
    });
  });
  ready.catch(() => undefined);
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  return {
    pid: child.pid!,
    ready,
    output: () => output,
    stop: async () => {
      if (ended()) return;
      child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      if (ended()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
