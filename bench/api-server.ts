import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../src/database/embedded-postgres.js';
import { findProjectRoot } from '../src/documents/render/project-paths.js';
import { treeCpuSeconds } from './process-tree.js';

export interface ApiServer {
  baseUrl: string;
  processes: number;
  // CPU seconds of the primary and its forks (the exited ones included), from /proc.
  cpuSeconds(): number;
  stop(): Promise<void>;
}

// `npm start` as production runs it (dist/src/main.js, API_PROCESSES forks behind one port) over the benchmark's
// database; resolves once the primary says every fork listens.
export async function startApiServer(env: NodeJS.ProcessEnv, processes: number): Promise<ApiServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(findProjectRoot(), 'dist', 'src', 'main.js')], {
    env: { ...env, API_PROCESSES: String(processes), PORT: String(port), HOST: '127.0.0.1', NODE_OPTIONS: '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    void exited.then((code) => reject(new Error(`the API server exited with code ${code} before it was ready`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    processes,
    cpuSeconds: () => treeCpuSeconds(child.pid!),
    stop: async () => {
      child.kill('SIGINT');
      await exited;
    },
  };
}
