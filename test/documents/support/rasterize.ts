import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';
import type { BrowserPool } from '../../../src/documents/pdf/browser-pool.js';

// Draws PDF pages to pixels with pdf.js inside the packaged Chromium, so layout tests need nothing from the system.
// pdf.js and its worker are served to the page from node_modules through request interception on a made-up origin.
const ORIGIN = 'https://rasterizer.invalid';
const pdfjsBuild = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'));
const FILES: Record<string, { body: string; type: string }> = {
  '/index.html': { body: '<!DOCTYPE html><html><body></body></html>', type: 'text/html' },
  '/pdf.mjs': { body: readFileSync(join(pdfjsBuild, 'pdf.min.mjs'), 'utf8'), type: 'text/javascript' },
  '/pdf.worker.mjs': { body: readFileSync(join(pdfjsBuild, 'pdf.worker.min.mjs'), 'utf8'), type: 'text/javascript' },
};

export interface Raster {
  width: number;
  height: number;
  // RGBA, row by row.
  data: Uint8Array;
}

export interface RasterRequest {
  page: number;
  // Pixels per PDF point: 1 is 72 dpi.
  scale: number;
  // A part of the page in PDF points from its bottom-left corner; the whole page when absent.
  clip?: { x: number; y: number; width: number; height: number };
}

async function serve(request: HTTPRequest): Promise<void> {
  const url = new URL(request.url());
  const file = url.origin === ORIGIN ? FILES[url.pathname] : undefined;
  if (!file) return request.abort();
  return request.respond({ status: 200, contentType: file.type, body: file.body });
}

// Several PDFs in one page: pdf.js and its worker load once.
export async function rasterize(
  pool: BrowserPool,
  jobs: { pdf: Uint8Array; requests: RasterRequest[] }[],
): Promise<Raster[][]> {
  return pool.withPage(async (page: Page) => {
    await page.setRequestInterception(true);
    page.on('request', (request) => void serve(request));
    try {
      await page.goto(`${ORIGIN}/index.html`);
      const results = await page.evaluate(
        async (wantedJobs: { base64: string; requests: RasterRequest[] }[], origin: string) => {
          const lib = await import(`${origin}/pdf.mjs`);
          lib.GlobalWorkerOptions.workerSrc = `${origin}/pdf.worker.mjs`;
          const all: { width: number; height: number; data: string }[][] = [];
          for (const job of wantedJobs) {
            const bytes = Uint8Array.from(atob(job.base64), (c) => c.charCodeAt(0));
            const doc = await lib.getDocument({ data: bytes }).promise;
            const out: { width: number; height: number; data: string }[] = [];
            for (const request of job.requests) {
              const pdfPage = await doc.getPage(request.page);
              const viewport = pdfPage.getViewport({ scale: request.scale });
              const [, , pageWidth, pageHeight] = pdfPage.view;
              const clip = request.clip ?? { x: 0, y: 0, width: pageWidth, height: pageHeight };
              const canvas = document.createElement('canvas');
              canvas.width = Math.round(clip.width * request.scale);
              canvas.height = Math.round(clip.height * request.scale);
              const context = canvas.getContext('2d') as CanvasRenderingContext2D;
              context.fillStyle = '#fff';
              context.fillRect(0, 0, canvas.width, canvas.height);
              const dx = -clip.x * request.scale;
              const dy = -(pageHeight - clip.y - clip.height) * request.scale;
              await pdfPage.render({ canvasContext: context, viewport, transform: [1, 0, 0, 1, dx, dy] }).promise;
              const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
              let binary = '';
              for (let i = 0; i < pixels.length; i += 0x8000)
                binary += String.fromCharCode(...pixels.subarray(i, i + 0x8000));
              out.push({ width: canvas.width, height: canvas.height, data: btoa(binary) });
            }
            await doc.destroy();
            all.push(out);
          }
          return all;
        },
        jobs.map((job) => ({ base64: Buffer.from(job.pdf).toString('base64'), requests: job.requests })),
        ORIGIN,
      );
      return results.map((rasters) =>
        rasters.map((r) => ({ width: r.width, height: r.height, data: new Uint8Array(Buffer.from(r.data, 'base64')) })),
      );
    } finally {
      page.removeAllListeners('request');
      await page.setRequestInterception(false);
    }
  });
}
