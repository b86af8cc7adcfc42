import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../../src/config/app-config.js';
import { DocumentStorage } from '../../src/documents/document-storage.js';
import { chunkKey, type ChunkCache } from '../../src/documents/pdf/chunk-cache.js';
import type { Orientation } from '../../src/documents/kinds/document-plan.js';
import { DocumentKind } from '../../src/documents/view-models/common.js';
import type { ProposalListViewModel } from '../../src/documents/view-models/proposal-list.js';
import { ProposalListFactory } from './factories/list.factory.js';
import { extractPages, flatText } from './support/pdf-text.js';
import { sharedEngine } from './support/shared-engine.js';

const CREATED_AT = new Date('2025-08-25T03:00:00Z');
const CHUNK_ROWS = 20;

function storageIn(dir: string): DocumentStorage {
  return new DocumentStorage({ storageDir: dir, documentChunkCacheDays: 30 } as AppConfig);
}

// Counts what the engine takes from the cache and what it puts there, over the storage's real cache on disk.
function counting(cache: ChunkCache): ChunkCache & { puts: number } {
  const counted = {
    puts: 0,
    get: (key: string) => cache.get(key),
    put: (key: string, pdf: Uint8Array) => {
      counted.puts += 1;
      return cache.put(key, pdf);
    },
  };
  return counted;
}

function withName(list: ProposalListViewModel, order: number, fullName: string): ProposalListViewModel {
  return {
    ...list,
    groups: list.groups.map((group) => ({
      ...group,
      rows: group.rows.map((row) => (row.order === order ? { ...row, fullName } : row)),
    })),
  };
}

describe('chunk cache: a list issued again prints only the chunks whose content changed', () => {
  const engine = sharedEngine();
  afterAll(() => engine.close());
  const list = ProposalListFactory.build({ facilities: [70, 50] });
  const render = (data: ProposalListViewModel, chunkCache?: ChunkCache) =>
    engine.render(
      { kind: DocumentKind.ELIGIBLE_LIST, data },
      { chunkSize: CHUNK_ROWS, createdAt: CREATED_AT, chunkCache },
    );

  it('reuses every chunk of the same list and gives the same bytes', async () => {
    const cache = counting(storageIn(mkdtempSync(join(tmpdir(), 'amnesty-chunks-'))).chunkCache());
    const first = await render(list, cache);
    expect(first.chunks).toBeGreaterThanOrEqual(6);
    expect(first.reusedChunks).toBe(0);
    expect(cache.puts).toBe(first.chunks);

    const again = await render(list, cache);
    expect(again.reusedChunks).toBe(first.chunks);
    expect(cache.puts).toBe(first.chunks);
    expect(again.sha256).toBe(first.sha256);
  });

  it('prints only the chunk holding a changed name, byte for byte the list printed without a cache', async () => {
    const cache = counting(storageIn(mkdtempSync(join(tmpdir(), 'amnesty-chunks-'))).chunkCache());
    const original = await render(list, cache);
    const changed = withName(list, 55, 'Đặng Thị Ngọc Hưởng');

    const reissued = await render(changed, cache);
    expect(reissued.reusedChunks).toBe(original.chunks - 1);
    expect(cache.puts).toBe(original.chunks + 1);
    const uncached = await render(changed);
    expect(uncached.reusedChunks).toBe(0);
    expect(reissued.sha256).toBe(uncached.sha256);
    expect(reissued.sha256).not.toBe(original.sha256);
    const text = flatText(await extractPages(reissued.bytes));
    expect(text).toContain('Đặng Thị Ngọc Hưởng');
  });

  it('keys a chunk by everything that decides its print', () => {
    const base = {
      browser: 'HeadlessChrome/143',
      shellSha256: 'a'.repeat(64),
      orientation: 'landscape' as Orientation,
      body: '<tr/>',
    };
    const key = chunkKey(base);
    expect(chunkKey({ ...base })).toBe(key);
    for (const change of [
      { browser: 'HeadlessChrome/144' },
      { shellSha256: 'b'.repeat(64) },
      { orientation: 'portrait' as Orientation },
      { body: '<tr></tr>' },
    ])
      expect(chunkKey({ ...base, ...change })).not.toBe(key);
  });
});

describe('chunk cache sweep', () => {
  it('removes chunks unused for the configured days, at most once an hour', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amnesty-chunks-'));
    const storage = storageIn(dir);
    const cache = storage.chunkCache();
    const now = new Date('2026-03-01T00:00:00Z');
    await cache.put('aa'.repeat(32), new Uint8Array([1]));
    await cache.put('bb'.repeat(32), new Uint8Array([2]));
    const stale = join(dir, 'chunk-cache', 'aa', `${'aa'.repeat(32)}.pdf`);
    const old = new Date(now.getTime() - 31 * 86_400_000);
    utimesSync(stale, old, old);
    const fresh = join(dir, 'chunk-cache', 'bb', `${'bb'.repeat(32)}.pdf`);
    const recent = new Date(now.getTime() - 29 * 86_400_000);
    utimesSync(fresh, recent, recent);

    expect(await storage.sweepChunkCache(now)).toBe(1);
    expect(readdirSync(join(dir, 'chunk-cache', 'aa'))).toEqual([]);
    expect(readdirSync(join(dir, 'chunk-cache', 'bb'))).toHaveLength(1);

    mkdirSync(join(dir, 'chunk-cache', 'cc'));
    writeFileSync(join(dir, 'chunk-cache', 'cc', 'x.pdf'), '');
    utimesSync(join(dir, 'chunk-cache', 'cc', 'x.pdf'), old, old);
    expect(await storage.sweepChunkCache(new Date(now.getTime() + 30 * 60_000))).toBe(0);
    expect(await storage.sweepChunkCache(new Date(now.getTime() + 61 * 60_000))).toBe(1);
  });

  it('marks a chunk used when it is read, so a chunk in use is never swept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amnesty-chunks-'));
    const storage = storageIn(dir);
    const cache = storage.chunkCache();
    const key = 'dd'.repeat(32);
    await cache.put(key, new Uint8Array([3]));
    const file = join(dir, 'chunk-cache', 'dd', `${key}.pdf`);
    const old = new Date(Date.now() - 40 * 86_400_000);
    utimesSync(file, old, old);
    expect(await cache.get(key)).toEqual(new Uint8Array([3]));
    expect(await storage.sweepChunkCache()).toBe(0);
    expect(await cache.get('ee'.repeat(32))).toBeNull();
  });
});
