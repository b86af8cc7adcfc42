import type { Page } from 'puppeteer-core';
import { submit } from './browser.js';

// The deciding officer's form on /complaints: accept or reject the open complaint with reasons and a date (dd/mm/yyyy).
export async function decideComplaint(
  page: Page,
  baseUrl: string,
  decision: { accept: boolean; reason: string; decidedOn: string },
): Promise<void> {
  await page.goto(`${baseUrl}/complaints`);
  await page.click(`form[action$="/decision"] input[name=accept][value="${decision.accept}"]`);
  await page.type('form[action$="/decision"] textarea[name=reason]', decision.reason);
  await page.type('form[action$="/decision"] input[name=decidedOn]', decision.decidedOn);
  await submit(page, 'form[action$="/decision"] button[type=submit]');
}
