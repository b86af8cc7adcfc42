import { parentPort } from 'node:worker_threads';
import { BatchInput, generateCopyBatch } from './synthetic-batch.js';

// Generation runs beside the database writes: each message is one batch, answered with its COPY data transferred
// (not copied) back to the loader.
parentPort!.on('message', (input: BatchInput) => {
  const batch = generateCopyBatch(input);
  parentPort!.postMessage(batch, batch.tables.map((t) => t.data.buffer as ArrayBuffer));
});
