import { PDFDocument } from 'pdf-lib';
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

export function footerText(number: string, snapshotHash: string): string {
  return `Số: ${number} · Mã dữ liệu: ${shortHash(snapshotHash)}`;
}

// Collects chunk PDFs in document order as they finish (chunks render in parallel and may finish out of order), so
// merging overlaps with rendering instead of waiting for the last chunk.
export class PdfAssembler {
  private readonly pending = new Map<number, Uint8Array>();
  private next = 0;
  private appending: Promise<void> = Promise.resolve();

  private constructor(private readonly out: PDFDocument) {}

  static async create(): Promise<PdfAssembler> {
    return new PdfAssembler(await PDFDocument.create());
  }

  add(index: number, chunk: Uint8Array): Promise<void> {
    this.pending.set(index, chunk);
    this.appending = this.appending.then(() => this.appendReady());
    return this.appending;
  }

  // Numbers the pages after the merge (every chunk restarted Chromium's page counter). Decree 30/2020 centres the
  // number in the top margin and leaves it off the first page; the footer carries the document number and the
  // shortened snapshot hash on every page.
  async finish(stamp: DocumentStamp): Promise<{ bytes: Uint8Array; pages: number }> {
    await this.appending;
    if (this.pending.size > 0) throw new Error(`Chunks missing before ${this.next}; ${this.pending.size} left unmerged`);
    const out = this.out;
    const fonts = await StampFonts.embed(out);
    const footer = footerText(stamp.number, stamp.snapshotHash);
    const left = MARGINS_MM.left * PT_PER_MM;
    const right = MARGINS_MM.right * PT_PER_MM;
    out.getPages().forEach((page, index) => {
      const { width, height } = page.getSize();
      if (index > 0) {
        const label = String(index + 1);
        const x = left + (width - left - right) / 2 - fonts.width(label, PAGE_NUMBER_SIZE) / 2;
        fonts.draw(page, label, { x, y: height - 12 * PT_PER_MM, size: PAGE_NUMBER_SIZE });
      }
      fonts.draw(page, footer, { x: left, y: 10 * PT_PER_MM, size: FOOTER_SIZE });
    });
    out.setTitle(stamp.title);
    out.setSubject(`${stamp.number} ${stamp.snapshotHash}`);
    out.setKeywords([stamp.number, stamp.snapshotHash]);
    out.setCreator('amnesty-pipeline');
    out.setProducer('amnesty-pipeline');
    out.setCreationDate(stamp.createdAt);
    out.setModificationDate(stamp.createdAt);
    // Object streams made saving a thousand-page list about four times slower for a tenth less size.
    const bytes = await out.save({ useObjectStreams: false });
    return { bytes, pages: out.getPageCount() };
  }

  private async appendReady(): Promise<void> {
    for (let chunk = this.pending.get(this.next); chunk; chunk = this.pending.get(this.next)) {
      this.pending.delete(this.next);
      const source = await PDFDocument.load(chunk);
      for (const page of await this.out.copyPages(source, source.getPageIndices())) this.out.addPage(page);
      this.next += 1;
    }
  }
}
