import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from '../../../src/documents/pdf/chromium-launcher.js';
import { TEST_PASSWORD } from '../../factories/org.factory.js';

// The same Chromium the documents use, once per test file, at the office screen size the pages are designed for.
export async function openBrowser(): Promise<Browser> {
  return launchChromium(process.env.CHROME_PATH);
}

export async function newPage(browser: Browser, downloadPath?: string): Promise<Page> {
  const context = await browser.createBrowserContext(
    downloadPath ? { downloadBehavior: { policy: 'allow', downloadPath } } : {},
  );
  const page = await context.newPage();
  await page.setViewport({ width: 1366, height: 768 });
  page.setDefaultTimeout(15_000);
  return page;
}

export async function login(page: Page, baseUrl: string, username: string, password = TEST_PASSWORD): Promise<void> {
  if (!page.url().startsWith(`${baseUrl}/login`)) await page.goto(`${baseUrl}/login`);
  await page.type('#username', username);
  await page.type('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}

export async function fill(page: Page, path: string, value: string): Promise<void> {
  const selector = `[data-path="${path}"]`;
  const tag = await page.$eval(selector, (el) => el.tagName);
  if (tag === 'SELECT') {
    await page.select(selector, value);
    return;
  }
  await page.$eval(selector, (el) => {
    (el as HTMLInputElement).value = '';
  });
  await page.type(selector, value);
}

export async function submit(page: Page, selector = 'button[type=submit].primary'): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

export async function text(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => (el as HTMLElement).innerText);
}

// The page must fit an office screen: nothing wider than the viewport.
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

// Set WEB_SCREENSHOTS to a folder to keep a picture of each step for a person to look at.
export async function snapshot(page: Page, name: string): Promise<void> {
  const dir = process.env.WEB_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: false });
}
