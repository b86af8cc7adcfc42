import fontkit from '@pdf-lib/fontkit';
import {
  degrees,
  drawText,
  PDFHexString,
  PDFName,
  rgb,
  type PDFDocument,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import { tinosFile } from '../render/tinos-font.js';
import { woffToSfnt } from '../render/woff-to-sfnt.js';

interface Face {
  font: PDFFont;
  // Fixed resource name, the same on every page, so that one content stream can be shared by all of them.
  key: PDFName;
}

interface Glyph {
  face: Face;
  hex: string;
  // Advance at 1 pt, scaled by the size when drawn.
  unitWidth: number;
}

// Consecutive glyphs of one face, drawn as one piece of text.
type Run = Glyph;

const BLACK = rgb(0, 0, 0);
const UPRIGHT = degrees(0);

// The stamp faces as plain TrueType, converted once per process (woff-to-sfnt.ts): embedding them was a fifth of the
// Node.js CPU of a facility's batch of certificates, most of it inflating the WOFF tables again for every document.
const STAMP_FACES = new Map<string, Buffer>();
function stampFace(subset: 'latin' | 'vietnamese'): Buffer {
  let face = STAMP_FACES.get(subset);
  if (!face) STAMP_FACES.set(subset, (face = woffToSfnt(tinosFile(subset, 400, 'normal', 'woff'))));
  return face;
}

// Page numbers and footers are drawn after the merge with the same Tinos faces the pages use. Tinos ships as two
// subsets (latin and vietnamese), so a line is drawn as runs, each in the face that has its characters. Encoding text
// through fontkit was the slow part of stamping a thousand pages (every page number is a new string), so each
// character is encoded and measured once and lines are put together from those; the width of a line is then exactly
// the sum of the advances a viewer draws.
export class StampFonts {
  private readonly glyphs = new Map<string, Glyph>();

  private constructor(
    private readonly latin: Face,
    private readonly vietnamese: Face,
    private readonly latinChars: Set<number>,
  ) {}

  static async embed(doc: PDFDocument): Promise<StampFonts> {
    doc.registerFontkit(fontkit);
    const latin = await doc.embedFont(stampFace('latin'), { subset: true });
    const vietnamese = await doc.embedFont(stampFace('vietnamese'), { subset: true });
    return new StampFonts(
      { font: latin, key: PDFName.of('TinosStampLatin') },
      { font: vietnamese, key: PDFName.of('TinosStampVietnamese') },
      new Set(latin.getCharacterSet()),
    );
  }

  // Names both faces in the page's resources under their fixed keys.
  addTo(page: PDFPage): void {
    for (const face of [this.latin, this.vietnamese]) page.node.setFontDictionary(face.key, face.font.ref);
  }

  // The same faces under the same keys as a resource dictionary, for a form XObject (a signature's appearance).
  fontResources(): Record<string, PDFRef> {
    return Object.fromEntries(
      [this.latin, this.vietnamese].map((face) => [face.key.asString().slice(1), face.font.ref]),
    );
  }

  width(text: string, size: number): number {
    return this.runs(text).reduce((sum, run) => sum + run.unitWidth * size, 0);
  }

  // Operators that draw `text` with its left end at (x, y), for a content stream of a page that `addTo` was given.
  operators(text: string, at: { x: number; y: number; size: number }): PDFOperator[] {
    let x = at.x;
    const operators: PDFOperator[] = [];
    for (const run of this.runs(text)) {
      const options = {
        color: BLACK,
        font: run.face.key,
        size: at.size,
        rotate: UPRIGHT,
        xSkew: UPRIGHT,
        ySkew: UPRIGHT,
        x,
        y: at.y,
      };
      operators.push(...drawText(PDFHexString.of(run.hex), options));
      x += run.unitWidth * at.size;
    }
    return operators;
  }

  private runs(text: string): Run[] {
    const runs: Run[] = [];
    for (const char of text) {
      const glyph = this.glyph(char);
      const last = runs[runs.length - 1];
      if (last && last.face === glyph.face) {
        last.hex += glyph.hex;
        last.unitWidth += glyph.unitWidth;
      } else {
        runs.push({ ...glyph });
      }
    }
    return runs;
  }

  private glyph(char: string): Glyph {
    let glyph = this.glyphs.get(char);
    if (!glyph) {
      const face = this.latinChars.has(char.codePointAt(0) ?? 0) ? this.latin : this.vietnamese;
      glyph = { face, hex: face.font.encodeText(char).asString(), unitWidth: face.font.widthOfTextAtSize(char, 1) };
      this.glyphs.set(char, glyph);
    }
    return glyph;
  }
}
