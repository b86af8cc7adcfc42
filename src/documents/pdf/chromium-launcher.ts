import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser } from 'puppeteer-core';

// The package's default arguments include --single-process, which is slower and heavier here; these are the ones
// measured to work on this machine kind.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
  // A page renders chunk after chunk, and each chunk leaves its DOM and layout objects behind as garbage (some 70 MB
  // for 500 rows). V8 schedules the renderer's first collection from its initial old-space size, which let a renderer
  // grow to about 1 GB before collecting; a small initial size starts collecting early and then keeps the limit in
  // proportion to what is live. National list in 250-row chunks: Chromium's peak 1.98 GB -> 0.43 GB at the same CPU
  // time (forcing a collection after each chunk cost about 0.3 s of CPU each time, as much as a new page per chunk).
  // It is no cap: one page of 2,000 rows still renders, with about 16 % more CPU for the collections on the way.
  '--js-flags=--initial-old-space-size=32',
];

// CHROME_PATH (passed in as chromePath) points at a system browser; otherwise the bundled headless shell is unpacked
// once into the temp dir on first use.
export async function resolveChromiumExecutable(chromePath?: string): Promise<string> {
  if (chromePath) return chromePath;
  chromium.setGraphicsMode = false;
  return chromium.executablePath();
}

export async function launchChromium(chromePath?: string): Promise<Browser> {
  const executablePath = await resolveChromiumExecutable(chromePath);
  // Over a pipe rather than a debugging port: when the launching process dies, however it dies, the pipe closes and
  // the browser exits with it; no port is opened either.
  return puppeteer.launch({
    executablePath,
    headless: 'shell',
    args: CHROMIUM_ARGS,
    pipe: true,
    // Puppeteer's own signal handlers would kill the browser and exit at once; the application stops in order and
    // closes the browser itself.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    protocolTimeout: 120_000,
  });
}
