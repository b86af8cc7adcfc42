import fontkit from '@pdf-lib/fontkit';
import { tinosFile } from './tinos-font.js';
import { woffToSfnt } from './woff-to-sfnt.js';

describe('woffToSfnt', () => {
  it.each(['latin', 'vietnamese'] as const)('unwraps the %s Tinos face into the same font, uncompressed', (subset) => {
    const woff = tinosFile(subset, 400, 'normal', 'woff');
    const sfnt = woffToSfnt(woff);
    const [fromWoff, fromSfnt] = [fontkit.create(woff), fontkit.create(sfnt)];
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(sfnt.length).toBe(woff.readUInt32BE(16));
    expect(fromSfnt.numGlyphs).toBe(fromWoff.numGlyphs);
    expect(fromSfnt.characterSet).toEqual(fromWoff.characterSet);
    const text = subset === 'latin' ? 'Số: 01/GCNĐX' : 'Đặc xá ư ơ ạ';
    expect(fromSfnt.layout(text).glyphs.map((g) => g.id)).toEqual(fromWoff.layout(text).glyphs.map((g) => g.id));
  });

  it('refuses a file that is not WOFF 1.0', () => {
    expect(() => woffToSfnt(tinosFile('latin', 400, 'normal', 'woff2'))).toThrow('Not a WOFF 1.0 font');
  });
});
