import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { recipientsFor } from '../../src/documents/builders/heading.js';
import type { DocumentRequest } from '../../src/documents/builders/snapshot-builder.js';
import { MARGINS_MM, PT_PER_MM, QR_SIZE_MM } from '../../src/documents/pdf/page-geometry.js';
import { findProjectRoot } from '../../src/documents/render/project-paths.js';
import { DocumentKind } from '../../src/documents/view-models/common.js';
import type { DocumentSnapshot } from '../../src/documents/view-models/view-model-map.js';
import {
  AppraisalNoteFactory,
  CertificateFactory,
  ProposalSheetFactory,
} from './factories/dossier-documents.factory.js';
import { AppraisalRecordFactory } from './factories/appraisal-record.factory.js';
import { ComplaintDecisionFactory, ProcuracyNoticeFactory } from './factories/complaint-documents.factory.js';
import { CourtDocumentsFactory } from './factories/court-documents.factory.js';
import { ProposalListFactory } from './factories/list.factory.js';
import { CouncilMinutesFactory, TeamMinutesFactory } from './factories/minutes.factory.js';
import { ExplanatoryReportFactory, SubmissionFactory } from './factories/reports.factory.js';
import { expectLooksAsApproved, LOOK_SCALE, lookPages } from './support/golden.js';
import { extractPages, type ExtractedPage } from './support/pdf-text.js';
import { expectNothingInternal } from './support/printed-text.js';
import { rasterize, type Raster } from './support/rasterize.js';
import { sharedEngine } from './support/shared-engine.js';

// One snapshot of every kind, sized so that the closing does not fit under the table on the first page.
const SNAPSHOTS: Record<string, DocumentSnapshot> = {
  'team-minutes': { kind: DocumentKind.TEAM_MINUTES, data: TeamMinutesFactory.build(4) },
  'council-minutes': { kind: DocumentKind.COUNCIL_MINUTES, data: CouncilMinutesFactory.build(4) },
  'eligible-list': { kind: DocumentKind.ELIGIBLE_LIST, data: ProposalListFactory.build({ facilities: [4] }) },
  'proposal-sheet': { kind: DocumentKind.PROPOSAL_SHEET, data: ProposalSheetFactory.build() },
  'appraisal-note': { kind: DocumentKind.APPRAISAL_NOTE, data: AppraisalNoteFactory.build() },
  'explanatory-report': { kind: DocumentKind.EXPLANATORY_REPORT, data: ExplanatoryReportFactory.build(3) },
  submission: { kind: DocumentKind.SUBMISSION, data: SubmissionFactory.build() },
  certificate: { kind: DocumentKind.CERTIFICATE, data: CertificateFactory.build() },
  'complaint-decision': { kind: DocumentKind.COMPLAINT_DECISION, data: ComplaintDecisionFactory.build() },
  'procuracy-notice': { kind: DocumentKind.PROCURACY_NOTICE, data: ProcuracyNoticeFactory.build() },
  'appraisal-record': { kind: DocumentKind.APPRAISAL_RECORD, data: AppraisalRecordFactory.build(8, 3) },
  'court-list': { kind: DocumentKind.ELIGIBLE_LIST, data: CourtDocumentsFactory.list(4) },
  'court-procuracy-notice': { kind: DocumentKind.PROCURACY_NOTICE, data: CourtDocumentsFactory.procuracyNotice() },
  'court-certificate': { kind: DocumentKind.CERTIFICATE, data: CourtDocumentsFactory.certificate() },
};
const VERIFY_URL = 'https://dacxa.example.gov.vn/xac-minh/6f1c2a9e-4c1b-4a57-9f0e-2d7c5b3a1e08?h=0123456789ab';
const CREATED_AT = new Date('2025-07-10T02:00:00Z');
const GOLDEN_DIR = join(findProjectRoot(), 'test', 'documents', 'golden');
// jsqr is CommonJS with its function on `default`.
const jsQR = (jsQRModule as unknown as { default: typeof jsQRModule.default }).default;
const mm = (value: number): number => value * PT_PER_MM;

