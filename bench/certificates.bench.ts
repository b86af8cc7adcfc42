// `npm run bench:certificates`: the renderer's part of the 22,000-certificate goal (issue 19: ≤ 60 s), without a
// database. CERT_COUNT certificates (default 22,000) across CERT_FACILITIES facilities (default 110) are printed as
// the batch command stores them: one document per facility, one certificate per page, each signed by its unit, the
// pages cut into chunks of DOCUMENT_CHUNK_ROWS and printed through the on-disk chunk cache (cold), two documents at a
// time on the browser's two pages as one worker does. The baseline, measured in the same run: the same certificate
// printed as a document of its own, unsigned (the mean of CERT_SAMPLE documents), times the count.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../src/config/app-config.js';
import { DocumentStorage } from '../src/documents/document-storage.js';
import { BrowserPool } from '../src/documents/pdf/browser-pool.js';
import { DEFAULT_CHUNK_SIZE, PdfEngine } from '../src/documents/pdf/pdf-engine.js';
import { DocumentTemplates } from '../src/documents/render/document-templates.js';
import type { PdfSignRequest } from '../src/documents/signing/sign-pdf.js';
import { selfSignedP12 } from '../src/documents/signing/self-signed-certificate.js';
import { readIdentity } from '../src/documents/signing/signing-identity.js';
import type { CertificateViewModel } from '../src/documents/view-models/certificate.js';
import { DocumentKind } from '../src/documents/view-models/common.js';
import { ownCpuSeconds, treeCpuSeconds } from './process-tree.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const GIVEN = ['Văn Hòa', 'Thị Hạnh', 'Minh Quân', 'Đức Thắng', 'Ngọc Ửng', 'Thị Ánh', 'Quốc Việt', 'Thanh Tùng'];

function certificate(facility: number, index: number, number: string): CertificateViewModel {
  const name = `${FAMILY[index % FAMILY.length]} ${GIVEN[(index * 7 + facility) % GIVEN.length]}`;
  const day = String((index % 28) + 1).padStart(2, '0');
  return {
    heading: {
      issuer: { parent: 'CỤC C10 - BỘ CÔNG AN', name: `TRẠI GIAM SỐ ${facility + 1}` },
      number,
      placeDate: 'Hà Nội, ngày 01 tháng 9 năm 2025',
      documentType: 'GIẤY CHỨNG NHẬN ĐẶC XÁ',
      summary: '',
    },
    bases: ['Căn cứ Quyết định số 1244/QĐ-CTN ngày 29/8/2025 của Chủ tịch nước về đặc xá năm 2025;'],
    person: {
      fullName: name,
      alias: index % 9 === 0 ? 'Tý' : '',
      birthDate: `${day}/0${(index % 9) + 1}/19${60 + (index % 40)}`,
      sex: index % 5 === 0 ? 'Nữ' : 'Nam',
      birthPlace: '',
      residence: `Số ${index % 200} đường Lê Lợi, phường Bến Thành, thành phố Hồ Chí Minh`,
    },
    offence: index % 3 === 0 ? 'Trộm cắp tài sản (Điều 173 Bộ luật Hình sự)' : 'Cố ý gây thương tích (Điều 134)',
    sentence: `${(index % 12) + 3} năm tù`,
    judgment: `Bản án số ${index + 10}/2019/HS-ST ngày ${day}/03/2019 của Tòa án nhân dân thành phố Hà Nội`,
    custodyStart: `${day}/11/2018`,
    releaseDate: '01/09/2025',
    statement: 'Được tha tù trước thời hạn kể từ ngày 01/09/2025.',
    reportTo: 'Ủy ban nhân dân phường Bến Thành, thành phố Hồ Chí Minh',
    reportBy: '',
    signatures: [{ authority: null, title: 'GIÁM THỊ', name: 'Nguyễn Văn Thành', note: null }],
    recipients: { entries: [name], archive: 'Lưu: VT, hồ sơ đặc xá.' },
  };
}

