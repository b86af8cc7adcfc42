import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';

export interface TextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface ExtractedPage {
  width: number;
  height: number;
  items: TextItem[];
  // Items joined in reading order, one line per baseline, top to bottom.
  lines: { y: number; text: string }[];
  text: string;
}

export async function extractPages(bytes: Uint8Array): Promise<ExtractedPage[]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pages: ExtractedPage[] = [];
  for (let number = 1; number <= doc.numPages; number += 1) {
    const page = await doc.getPage(number);
    const [, , width, height] = page.view;
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      items.push({
        text: item.str,
        x: item.transform[4],
        y: item.transform[5],
        width: item.width,
        size: Math.hypot(item.transform[2], item.transform[3]),
      });
    }
    const lines = linesOf(items);
    pages.push({ width, height, items, lines, text: lines.map((line) => line.text).join('\n') });
  }
  await doc.destroy();
  return pages;
}

function linesOf(items: TextItem[]): { y: number; text: string }[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; parts: TextItem[] }[] = [];
  for (const item of sorted) {
    const line = lines.find((candidate) => Math.abs(candidate.y - item.y) < 2);
    if (line) line.parts.push(item);
    else lines.push({ y: item.y, parts: [item] });
  }
  return lines.map((line) => ({
    y: line.y,
    text: line.parts
      .sort((a, b) => a.x - b.x)
      .map((part) => part.text)
      .join(''),
  }));
}

export function allText(pages: ExtractedPage[]): string {
  return pages.map((page) => page.text).join('\n');
}

export interface EmbeddedFontReport {
  names: string[];
  // Fonts drawn without an embedded font program (a viewer would substitute a system font).
  notEmbedded: string[];
}

// Walks every font dictionary in the file: each simple or CID font must point at a descriptor with a font program.
export async function fontReport(bytes: Uint8Array): Promise<EmbeddedFontReport> {
  const doc = await PDFDocument.load(bytes);
  const names = new Set<string>();
  const notEmbedded = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    if (object.get(PDFName.of('Subtype')) === PDFName.of('Type0')) continue;
    const baseFont = String(object.get(PDFName.of('BaseFont')) ?? '?');
    const descriptorRef = object.get(PDFName.of('FontDescriptor'));
    const descriptor = descriptorRef instanceof PDFRef ? doc.context.lookup(descriptorRef, PDFDict) : undefined;
    const program =
      descriptor &&
      (descriptor.get(PDFName.of('FontFile2')) ??
        descriptor.get(PDFName.of('FontFile3')) ??
        descriptor.get(PDFName.of('FontFile')));
    (program ? names : notEmbedded).add(baseFont);
  }
  return { names: [...names], notEmbedded: [...notEmbedded] };
}

// The text with line breaks turned into spaces, for phrases a paragraph may wrap.
export function flatText(pages: ExtractedPage[]): string {
  return pages
    .map((page) => page.lines.map((line) => line.text).join(' '))
    .join(' ')
    .replace(/\s+/g, ' ');
}
