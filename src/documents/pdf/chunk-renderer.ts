import type { Page } from 'puppeteer-core';
import type { Orientation } from '../kinds/document-plan.js';
import { isLandscape, pdfMargins } from './page-geometry.js';

// One chunk of HTML to PDF. Print media is kept (emulating screen would stop the table header from repeating) and
// the PDF is untagged: the tagged one was several times larger and slower.
export async function renderChunkPdf(page: Page, html: string, orientation: Orientation): Promise<Uint8Array> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.pdf({
    format: 'A4',
    landscape: isLandscape(orientation),
    margin: pdfMargins(),
    printBackground: true,
    tagged: false,
    outline: false,
    displayHeaderFooter: false,
  });
}
