import type { Page } from 'puppeteer-core';
import type { Orientation } from '../kinds/document-plan.js';
import { isLandscape, pdfMargins } from './page-geometry.js';

// Latin and Vietnamese letters, so that both unicode-range subsets of each face load.
const FONT_SAMPLE = 'Aa ăâđêôơư ạấ';
const FACES = ['normal 400', 'normal 700', 'italic 400', 'italic 700'].flatMap((face) => [
  `${face} 13pt Tinos`,
  `${face} 13pt "Tinos Table"`,
]);

// The document shell (fonts and print CSS) a page holds, without its title, so that it is loaded once per page rather
// than per chunk or per document: a page is kept for the next document (browser-pool.ts), whose shell differs only in
// its <title>.
const loadedShell = new WeakMap<Page, string>();
const TITLE = /<title>([^<]*)<\/title>/;

// One chunk of HTML to PDF. A page loads the document shell once: the faces are loaded explicitly, because hidden text
// would not trigger their loading, and stay loaded for every chunk after. Each chunk then only replaces the body of
// <main> (and the title, for another document); re-parsing the inlined fonts and CSS with every chunk cost about a
// tenth of the browser's CPU. The body is hidden on screen (see print.css), so Chromium lays the table out once, for
// print, instead of once for the screen and again for print. Print media is kept (emulating screen would stop the
// table header from repeating) and the PDF is untagged: the tagged one was several times larger.
export async function renderChunkPdf(
  page: Page,
  shell: string,
  body: string,
  orientation: Orientation,
): Promise<Uint8Array> {
  const title = TITLE.exec(shell)?.[1] ?? '';
  const frame = shell.replace(TITLE, '<title></title>');
  if (loadedShell.get(page) !== frame) {
    loadedShell.delete(page);
    await page.setContent(shell, { waitUntil: 'load' });
    await page.evaluate(
      (faces: string[], sample: string) =>
        Promise.all(faces.map((face) => document.fonts.load(face, sample))).then(() => undefined),
      FACES,
      FONT_SAMPLE,
    );
    loadedShell.set(page, frame);
  }
  await page.evaluate(
    (html: string, escapedTitle: string) => {
      const main = document.querySelector('main');
      const heading = document.querySelector('title');
      if (!main || !heading) throw new Error('The document shell has no <main> or <title>');
      // The title as the shell carries it, escaped: parsed as the title's text, as in the shell.
      heading.innerHTML = escapedTitle;
      main.innerHTML = html;
    },
    body,
    title,
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
