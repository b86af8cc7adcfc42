import { sha256Hex } from '../../kernel/hash.js';
import type { Orientation } from '../kinds/document-plan.js';
import { pdfMargins } from './page-geometry.js';

// Raised whenever `renderChunkPdf` changes how it prints (paper, options, the way the shell is loaded), so that no
// chunk printed the old way is taken for one printed the new way. Templates, fonts and CSS need no bump: they are in
// the shell and the body, which the key hashes.
const CHUNK_PRINT_REVISION = 1;

// Chunk PDFs by their content, shared by every document and every worker that uses the same storage. A chunk is the
// same print of the same HTML whichever document it belongs to, so a list issued again after one name changed renders
// only the chunk holding that name and takes every other chunk from here.
export interface ChunkCache {
  get(key: string): Promise<Uint8Array | null>;
  put(key: string, pdf: Uint8Array): Promise<void>;
}

// What decides a chunk's print: the browser build, the page geometry, the orientation, the document shell (fonts and
// print CSS) and the chunk's HTML.
export function chunkKey(chunk: {
  browser: string;
  shellSha256: string;
  orientation: Orientation;
  body: string;
}): string {
  return sha256Hex(
    JSON.stringify([
      CHUNK_PRINT_REVISION,
      chunk.browser,
      pdfMargins(),
      chunk.orientation,
      chunk.shellSha256,
      sha256Hex(chunk.body),
    ]),
  );
}
