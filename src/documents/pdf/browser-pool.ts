import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { launchChromium } from './chromium-launcher.js';
import { Semaphore } from './semaphore.js';

export interface BrowserPoolOptions {
  chromePath?: string;
  // Pages rendering at the same time, over all documents.
  maxPages: number;
  // A long-lived Chromium slowly grows; it is replaced after this many documents.
  recycleAfterDocuments: number;
  // Told the pid of each browser launched and closed, so one left by a crash can be reaped at the next start.
  onLaunch?: (pid: number) => void;
  onExit?: (pid: number) => void;
}

interface PageLease {
  context: BrowserContext;
  page: Page;
  // Its renderer crashed: the page is closed rather than handed to the next caller.
  crashed: boolean;
}

interface BrowserHandle {
  browser: Promise<Browser>;
  version?: Promise<string>;
  // Pages whose last work ended well, kept open for the next caller.
  idle: PageLease[];
  activePages: number;
  documents: number;
  retired: boolean;
}

// One long-lived browser, launched on first use. A page (in a context of its own) whose caller asks to keep it is
// handed, when its work ended well, to the next such caller with the document shell it holds: a new page costs a
// fresh renderer process and a load of the shell and its fonts, which was most of the browser's CPU for a one-page
// document (minutes, notices). Any other page, and one whose work failed or was aborted, is closed with its context.
// A crashed browser is dropped and the next page launches a new one; a retired one closes, with its idle pages, once
// its last page is done.
export class BrowserPool {
  private current: BrowserHandle | null = null;
  private readonly slots: Semaphore;
  private launches = 0;

  constructor(private readonly options: BrowserPoolOptions) {
    this.slots = new Semaphore(options.maxPages);
  }

  get launchCount(): number {
    return this.launches;
  }

  // Another caller waits for a page: a holder rendering several chunks hands its page back between two of them.
  get contended(): boolean {
    return this.slots.contended;
  }

  async browserPid(): Promise<number | null> {
    if (!this.current) return null;
    return (await this.current.browser).process()?.pid ?? null;
  }

  // The build of the browser that prints the next page (launched if none is running): part of a cached chunk's key.
  async browserVersion(): Promise<string> {
    const handle = this.handle();
    handle.version ??= handle.browser.then((browser) => browser.version());
    return handle.version;
  }

  // `keep`: the caller leaves the page in a state the next caller that keeps pages expects (the chunk printer's shell),
  // so the page goes back to the pool when the work ends well; any other page is closed with its context.
  async withPage<T>(
    work: (page: Page) => Promise<T>,
    signal?: AbortSignal,
    options: { keep?: boolean } = {},
  ): Promise<T> {
    await this.slots.acquire();
    const handle = this.handle();
    handle.activePages += 1;
    try {
      const browser = await handle.browser;
      const lease = handle.idle.pop() ?? (await this.openPage(browser));
      const abort = (): void => void lease.context.close().catch(() => undefined);
      signal?.addEventListener('abort', abort, { once: true });
      let reusable = false;
      try {
        if (signal?.aborted)
          throw new DocumentException(
            'Việc dựng văn bản đã bị hủy do quá thời hạn.',
            DocumentExceptionCode.RENDER_TIMEOUT,
          );
        const result = await work(lease.page);
        reusable = !!options.keep && !signal?.aborted;
        return result;
      } finally {
        signal?.removeEventListener('abort', abort);
        if (reusable && !handle.retired && browser.connected && !lease.page.isClosed() && !lease.crashed)
          handle.idle.push(lease);
        else await lease.context.close().catch(() => undefined);
      }
    } finally {
      handle.activePages -= 1;
      this.slots.release();
      if (handle.retired && handle.activePages === 0) await this.closeHandle(handle);
    }
  }

  // Called once per finished document; counts towards recycling.
  documentFinished(): void {
    const handle = this.current;
    if (!handle) return;
    handle.documents += 1;
    if (handle.documents >= this.options.recycleAfterDocuments) this.retire(handle);
  }

  async close(): Promise<void> {
    const handle = this.current;
    this.current = null;
    if (handle) await this.closeHandle(handle);
  }

  private async openPage(browser: Browser): Promise<PageLease> {
    const context = await browser.createBrowserContext();
    try {
      const lease: PageLease = { context, page: await context.newPage(), crashed: false };
      lease.page.once('error', () => {
        lease.crashed = true;
      });
      return lease;
    } catch (error) {
      await context.close().catch(() => undefined);
      throw error;
    }
  }

  private handle(): BrowserHandle {
    if (this.current && !this.current.retired) return this.current;
    const handle: BrowserHandle = { browser: this.launch(), idle: [], activePages: 0, documents: 0, retired: false };
    this.current = handle;
    return handle;
  }

  private async launch(): Promise<Browser> {
    this.launches += 1;
    try {
      const browser = await launchChromium(this.options.chromePath);
      const pid = browser.process()?.pid;
      if (pid) {
        this.options.onLaunch?.(pid);
        browser.process()?.once('exit', () => this.options.onExit?.(pid));
      }
      browser.on('disconnected', () => this.dropIfCurrent(browser));
      return browser;
    } catch (error) {
      this.current = null;
      throw new DocumentException(
        `Không khởi động được trình dựng PDF (Chromium): ${(error as Error).message}`,
        DocumentExceptionCode.BROWSER_FAILED,
      );
    }
  }

  private dropIfCurrent(browser: Browser): void {
    const handle = this.current;
    if (!handle) return;
    void handle.browser.then((candidate) => {
      if (candidate === browser && this.current === handle) this.current = null;
    });
  }

  private retire(handle: BrowserHandle): void {
    handle.retired = true;
    if (this.current === handle) this.current = null;
    if (handle.activePages === 0) void this.closeHandle(handle);
  }

  private async closeHandle(handle: BrowserHandle): Promise<void> {
    const browser = await handle.browser.catch(() => null);
    if (!browser || !browser.connected) return;
    await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
  }
}
