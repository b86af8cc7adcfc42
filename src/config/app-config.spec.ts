import { availableParallelism } from 'node:os';
import { loadConfig } from './app-config.js';

describe('API processes of npm start', () => {
  const processes = (env: NodeJS.ProcessEnv) => loadConfig(env).apiProcesses;

  it('runs one process unless asked, and one per core in production or with auto', () => {
    expect(processes({})).toBe(1);
    expect(processes({ NODE_ENV: 'development' })).toBe(1);
    expect(processes({ NODE_ENV: 'production' })).toBe(availableParallelism());
    expect(processes({ API_PROCESSES: 'auto' })).toBe(availableParallelism());
    expect(processes({ API_PROCESSES: '3', NODE_ENV: 'production' })).toBe(3);
  });

  it('refuses a count that is not a positive whole number, naming the variable', () => {
    for (const bad of ['0', '-2', '1.5', 'many'])
      expect(() => processes({ API_PROCESSES: bad })).toThrow(/API_PROCESSES must be a positive integer/);
  });
});
