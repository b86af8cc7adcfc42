import {
  ParseSpeeds,
  PDFContentStream,
  PDFDocument,
  PDFName,
  type LoadOptions,
  type PDFOperator,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import { signAssembled, type PdfSignRequest } from '../signing/sign-pdf.js';
import { takeSignatureMark, type SignatureBox } from '../signing/signature-mark.js';
import { shortHash } from '../snapshot-hash.js';
import { MARGINS_MM, PT_PER_MM, QR_SIZE_MM } from './page-geometry.js';
import { qrOperators } from './qr-stamp.js';
import { StampFonts } from './stamp-fonts.js';

export interface DocumentStamp {
  number: string;
  title: string;
  snapshotHash: string;
  // The PDF's creation date: the document's own date, never the clock, so the same snapshot renders to the same bytes;
  // none for a draft.
  createdAt: Date | null;
  // The public verification address encoded in each page's QR code; none for a draft rendered outside a document.
  verifyUrl: string | null;
  // False where each page stands alone (a batch of certificates): no page number in the top margin.
  pageNumbers?: boolean;
}

const PAGE_NUMBER_SIZE = 13;
const FOOTER_SIZE = 9;
const LEFT = MARGINS_MM.left * PT_PER_MM;
const RIGHT = MARGINS_MM.right * PT_PER_MM;
const BOTTOM = MARGINS_MM.bottom * PT_PER_MM;
const QR_SIZE = QR_SIZE_MM * PT_PER_MM;
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
  private appended = 0;
  private appending: Promise<void> = Promise.resolve();
  // One QR stream per page width (a submission mixes portrait and landscape pages), shared by the pages of that width.
  private readonly qrByWidth = new Map<number, PDFRef>();
  // Where the issuing signature's box stands (the last one marked), taken off the pages as they are appended.
  private signatureBox: SignatureBox | null = null;

  private constructor(
    private readonly out: PDFDocument,
    private readonly stamp: DocumentStamp,
    private readonly fonts: StampFonts,
    private readonly footer: PDFRef,
  ) {}

  static async create(stamp: DocumentStamp): Promise<PdfAssembler> {
    const out = await PDFDocument.create({ updateMetadata: false });
    const fonts = await StampFonts.embed(out);
    const footer = contentStream(
      out,
      fonts.operators(footerText(stamp.number, stamp.snapshotHash), {
        x: LEFT,
        y: BOTTOM + PT_PER_MM,
        size: FOOTER_SIZE,
      }),
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
    if (stamp.createdAt) {
      out.setCreationDate(stamp.createdAt);
      out.setModificationDate(stamp.createdAt);
    }
    // Object streams made saving a thousand-page list about four times slower for a tenth less size. Yielding to the
    // event loop every 50 objects (the default) tripled the time of saving a national list.
    const bytes = await out.save({ useObjectStreams: false, objectsPerTick: Infinity });
    // Counted afresh from the page tree (see `append`).
    const pages = out.getPageCount();
    if (pages !== this.appended) throw new Error(`The page tree holds ${pages} pages, ${this.appended} were appended`);
    return { bytes, pages };
  }

  // After `finish`: the same document signed by the issuing unit, its visible box where the signature block marked it.
  // The appearance gets faces of its own: drawing new characters with the page faces after the first save would make
  // pdf-lib embed their subsets a second time, which it cannot do.
  async sign(request: PdfSignRequest): Promise<Uint8Array> {
    return signAssembled(this.out, this.signatureBox, await StampFonts.embed(this.out), request);
  }

  private async appendReady(): Promise<void> {
    for (let chunk = this.pending.get(this.next); chunk; chunk = this.pending.get(this.next)) {
      this.pending.delete(this.next);
      const source = await PDFDocument.load(chunk, LOAD_CHUNK);
      for (const page of await this.out.copyPages(source, source.getPageIndices())) {
        this.append(page);
        this.stampPage(page, this.appended);
        const rect = takeSignatureMark(page);
        if (rect) this.signatureBox = { page: this.appended - 1, rect };
      }
      this.next += 1;
    }
  }

  // pdf-lib's addPage finds where a page goes by looking up every page already in the tree, so a thousand-page list
  // cost half a million lookups (a tenth of the Node.js CPU of a national list). Pages are only ever appended here:
  // each is pushed at the end of the root page tree, the tree addPage builds. pdf-lib counts the pages afresh the
  // first time it is asked, after the last one (nothing asks it while the pages are appended).
  private append(page: PDFPage): void {
    this.out.catalog.Pages().pushLeafNode(page.ref);
    page.node.setParent(this.out.catalog.get(PDFName.of('Pages')) as PDFRef);
    this.appended += 1;
  }

  // Decree 30/2020 centres the page number in the top margin and leaves it off the first page; the footer carries the
  // document number and the shortened snapshot hash on every page, with a QR code of the verification address at
  // its right. The footer is one content stream shared by every
  // page and the numbers are small uncompressed streams: compressing a stream per page was a fifth of the merge's CPU
  // on a national list.
  private stampPage(page: PDFPage, number: number): void {
    this.fonts.addTo(page);
    if (number > 1 && this.stamp.pageNumbers !== false) {
      const { width, height } = page.getSize();
      const label = String(number);
      const x = LEFT + (width - LEFT - RIGHT) / 2 - this.fonts.width(label, PAGE_NUMBER_SIZE) / 2;
      page.node.addContentStream(
        contentStream(this.out, this.fonts.operators(label, { x, y: height - 12 * PT_PER_MM, size: PAGE_NUMBER_SIZE })),
      );
    }
    page.node.addContentStream(this.footer);
    if (this.stamp.verifyUrl) page.node.addContentStream(this.qrFor(page.getWidth()));
  }

  private qrFor(width: number): PDFRef {
    let ref = this.qrByWidth.get(width);
    if (!ref) {
      const at = { x: width - RIGHT - QR_SIZE, y: BOTTOM, size: QR_SIZE };
      ref = contentStream(this.out, qrOperators(this.stamp.verifyUrl as string, at));
      this.qrByWidth.set(width, ref);
    }
    return ref;
  }
}

function contentStream(doc: PDFDocument, operators: PDFOperator[]): PDFRef {
  return doc.context.register(PDFContentStream.of(doc.context.obj({}), operators, false));
}
