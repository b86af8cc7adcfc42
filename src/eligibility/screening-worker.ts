import { workerData } from 'node:worker_threads';
import { serveWorker } from '../common/worker-pool.js';
import { threadConnection } from './facts-reader.js';
import { screenBatch, type ScreenedBatch, type ScreeningBatch } from './screening-batch.js';

// A screening thread: reads the facts of one batch of dossiers per message on its own connection, evaluates them and
// encodes the results (screening-batch.ts); the COPY data goes back to the main thread transferred, not copied.
const { databaseUrl } = workerData as { databaseUrl: string };
const connection = threadConnection(databaseUrl, 'amnesty-screening');

serveWorker<ScreeningBatch, ScreenedBatch>(async (batch) => {
  const screened = await screenBatch(await connection(), batch);
  return { output: screened, transfer: [screened.data.buffer as ArrayBuffer] };
});
