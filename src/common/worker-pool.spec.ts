import { WorkerPool } from './worker-pool.js';

const PROBE = new URL('../../test/support/worker-pool-probe.js', import.meta.url);
type Probe = { sum: number; doubled: Uint8Array; thread: number; young: number | undefined };

describe('WorkerPool', () => {
  let pool: WorkerPool<number[], Probe>;
  beforeEach(() => {
    pool = new WorkerPool<number[], Probe>(PROBE, 2);
  });
  afterEach(() => pool.close());

  it('answers every job, on all its threads, with transferred buffers', async () => {
    const inputs = Array.from({ length: 20 }, (_, i) => [i, i + 1, i + 2]);
    const outputs = await Promise.all(inputs.map((input) => pool.run(input)));
    expect(outputs.map((o) => o.sum)).toEqual(inputs.map((i) => i[0] + i[1] + i[2]));
    expect([...outputs[5].doubled]).toEqual([10, 12, 14]);
    expect(new Set(outputs.map((o) => o.thread)).size).toBe(2);
  });

  it('rejects a job whose handler throws, with its message, and goes on with the same threads', async () => {
    await expect(pool.run([1, -4])).rejects.toThrow('negative input: -4');
    const after = await Promise.all([pool.run([1]), pool.run([2]), pool.run([3])]);
    expect(after.map((o) => o.sum)).toEqual([1, 2, 3]);
    expect(pool.size).toBe(2);
  });

  it('rejects the job of a thread that ends and replaces the thread', async () => {
    await expect(pool.run([Number.NaN])).rejects.toThrow('exit code 3');
    expect(pool.size).toBe(2);
    const later = await Promise.all([pool.run([4]), pool.run([5]), pool.run([6]), pool.run([7])]);
    expect(later.map((o) => o.sum)).toEqual([4, 5, 6, 7]);
    expect(new Set(later.map((o) => o.thread)).size).toBe(2);
  });

  it('starts every thread, a replacement too, with the heap limits it was given', async () => {
    const limited = new WorkerPool<number[], Probe>(PROBE, 2, undefined, { maxYoungGenerationSizeMb: 96 });
    try {
      await expect(limited.run([Number.NaN])).rejects.toThrow('exit code 3');
      const outputs = await Promise.all([1, 2, 3, 4].map((n) => limited.run([n])));
      expect(new Set(outputs.map((o) => o.thread)).size).toBe(2);
      expect(outputs.map((o) => o.young)).toEqual([96, 96, 96, 96]);
      expect((await pool.run([1])).young).not.toBe(96);
    } finally {
      await limited.close();
    }
  });

  it('refuses work once closed', async () => {
    await pool.close();
    await expect(pool.run([1])).rejects.toThrow('worker pool closed');
  });
});
