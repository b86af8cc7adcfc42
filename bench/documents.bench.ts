// Times the PDF engine on list documents at facility and national scale, with memory sampled over this process and
// the whole Chromium process tree, beside a one-piece rendering of 2,000 rows as the baseline.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { descendants, treeCpuSeconds } from './process-tree.js';
import type { AppConfig } from '../src/config/app-config.js';
import { DocumentStorage } from '../src/documents/document-storage.js';
import type { ChunkCache } from '../src/documents/pdf/chunk-cache.js';
import { BrowserPool } from '../src/documents/pdf/browser-pool.js';
import { DEFAULT_CHUNK_SIZE, PdfEngine } from '../src/documents/pdf/pdf-engine.js';
import { DocumentTemplates } from '../src/documents/render/document-templates.js';
import type { PdfSignRequest } from '../src/documents/signing/sign-pdf.js';
import { selfSignedP12 } from '../src/documents/signing/self-signed-certificate.js';
import { readIdentity } from '../src/documents/signing/signing-identity.js';
import { DocumentKind } from '../src/documents/view-models/common.js';
import type { ProposalListViewModel } from '../src/documents/view-models/proposal-list.js';
import { syntheticList } from './synthetic-list.js';
import { upperMedian as median } from './median.js';

// The list issued again with one name corrected: the row in the middle of the list, different on every run.
function withOneNameChanged(list: ProposalListViewModel, run: number): ProposalListViewModel {
  const order = Math.floor(list.totals.people / 2) + run;
  return {
    ...list,
    groups: list.groups.map((group) => ({
      ...group,
      rows: group.rows.map((row) =>
        row.order === order ? { ...row, fullName: `${row.fullName} Sửa ${run + 1}` } : row,
      ),
    })),
  };
}

