import { PDFDocument } from 'pdf-lib';
import { shortHash } from '../snapshot-hash.js';
import { MARGINS_MM, PT_PER_MM } from './page-geometry.js';
import { StampFonts } from './stamp-fonts.js';

export interface AssembleInput {
  chunks: Uint8Array[];
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

// Merges the chunk PDFs and numbers the pages afterwards, since every chunk restarted Chromium's page counter.
// Decree 30/2020 places the number centred in the top margin and not on the first page; the footer carries the
// document number and the shortened snapshot hash on every page.
export async function assemblePdf(input: AssembleInput): Promise<{ bytes: Uint8Array; pages: number }> {
  const out = await PDFDocument.create();
  for (const chunk of input.chunks) {
    const source = await PDFDocument.load(chunk);
    for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page);
  }
  const fonts = await StampFonts.embed(out);
  const footer = footerText(input.number, input.snapshotHash);
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
  out.setTitle(input.title);
  out.setSubject(`${input.number} ${input.snapshotHash}`);
  out.setKeywords([input.number, input.snapshotHash]);
  out.setCreator('amnesty-pipeline');
  out.setProducer('amnesty-pipeline');
  out.setCreationDate(input.createdAt);
  out.setModificationDate(input.createdAt);
  const bytes = await out.save({ useObjectStreams: true });
  return { bytes, pages: out.getPageCount() };
}
