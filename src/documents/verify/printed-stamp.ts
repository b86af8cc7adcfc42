import { PDFDocument } from 'pdf-lib';
import { SHORT_HASH_LENGTH } from '../snapshot-hash.js';

export interface PrintedStamp {
  number: string | null;
  shortHash: string;
}

const STAMP = new RegExp(`Số: (\\S+) · Mã dữ liệu: ([0-9a-f]{${SHORT_HASH_LENGTH}})`);

// Reads the footer stamped on every page (document number and shortened snapshot hash) from the text layer of the
// first page. The text layer is what survives a re-save or a signature appended to the file.
export async function readPrintedStamp(bytes: Uint8Array): Promise<PrintedStamp | null> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    for (let number = 1; number <= Math.min(doc.numPages, 3); number += 1) {
      const content = await (await doc.getPage(number)).getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join('');
      const match = STAMP.exec(text);
      if (match) return { number: match[1], shortHash: match[2] };
    }
    return null;
  } finally {
    await doc.destroy();
  }
}

export async function isPdf(bytes: Uint8Array): Promise<boolean> {
  if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').indexOf('%PDF-') < 0) return false;
  try {
    await PDFDocument.load(bytes, { updateMetadata: false });
    return true;
  } catch {
    return false;
  }
}
