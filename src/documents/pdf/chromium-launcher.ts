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
  return puppeteer.launch({ executablePath, headless: 'shell', args: CHROMIUM_ARGS, protocolTimeout: 120_000 });
}
