import fontkit from '@pdf-lib/fontkit';
import { degrees, drawText, rgb, type PDFDocument, type PDFFont, type PDFHexString, type PDFName, type PDFPage } from 'pdf-lib';
import { tinosFile } from '../render/tinos-font.js';

interface Run {
  font: PDFFont;
  encoded: PDFHexString;
  // Advance of the run at 1 pt, scaled by the size when drawn.
  unitWidth: number;
}

const BLACK = rgb(0, 0, 0);
const UPRIGHT = degrees(0);

// Page numbers and footers are drawn after the merge with the same Tinos faces the pages use. Tinos ships as two
// subsets (latin and vietnamese), so a line is drawn as runs, each in the face that has its characters. Encoding text
// through fontkit is the slow part of stamping a thousand pages, so each distinct line is shaped once and reused.
export class StampFonts {
  private readonly shaped = new Map<string, Run[]>();
  private readonly fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

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
    return this.runs(text).reduce((sum, run) => sum + run.unitWidth * size, 0);
  }

  draw(page: PDFPage, text: string, at: { x: number; y: number; size: number }): void {
    let x = at.x;
    for (const run of this.runs(text)) {
      const font = this.fontKey(page, run.font);
      page.pushOperators(...drawText(run.encoded, { color: BLACK, font, size: at.size, rotate: UPRIGHT, xSkew: UPRIGHT, ySkew: UPRIGHT, x, y: at.y }));
      x += run.unitWidth * at.size;
    }
  }

  private fontKey(page: PDFPage, font: PDFFont): PDFName {
    let keys = this.fontKeys.get(page);
    if (!keys) this.fontKeys.set(page, (keys = new Map()));
    let key = keys.get(font);
    if (!key) keys.set(font, (key = page.node.newFontDictionary(font.name, font.ref)));
    return key;
  }

  private runs(text: string): Run[] {
    const cached = this.shaped.get(text);
    if (cached) return cached;
    const pieces: { text: string; font: PDFFont }[] = [];
    for (const char of text) {
      const font = this.latinChars.has(char.codePointAt(0) ?? 0) ? this.latin : this.vietnamese;
      const last = pieces[pieces.length - 1];
      if (last && last.font === font) last.text += char;
      else pieces.push({ text: char, font });
    }
    const runs = pieces.map((piece) => ({ font: piece.font, encoded: piece.font.encodeText(piece.text), unitWidth: piece.font.widthOfTextAtSize(piece.text, 1) }));
    this.shaped.set(text, runs);
    return runs;
  }
}
