import { serveWorker } from '../../src/common/worker-pool.js';
import { BatchInput, CopyBatch, generateCopyBatch } from './synthetic-batch.js';

// Generation runs beside the database writes: each message is one batch, answered with its COPY data transferred
// (not copied) back to the loader.
serveWorker<BatchInput, CopyBatch>((input) => {
  const batch = generateCopyBatch(input);
  return { output: batch, transfer: batch.tables.map((t) => t.data.buffer as ArrayBuffer) };
});
