import type { Page } from 'puppeteer-core';
import type { Orientation } from '../kinds/document-plan.js';
import { isLandscape, pdfMargins } from './page-geometry.js';

// Latin and Vietnamese letters, so that both unicode-range subsets of each face load.
const FONT_SAMPLE = 'Aa ăâđêôơư ạấ';
const FACES = ['normal 400', 'normal 700', 'italic 400', 'italic 700'];

// One chunk of HTML to PDF. The document body is hidden on screen (see print.css), so Chromium lays the table out
// once, for print, instead of once for the screen, again when the web fonts arrive, and again for print. The faces
// are loaded explicitly because hidden text would not trigger their loading. Print media is kept (emulating screen
// would stop the table header from repeating) and the PDF is untagged: the tagged one was several times larger.
export async function renderChunkPdf(page: Page, html: string, orientation: Orientation): Promise<Uint8Array> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(
    (faces: string[], sample: string) => Promise.all(faces.map((face) => document.fonts.load(`${face} 13pt Tinos`, sample))).then(() => undefined),
    FACES,
    FONT_SAMPLE,
  );
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
