import { serveWorker } from '../common/worker-pool.js';
import { screenBatch, type ScreenedBatch, type ScreeningBatch } from './stored-result.js';

// A screening thread: parses, evaluates and encodes one batch of dossiers per message; the COPY data goes back to the
// main thread transferred, not copied.
serveWorker<ScreeningBatch, ScreenedBatch>((batch) => {
  const screened = screenBatch(batch);
  return { output: screened, transfer: [screened.data.buffer as ArrayBuffer] };
});