function procValue(pid: number, file: string, key: string): number {
  try {
    const line = readFileSync(`/proc/${pid}/${file}`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${key}:`));
    return line ? Number(line.replace(/\D+/g, ' ').trim().split(' ')[0]) * 1024 : 0;
  } catch {
    return 0;
  }
}

// PSS splits shared pages between the processes that share them, so the sum over the tree is not double counted.
function treeMemory(): { pss: number; rss: number } {
  let pss = 0;
  let rss = 0;
  for (const pid of descendants(process.pid)) {
    pss += procValue(pid, 'smaps_rollup', 'Pss');
    rss += procValue(pid, 'status', 'VmRSS');
  }
  return { pss, rss };
}

interface Measured {
  seconds: number;
  pages: number;
  peakPss: number;
  peakRss: number;
  nodeCpu: number;
  chromiumCpu: number;
}

async function measure(run: () => Promise<{ pages: number }>): Promise<Measured> {
  let peakPss = 0;
  let peakRss = 0;
  const sample = (): void => {
    const memory = treeMemory();
    peakPss = Math.max(peakPss, memory.pss);
    peakRss = Math.max(peakRss, memory.rss);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  const cpuBefore = treeCpuSeconds();
  const nodeBefore = process.cpuUsage();
  const started = performance.now();
  try {
    const result = await run();
    sample();
    const node = process.cpuUsage(nodeBefore);
    const nodeCpu = (node.user + node.system) / 1e6;
    const chromiumCpu = Math.max(0, treeCpuSeconds() - cpuBefore - nodeCpu);
    return {
      seconds: (performance.now() - started) / 1000,
      pages: result.pages,
      peakPss,
      peakRss,
      nodeCpu,
      chromiumCpu,
    };
  } finally {
    clearInterval(timer);
  }
}

// Reading smaps_rollup walks every mapping of a process; sampling too often slows the browser being measured.
const SAMPLE_MS = Number(process.env.BENCH_SAMPLE_MS ?? 250);

const gb = (bytes: number): string => (bytes / 1024 ** 3).toFixed(2);

async function main(): Promise<void> {
  const pool = new BrowserPool({
    chromePath: process.env.CHROME_PATH || undefined,
    maxPages: 2,
    recycleAfterDocuments: 1000,
  });
  const engine = new PdfEngine(pool, new DocumentTemplates());
  // The issuing unit's signature as a stored document gets it (a self-signed demo certificate, RSA 2048).
  const p12 = selfSignedP12({
    commonName: 'Hội đồng tư vấn đặc xá',
    organization: null,
    passphrase: 'b',
    now: new Date(),
  });
  const sign: PdfSignRequest = {
    identity: readIdentity(p12, 'b', 'bench'),
    signingTime: new Date(),
    reason: 'Ban hành văn bản số 09/DS-HĐTVĐX',
    location: 'Hà Nội',
  };
  const render =
    (data: ProposalListViewModel, chunkSize: number, signed = false, chunkCache?: ChunkCache) =>
    () =>
      engine.render(
        { kind: DocumentKind.ELIGIBLE_LIST, data },
        { timeoutMs: 600_000, chunkSize, sign: signed ? sign : null, chunkCache, createdAt: new Date(0) },
      );
  // The storage's own chunk cache, on disk in a throw-away folder, warmed by the national list issued once.
  const cacheDir = mkdtempSync(join(tmpdir(), 'amnesty-bench-chunks-'));
  const chunkCache = new DocumentStorage({
    storageDir: cacheDir,
    documentChunkCacheDays: 30,
  } as AppConfig).chunkCache();
  const chunk = DEFAULT_CHUNK_SIZE;
  const national = syntheticList(15_000, 60);
  const cases: {
    name: string;
    data: ProposalListViewModel | ((run: number) => ProposalListViewModel);
    chunk: number;
    runs: number;
    goal: string;
    signed?: boolean;
    cache?: ChunkCache;
  }[] = [
    { name: 'facility list, 500 rows', data: syntheticList(500, 1), chunk, runs: 5, goal: 'time ≤ 2 s' },
    {
      name: 'national list, 15,000 rows',
      data: national,
      chunk,
      runs: 3,
      goal: 'time ≤ 15 s, peak ≤ 1 GB',
    },
    { name: 'national list, 15,000 rows, signed', data: national, chunk, runs: 3, goal: '', signed: true },
    { name: `2,000 rows in ${chunk}-row chunks`, data: syntheticList(2_000, 8), chunk, runs: 3, goal: '' },
    { name: '2,000 rows in one piece (baseline)', data: syntheticList(2_000, 8), chunk: 1_000_000, runs: 3, goal: '' },
    {
      name: 'national list re-issued after one name changed, chunk cache warm',
      data: (run) => withOneNameChanged(national, run),
      chunk,
      runs: 3,
      goal: 'time ≤ 1 s, same bytes',
      cache: chunkCache,
    },
  ];
  try {
    await measure(render(syntheticList(50, 1), chunk)); // warm-up: launch Chromium and load the fonts once
    await render(national, chunk, false, chunkCache)(); // the list as first issued, its chunks kept
    const rows: (Measured & { name: string; goal: string })[] = [];
    for (const item of cases) {
      const results = [];
      for (let run = 0; run < item.runs; run += 1) {
        const data = typeof item.data === 'function' ? item.data(run) : item.data;
        results.push(await measure(render(data, item.chunk, item.signed, item.cache)));
      }
      rows.push({
        name: `${item.name} (median of ${item.runs})`,
        seconds: median(results.map((r) => r.seconds)),
        pages: results[0].pages,
        peakPss: Math.max(...results.map((r) => r.peakPss)),
        peakRss: Math.max(...results.map((r) => r.peakRss)),
        nodeCpu: median(results.map((r) => r.nodeCpu)),
        chromiumCpu: median(results.map((r) => r.chromiumCpu)),
        goal: item.goal,
      });
    }
    console.log(
      `load average at start: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} on ${cpus().length} cores`,
    );
    console.log(
      'case | wall s | pages | CPU s Chromium + node | peak PSS GB (node + Chromium) | peak RSS sum GB | goal',
    );
    for (const row of rows) {
      const cpu = `${row.chromiumCpu.toFixed(2)} + ${row.nodeCpu.toFixed(2)}`;
      console.log(
        `${row.name} | ${row.seconds.toFixed(2)} | ${row.pages} | ${cpu} | ${gb(row.peakPss)} | ${gb(row.peakRss)} | ${row.goal}`,
      );
    }
    const signed = rows[2];
    console.log(
      `national 15,000 rows signed / unsigned (medians of this run): ${signed.seconds.toFixed(2)} s / ${rows[1].seconds.toFixed(2)} s = ${(signed.seconds / rows[1].seconds).toFixed(2)}×`,
    );
    const chunked = rows[3];
    const onePiece = rows[4];
    console.log(
      `ratio one-piece / chunked at 2,000 rows: time ${(onePiece.seconds / chunked.seconds).toFixed(2)}×, peak PSS ${(onePiece.peakPss / chunked.peakPss).toFixed(2)}×`,
    );
    console.log(
      `national 15,000 rows vs one-piece 2,000: ${(rows[1].seconds / onePiece.seconds).toFixed(2)}× the time for 7.5× the rows`,
    );
    const reissued = rows[5];
    console.log(
      `national list re-issued after one change / issued cold (medians of this run): ${reissued.seconds.toFixed(2)} s / ${rows[1].seconds.toFixed(2)} s = ${(reissued.seconds / rows[1].seconds).toFixed(2)}×`,
    );
    const changed = withOneNameChanged(national, 99); // a change none of the runs made
    const [cached, fresh] = [await render(changed, chunk, false, chunkCache)(), await render(changed, chunk)()];
    console.log(
      `re-issued list from the cache is byte for byte the list printed without it: ${cached.sha256 === fresh.sha256 ? 'yes' : 'NO'} (${cached.reusedChunks} of ${cached.chunks} chunks reused)`,
    );
    const nationalRow = rows[1];
    console.log(
      `national list on ${cpus().length} idle cores, from its CPU time: ≈ ${((nationalRow.chromiumCpu + nationalRow.nodeCpu) / cpus().length).toFixed(1)} s (an estimate, not a measurement)`,
    );
  } finally {
    await pool.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

await main();
