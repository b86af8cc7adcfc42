import { BrowserPool } from '../../../src/documents/pdf/browser-pool.js';
import { PdfEngine, type RenderedDocument, type RenderOptions } from '../../../src/documents/pdf/pdf-engine.js';
import { DocumentTemplates } from '../../../src/documents/render/document-templates.js';
import type { DocumentSnapshot } from '../../../src/documents/view-models/view-model-map.js';

// One browser per test file: launching is the slow part, a page per document is cheap.
export function sharedEngine(): {
  render(snapshot: DocumentSnapshot, options?: Partial<RenderOptions>): Promise<RenderedDocument>;
  close(): Promise<void>;
  pool: BrowserPool;
} {
  const pool = new BrowserPool({
    chromePath: process.env.CHROME_PATH || undefined,
    maxPages: 2,
    recycleAfterDocuments: 1000,
  });
  const engine = new PdfEngine(pool, new DocumentTemplates());
  return {
    pool,
    render: (snapshot, options = {}) => engine.render(snapshot, { timeoutMs: 60_000, ...options }),
    close: () => pool.close(),
  };
}
