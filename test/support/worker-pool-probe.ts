import { resourceLimits, threadId } from 'node:worker_threads';
import { serveWorker } from '../../src/common/worker-pool.js';

// A thread for the worker-pool tests: doubles numbers into a transferred buffer, refuses negatives, and ends the
// thread on NaN without answering; says which thread it is and the size of its young generation.
serveWorker<number[], { sum: number; doubled: Uint8Array; thread: number; young: number | undefined }>((input) => {
  if (input.some((n) => Number.isNaN(n))) process.exit(3);
  if (input.some((n) => n < 0)) throw new Error(`negative input: ${input.find((n) => n < 0)}`);
  const doubled = new Uint8Array(new ArrayBuffer(input.length));
  input.forEach((n, i) => (doubled[i] = n * 2));
  return {
    output: {
      sum: input.reduce((s, n) => s + n, 0),
      doubled,
      thread: threadId,
      young: resourceLimits.maxYoungGenerationSizeMb,
    },
    transfer: [doubled.buffer],
  };
});
