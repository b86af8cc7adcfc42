import {
  ParseSpeeds,
  PDFContentStream,
  PDFDocument,
  type LoadOptions,
  type PDFOperator,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import { shortHash } from '../snapshot-hash.js';
import { MARGINS_MM, PT_PER_MM } from './page-geometry.js';
import { StampFonts } from './stamp-fonts.js';

export interface DocumentStamp {
  number: string;
  title: string;
  snapshotHash: string;
  createdAt: Date;
}

const PAGE_NUMBER_SIZE = 13;
const FOOTER_SIZE = 9;
const LEFT = MARGINS_MM.left * PT_PER_MM;
const RIGHT = MARGINS_MM.right * PT_PER_MM;
// A chunk is parsed in one go (the default yields to the event loop every hundred objects) and its metadata is left
// alone: only its pages are copied.
const LOAD_CHUNK: LoadOptions = { parseSpeed: ParseSpeeds.Fastest, updateMetadata: false };

export function footerText(number: string, snapshotHash: string): string {
  return `Số: ${number} · Mã dữ liệu: ${shortHash(snapshotHash)}`;
}

// Collects chunk PDFs in document order as they finish (chunks render in parallel and may finish out of order), so
// merging overlaps with rendering instead of waiting for the last chunk. Each page is numbered and stamped as it is
// appended (every chunk restarted Chromium's page counter), so only saving is left after the last chunk.
export class PdfAssembler {
  private readonly pending = new Map<number, Uint8Array>();
  private next = 0;
  private appending: Promise<void> = Promise.resolve();

  private constructor(
    private readonly out: PDFDocument,
    private readonly stamp: DocumentStamp,
    private readonly fonts: StampFonts,
    private readonly footer: PDFRef,
  ) {}

  static async create(stamp: DocumentStamp): Promise<PdfAssembler> {
    const out = await PDFDocument.create();
    const fonts = await StampFonts.embed(out);
    const footer = contentStream(
      out,
      fonts.operators(footerText(stamp.number, stamp.snapshotHash), { x: LEFT, y: 10 * PT_PER_MM, size: FOOTER_SIZE }),
    );
    return new PdfAssembler(out, stamp, fonts, footer);
  }

  add(index: number, chunk: Uint8Array): Promise<void> {
    this.pending.set(index, chunk);
    this.appending = this.appending.then(() => this.appendReady());
    return this.appending;
  }

  async finish(): Promise<{ bytes: Uint8Array; pages: number }> {
    await this.appending;
    if (this.pending.size > 0)
      throw new Error(`Chunks missing before ${this.next}; ${this.pending.size} left unmerged`);
    const { out, stamp } = this;
    out.setTitle(stamp.title);
    out.setSubject(`${stamp.number} ${stamp.snapshotHash}`);
    out.setKeywords([stamp.number, stamp.snapshotHash]);
    out.setCreator('amnesty-pipeline');
    out.setProducer('amnesty-pipeline');
    out.setCreationDate(stamp.createdAt);
    out.setModificationDate(stamp.createdAt);
    // Object streams made saving a thousand-page list about four times slower for a tenth less size. Yielding to the
    // event loop every 50 objects (the default) tripled the time of saving a national list.
    const bytes = await out.save({ useObjectStreams: false, objectsPerTick: Infinity });
    return { bytes, pages: out.getPageCount() };
  }

  private async appendReady(): Promise<void> {
    for (let chunk = this.pending.get(this.next); chunk; chunk = this.pending.get(this.next)) {
      this.pending.delete(this.next);
      const source = await PDFDocument.load(chunk, LOAD_CHUNK);
      for (const page of await this.out.copyPages(source, source.getPageIndices())) {
        this.out.addPage(page);
        this.stampPage(page, this.out.getPageCount());
      }
      this.next += 1;
    }
  }

  // Decree 30/2020 centres the page number in the top margin and leaves it off the first page; the footer carries the
  // document number and the shortened snapshot hash on every page. The footer is one content stream shared by every
  // page and the numbers are small uncompressed streams: compressing a stream per page was a fifth of the merge's CPU
  // on a national list.
  private stampPage(page: PDFPage, number: number): void {
    this.fonts.addTo(page);
    if (number > 1) {
      const { width, height } = page.getSize();
      const label = String(number);
      const x = LEFT + (width - LEFT - RIGHT) / 2 - this.fonts.width(label, PAGE_NUMBER_SIZE) / 2;
      page.node.addContentStream(
        contentStream(this.out, this.fonts.operators(label, { x, y: height - 12 * PT_PER_MM, size: PAGE_NUMBER_SIZE })),
      );
    }
    page.node.addContentStream(this.footer);
  }
}

function contentStream(doc: PDFDocument, operators: PDFOperator[]): PDFRef {
  return doc.context.register(PDFContentStream.of(doc.context.obj({}), operators, false));
}
