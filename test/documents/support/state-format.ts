import { footerText } from '../../../src/documents/pdf/assemble-pdf.js';
import type { RenderedDocument } from '../../../src/documents/pdf/pdf-engine.js';
import type { DocumentHeading } from '../../../src/documents/view-models/common.js';
import { fontReport, type ExtractedPage } from './pdf-text.js';

const MM = 72 / 25.4;

// Decree 30/2020 title block (ô 1–5) on the first page.
export function expectTitleBlock(first: ExtractedPage, heading: DocumentHeading): void {
  expect(first.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(first.text).toContain('Độc lập - Tự do - Hạnh phúc');
  if (heading.issuer.parent) expect(first.text).toContain(heading.issuer.parent);
  expect(first.text).toContain(heading.issuer.name);
  expect(first.text).toContain(`Số: ${heading.number}`);
  expect(first.text).toContain(heading.placeDate);
  expect(first.text).toContain(heading.documentType);
  // The national title opens the page, level with the parent body, above the document type.
  expect(first.lines[0].text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  const typeLine = first.lines.findIndex((line) => line.text === heading.documentType);
  expect(typeLine).toBeGreaterThan(2);
}

// Page numbers: centred in the top margin, Arabic numerals, none on page 1 (Decree 30/2020, Appendix I).
export function expectPageNumbers(pages: ExtractedPage[]): void {
  pages.forEach((page, index) => {
    const inTopMargin = page.items.filter((item) => item.y > page.height - 20 * MM);
    const numbers = inTopMargin.filter((item) => /^\d+$/.test(item.text.trim()));
    if (index === 0) {
      expect(numbers).toHaveLength(0);
      return;
    }
    expect(numbers.map((item) => item.text.trim())).toEqual([String(index + 1)]);
    const textCentre = (30 * MM + page.width - 15 * MM) / 2;
    expect(Math.abs(numbers[0].x - textCentre)).toBeLessThan(12);
    expect(numbers[0].size).toBeGreaterThanOrEqual(13);
  });
}

// Every page's footer carries the document number and the shortened snapshot hash.
export function expectFooters(pages: ExtractedPage[], rendered: RenderedDocument): void {
  const footer = footerText(rendered.number, rendered.snapshotHash);
  for (const page of pages) {
    const bottom = page.text.split('\n').filter((line) => line.includes('Mã dữ liệu'));
    expect(bottom).toEqual([footer]);
  }
}

export async function expectOnlyEmbeddedTinos(bytes: Uint8Array): Promise<void> {
  const report = await fontReport(bytes);
  expect(report.notEmbedded).toEqual([]);
  expect(report.names.length).toBeGreaterThan(0);
  for (const name of report.names) expect(name).toMatch(/Tinos/);
}

export function countOccurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
