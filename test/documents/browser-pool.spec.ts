import { BrowserPool } from '../../src/documents/pdf/browser-pool.js';
import { PdfEngine } from '../../src/documents/pdf/pdf-engine.js';
import { DocumentTemplates } from '../../src/documents/render/document-templates.js';
import { DocumentKind } from '../../src/documents/view-models/common.js';
import { ProposalListFactory } from './factories/list.factory.js';
import { TeamMinutesFactory } from './factories/minutes.factory.js';

describe('browser pool and hard timeout', () => {
  const pool = new BrowserPool({
    chromePath: process.env.CHROME_PATH || undefined,
    maxPages: 2,
    recycleAfterDocuments: 2,
  });
  const engine = new PdfEngine(pool, new DocumentTemplates());
  const minutes = { kind: DocumentKind.TEAM_MINUTES, data: TeamMinutesFactory.build(1) } as const;
  afterAll(() => pool.close());

  it('reuses one browser and replaces it after the configured number of documents', async () => {
    await engine.render(minutes, { timeoutMs: 30_000 });
    await engine.render(minutes, { timeoutMs: 30_000 });
    expect(pool.launchCount).toBe(1);
    await engine.render(minutes, { timeoutMs: 30_000 });
    expect(pool.launchCount).toBe(2);
  });

  it('launches a fresh browser after the current one dies', async () => {
    const pid = await pool.browserPid();
    expect(pid).not.toBeNull();
    process.kill(pid as number, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = pool.launchCount;
    const rendered = await engine.render(minutes, { timeoutMs: 30_000 });
    expect(rendered.pages).toBeGreaterThan(0);
    expect(pool.launchCount).toBe(before + 1);
  });

  it('fails a render that passes its hard timeout and keeps the pool usable', async () => {
    const long = { kind: DocumentKind.ELIGIBLE_LIST, data: ProposalListFactory.build({ facilities: [200] }) } as const;
    await expect(engine.render(long, { timeoutMs: 50 })).rejects.toMatchObject({ code: 'DOCUMENT_RENDER_TIMEOUT' });
    const rendered = await engine.render(minutes, { timeoutMs: 30_000 });
    expect(rendered.pages).toBeGreaterThan(0);
  });

  it('hands a kept page to the next caller that keeps pages, and closes a page nobody keeps', async () => {
    const kept = await pool.withPage(async (page) => page, undefined, { keep: true });
    expect(await pool.withPage(async (page) => page, undefined, { keep: true })).toBe(kept);
    // Taken without keeping: closed afterwards, so the next caller gets another page.
    expect(await pool.withPage(async (page) => page)).toBe(kept);
    expect(await pool.withPage(async (page) => page, undefined, { keep: true })).not.toBe(kept);
    const rendered = await engine.render(minutes, { timeoutMs: 30_000 });
    expect(rendered.pages).toBeGreaterThan(0);
  });

  it('does not hand on a kept page whose renderer crashed', async () => {
    const crashed = await pool.withPage(
      async (page) => {
        const gone = new Promise((resolve) => page.once('error', resolve));
        await page.goto('chrome://crash').catch(() => undefined);
        await gone;
        return page;
      },
      undefined,
      { keep: true },
    );
    expect(await pool.withPage(async (page) => page, undefined, { keep: true })).not.toBe(crashed);
    const rendered = await engine.render(minutes, { timeoutMs: 30_000 });
    expect(rendered.pages).toBeGreaterThan(0);
  });
});