describe('document layout as Decree 30/2020, Appendix I draws it', () => {
  const engine = sharedEngine();
  const rendered = new Map<
    string,
    { bytes: Uint8Array; sha256: string; pages: ExtractedPage[]; qr: Raster[]; look: Map<number, Raster> }
  >();

  beforeAll(async () => {
    for (const [name, snapshot] of Object.entries(SNAPSHOTS)) {
      const document = await engine.render(snapshot, { createdAt: CREATED_AT, verifyUrl: VERIFY_URL });
      const pages = await extractPages(document.bytes);
      rendered.set(name, { bytes: document.bytes, sha256: document.sha256, pages, qr: [], look: new Map() });
    }
    // Each page's QR corner at about 430 dpi, and page 1 and the last page whole at 36 dpi, in one pass of pdf.js.
    const size = mm(QR_SIZE_MM) + 8;
    const jobs = [...rendered.values()].map(({ bytes, pages }) => ({
      pdf: bytes,
      requests: [
        ...pages.map((page, index) => ({
          page: index + 1,
          scale: 6,
          clip: {
            x: page.width - mm(MARGINS_MM.right) - size + 4,
            y: mm(MARGINS_MM.bottom) - 4,
            width: size,
            height: size,
          },
        })),
        ...lookPages(pages.length).map((page) => ({ page, scale: LOOK_SCALE })),
      ],
    }));
    const rasters = await rasterize(engine.pool, jobs);
    for (const [index, entry] of [...rendered.values()].entries()) {
      entry.qr = rasters[index].slice(0, entry.pages.length);
      const looks = rasters[index].slice(entry.pages.length);
      entry.look.set(1, looks[0]);
      entry.look.set(entry.pages.length, looks[looks.length - 1]);
    }
  }, 180_000);
  afterAll(() => engine.close());

  it.each(Object.keys(SNAPSHOTS))('%s: no text is printed in the margins', (name) => {
    const outside: string[] = [];
    for (const [index, page] of rendered.get(name)!.pages.entries()) {
      for (const item of page.items) {
        if (item.text.trim() === '') continue;
        // Decree 30/2020 centres the page number in the top margin: that is the only mark allowed there.
        const pageNumber = /^\d+$/.test(item.text) && item.y > page.height - mm(MARGINS_MM.top);
        const inside =
          item.x >= mm(MARGINS_MM.left) - 0.5 &&
          item.x + item.width <= page.width - mm(MARGINS_MM.right) + 0.5 &&
          item.y >= mm(MARGINS_MM.bottom) - 0.5 &&
          // A glyph reaches about 0.85 of its size above the baseline (Vietnamese capitals with their marks).
          (item.y + 0.85 * item.size <= page.height - mm(MARGINS_MM.top) + 0.5 || pageNumber);
        if (!inside) outside.push(`page ${index + 1}: "${item.text}" at (${item.x.toFixed(1)}, ${item.y.toFixed(1)})`);
      }
    }
    expect(outside).toEqual([]);
  });

  it.each(['team-minutes', 'council-minutes', 'eligible-list', 'explanatory-report', 'appraisal-record', 'court-list'])(
    '%s: the signatures never stand alone on the last page',
    (name) => {
      const pages = rendered.get(name)!.pages;
      const last = pages[pages.length - 1].text;
      const lastPerson = JSON.stringify(SNAPSHOTS[name].data).match(/"fullName":"([^"]+)"(?![\s\S]*"fullName")/)![1];
      expect(last).toContain(lastPerson);
      expect(last).toMatch(/Nơi nhận:|THƯ KÝ|CHỦ TỌA|CHỦ TỊCH/);
    },
  );

  it('keeps "Số, ký hiệu" such as 1244/2025/QĐ-CTN on one line', async () => {
    const title =
      'Về việc đề nghị đặc xá theo Quyết định số 1244/2025/QĐ-CTN ngày 03 tháng 7 năm 2025 của Chủ tịch nước';
    const data = SubmissionFactory.build();
    data.heading = { ...data.heading, summary: title };
    const document = await engine.render({ kind: DocumentKind.SUBMISSION, data }, { createdAt: CREATED_AT });
    const lines = (await extractPages(document.bytes))[0].lines.map((line) => line.text);
    expect(lines.some((line) => line.includes('1244/2025/QĐ-CTN'))).toBe(true);
  });

  it('renders the same snapshot to the same bytes, in another browser too', async () => {
    const other = sharedEngine();
    try {
      for (const name of ['eligible-list', 'submission']) {
        const again = await other.render(SNAPSHOTS[name], { createdAt: CREATED_AT, verifyUrl: VERIFY_URL });
        expect(again.sha256).toBe(rendered.get(name)!.sha256);
      }
    } finally {
      await other.close();
    }
  });

  it.each(Object.keys(SNAPSHOTS))(
    '%s: prints no internal code, field path, version tag or missing value',
    async (name) => {
      await expectNothingInternal(rendered.get(name)!.bytes);
    },
  );

  it.each(Object.keys(SNAPSHOTS))('%s: every page carries a QR code of the verification address', (name) => {
    const { qr, pages } = rendered.get(name)!;
    expect(qr).toHaveLength(pages.length);
    for (const raster of qr) {
      const code = jsQR(new Uint8ClampedArray(raster.data.buffer), raster.width, raster.height);
      expect(code?.data).toBe(VERIFY_URL);
    }
  });

  // Golden images: page 1 and the last page of each kind against the committed pictures.
  it.each(Object.keys(SNAPSHOTS))('%s: first and last page look as approved', (name) => {
    expectLooksAsApproved(
      [...rendered.get(name)!.look].map(([page, raster]) => ({
        file: join(GOLDEN_DIR, `${name}-p${page === 1 ? 'first' : 'last'}.png`),
        raster,
      })),
    );
  });
});

describe('Nơi nhận', () => {
  const request = (recipients: string[]): DocumentRequest => ({ recipients }) as unknown as DocumentRequest;

  it('prints an archive line typed among the recipients once, last, instead of the default', () => {
    expect(recipientsFor(request(['Bộ Công an;', 'Lưu: VT, C10.', 'Viện kiểm sát nhân dân tối cao']))).toEqual({
      entries: ['Bộ Công an', 'Viện kiểm sát nhân dân tối cao'],
      archive: 'Lưu: VT, C10.',
    });
  });

  it('prints an entry typed twice, or typed and added by the builder, once, and only the first archive line', () => {
    expect(
      recipientsFor(
        request(['- Viện kiểm sát nhân dân tối cao;', 'Lưu: VT, ĐXA.', 'viện kiểm sát nhân dân tối cao', 'Lưu: VT.']),
      ),
    ).toEqual({ entries: ['Viện kiểm sát nhân dân tối cao'], archive: 'Lưu: VT, ĐXA.' });
  });

  it('adds the default archive line when none is typed', () => {
    expect(recipientsFor(request(['Như trên']))).toEqual({ entries: ['Như trên'], archive: 'Lưu: VT.' });
  });
});
