import fontkit from '@pdf-lib/fontkit';
import { mergeSubsets } from './merge-subsets.js';
import { tinosFile } from './tinos-font.js';
import { woffToSfnt } from './woff-to-sfnt.js';

interface Face {
  numGlyphs: number;
  characterSet: number[];
  hasGlyphForCodePoint(code: number): boolean;
  glyphForCodePoint(code: number): { id: number; advanceWidth: number; path: { commands: unknown[] } };
  layout(text: string): { glyphs: { id: number }[]; positions: { xAdvance: number }[] };
}

const open = (font: Buffer): Face => fontkit.create(font) as unknown as Face;

describe('mergeSubsets', () => {
  it.each([
    [400, 'normal'],
    [700, 'italic'],
  ] as const)('draws every character of Tinos %s %s as its own subset does, from one font', (weight, style) => {
    const latin = woffToSfnt(tinosFile('latin', weight, style, 'woff'));
    const vietnamese = woffToSfnt(tinosFile('vietnamese', weight, style, 'woff'));
    const [first, second, merged] = [latin, vietnamese, mergeSubsets(latin, vietnamese)].map(open);
    expect(merged.numGlyphs).toBe(first.numGlyphs + second.numGlyphs);
    expect(new Set(merged.characterSet)).toEqual(new Set([...first.characterSet, ...second.characterSet]));
    for (const code of merged.characterSet) {
      const own = first.hasGlyphForCodePoint(code) ? first : second;
      const [expected, actual] = [own.glyphForCodePoint(code), merged.glyphForCodePoint(code)];
      expect([code, actual.advanceWidth, actual.path.commands]).toEqual([
        code,
        expected.advanceWidth,
        expected.path.commands,
      ]);
    }
    // The latin glyphs keep their numbers, so the latin subset's kerning and ligatures still apply to them.
    const text = 'AVATAR Toà Văn';
    expect(merged.layout('AVATAR').positions).toEqual(first.layout('AVATAR').positions);
    expect(merged.layout(text).glyphs.every((glyph) => glyph.id > 0)).toBe(true);
  });
});