async function main(): Promise<void> {
  const count = Number(process.env.CERT_COUNT ?? 22_000);
  const facilities = Number(process.env.CERT_FACILITIES ?? 110);
  const sample = Number(process.env.CERT_SAMPLE ?? 20);
  const chunkSize = Number(process.env.DOCUMENT_CHUNK_ROWS ?? DEFAULT_CHUNK_SIZE);
  const pool = new BrowserPool({
    chromePath: process.env.CHROME_PATH || undefined,
    maxPages: 2,
    recycleAfterDocuments: 1000,
  });
  const engine = new PdfEngine(pool, new DocumentTemplates());
  const p12 = selfSignedP12({ commonName: 'Trại giam', organization: null, passphrase: 'b', now: new Date() });
  const sign: PdfSignRequest = {
    identity: readIdentity(p12, 'b', 'bench'),
    signingTime: new Date(),
    reason: 'Cấp giấy chứng nhận đặc xá',
    location: 'Hà Nội',
  };
  const cacheDir = mkdtempSync(join(tmpdir(), 'amnesty-bench-certificates-'));
  const chunkCache = new DocumentStorage({
    storageDir: cacheDir,
    documentChunkCacheDays: 30,
  } as AppConfig).chunkCache();
  const batches = Array.from({ length: facilities }, (_, f) => {
    const size = Math.floor(count / facilities) + (f < count % facilities ? 1 : 0);
    const certificates = Array.from({ length: size }, (_, i) =>
      certificate(f, i, `${String(i + 1).padStart(2, '0')}/GCNĐX`),
    );
    return {
      heading: { ...certificates[0].heading, number: `01-${size}/GCNĐX`, summary: `Cấp cho ${size} người` },
      certificates,
    };
  });
  console.log(
    `certificates: ${count.toLocaleString('en')} in ${facilities} facility batches, chunks of ${chunkSize} pages, ` +
      `${availableParallelism()} cores, load average at start ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  try {
    // Warm the browser (its first launch unpacks Chromium) outside the measure.
    await engine.render({ kind: DocumentKind.CERTIFICATE, data: certificate(0, 0, '00/GCNĐX') }, { timeoutMs: 60_000 });

    const cpu0 = treeCpuSeconds();
    const node0 = ownCpuSeconds();
    const t0 = performance.now();
    let next = 0;
    let pages = 0;
    const lane = async (): Promise<void> => {
      while (next < batches.length) {
        const data = batches[next++];
        const rendered = await engine.render(
          { kind: DocumentKind.CERTIFICATE_BATCH, data },
          {
            timeoutMs: 600_000,
            chunkSize,
            sign,
            chunkCache,
            createdAt: new Date(0),
            verifyUrl: 'https://xacminh.example/v/1',
          },
        );
        pages += rendered.pages;
      }
    };
    await Promise.all([lane(), lane()]);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = treeCpuSeconds() - cpu0;
    const nodeCpu = ownCpuSeconds() - node0;

    const b0 = performance.now();
    for (let i = 0; i < sample; i += 1)
      await engine.render(
        { kind: DocumentKind.CERTIFICATE, data: batches[i % facilities].certificates[i] },
        { timeoutMs: 60_000, createdAt: new Date(0), verifyUrl: 'https://xacminh.example/v/1' },
      );
    const perDocument = (performance.now() - b0) / 1000 / sample;
    const extrapolated = perDocument * count;
    console.log(
      `batched: ${seconds.toFixed(1)} s wall, ${cpu.toFixed(1)} CPU-s (Node.js ${nodeCpu.toFixed(1)}, Chromium ${(cpu - nodeCpu).toFixed(1)}), ${pages.toLocaleString('en')} pages, ` +
        `${(pages / seconds).toFixed(0)} pages/s; goal 22,000 ≤ 60 s: ${seconds * (22_000 / count) <= 60 ? 'met' : 'NOT met'}` +
        `${count === 22_000 ? '' : ' (scaled linearly)'}`,
    );
    console.log(
      `baseline, one unsigned document per certificate: ${perDocument.toFixed(3)} s each (mean of ${sample}) × ${count} = ` +
        `${extrapolated.toFixed(1)} s; batched / baseline = ${(seconds / extrapolated).toFixed(3)}×; ` +
        `load average at the end ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
  } finally {
    await pool.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
