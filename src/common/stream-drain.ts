import type { Writable } from 'node:stream';

// Waits until a stream that asked for a pause takes more; a reader who went away (the download was cancelled) ends
// the wait with an error instead of leaving the writer waiting for ever.
export async function drained(out: Writable): Promise<void> {
  if (out.destroyed) throw new Error('output closed');
  if (!out.writableNeedDrain) return;
  await new Promise<void>((resolve, reject) => {
    const cleanup = () => {
      out.off('drain', done);
      out.off('close', fail);
      out.off('error', fail);
    };
    const done = () => {
      cleanup();
      resolve();
    };
    const fail = () => {
      cleanup();
      reject(new Error('output closed'));
    };
    out.on('drain', done);
    out.on('close', fail);
    out.on('error', fail);
  });
}
