import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { tinosFile } from '../render/tinos-font.js';

// Page numbers and footers are drawn after the merge with the same Tinos faces the pages use. Tinos ships as two
// subsets (latin and vietnamese), so a line is drawn as runs, each in the face that has its characters.
export class StampFonts {
  private constructor(
    private readonly latin: PDFFont,
    private readonly vietnamese: PDFFont,
    private readonly latinChars: Set<number>,
  ) {}

  static async embed(doc: PDFDocument): Promise<StampFonts> {
    doc.registerFontkit(fontkit);
    const latin = await doc.embedFont(tinosFile('latin', 400, 'normal', 'woff'), { subset: true });
    const vietnamese = await doc.embedFont(tinosFile('vietnamese', 400, 'normal', 'woff'), { subset: true });
    return new StampFonts(latin, vietnamese, new Set(latin.getCharacterSet()));
  }

  width(text: string, size: number): number {
    return this.runs(text).reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, size), 0);
  }

  draw(page: PDFPage, text: string, at: { x: number; y: number; size: number }): void {
    let x = at.x;
    for (const run of this.runs(text)) {
      page.drawText(run.text, { x, y: at.y, size: at.size, font: run.font });
      x += run.font.widthOfTextAtSize(run.text, at.size);
    }
  }

  private runs(text: string): { text: string; font: PDFFont }[] {
    const runs: { text: string; font: PDFFont }[] = [];
    for (const char of text) {
      const font = this.latinChars.has(char.codePointAt(0) ?? 0) ? this.latin : this.vietnamese;
      const last = runs[runs.length - 1];
      if (last && last.font === font) last.text += char;
      else runs.push({ text: char, font });
    }
    return runs;
  }
}
