import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { mergeSubsets } from './merge-subsets.js';
import { woffToSfnt } from './woff-to-sfnt.js';

// Tinos is metric-compatible with Times New Roman (Decree 30/2020 asks for Times New Roman). The latin subset
// carries ASCII and the Latin-1 vowels, the vietnamese subset the rest (ă, đ, ơ, ư, ạ … ỹ); both are needed.
const SUBSETS = [
  {
    name: 'latin',
    range:
      'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
  },
  {
    name: 'vietnamese',
    range:
      'U+0102-0103, U+0110-0111, U+0128-0129, U+0168-0169, U+01A0-01A1, U+01AF-01B0, U+0300-0301, U+0303-0304, U+0308-0309, U+0323, U+0329, U+1EA0-1EF9, U+20AB',
  },
] as const;
const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 700, style: 'italic' },
] as const;

function fontFilesDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@fontsource/tinos/package.json')), 'files');
}

export function tinosFile(
  subset: 'latin' | 'vietnamese',
  weight: 400 | 700,
  style: 'normal' | 'italic',
  format: 'woff' | 'woff2',
): Buffer {
  return readFileSync(join(fontFilesDir(), `tinos-${subset}-${weight}-${style}.${format}`));
}

let cachedCss: string | null = null;

// Inlined as base64 so the page needs no network or file access and the PDF never falls back to a system font.
// 'Tinos': each face as its two subsets under two unicode-ranges, WOFF rather than WOFF2 (zlib decodes faster than
// brotli, and these WOFF files are the smaller ones).
// 'Tinos Table', for the lists' tables (print.css): each face's two subsets as one TrueType font (merge-subsets.ts).
// Given two fonts, the browser cuts every Vietnamese word into runs of both, shapes each apart and writes both into
// every PDF: about a sixth of its CPU on a national list. The glyphs and their advances are the same, but the
// rasterizer hints a font holding Latin letters differently, and rounds some Vietnamese letters a pixel wider than it
// does in the subset alone: enough to move line breaks in running text (the explanatory report's golden image), not
// in a list's short cells.
export function tinosFontFaceCss(): string {
  if (cachedCss) return cachedCss;
  const rules: string[] = [];
  for (const subset of SUBSETS) {
    for (const face of FACES) {
      const data = tinosFile(subset.name, face.weight, face.style, 'woff').toString('base64');
      rules.push(
        `@font-face{font-family:'Tinos';font-style:${face.style};font-weight:${face.weight};` +
          `src:url(data:font/woff;base64,${data}) format('woff');unicode-range:${subset.range};}`,
      );
    }
  }
  for (const face of FACES) {
    const sfnt = (subset: 'latin' | 'vietnamese'): Buffer =>
      woffToSfnt(tinosFile(subset, face.weight, face.style, 'woff'));
    const data = mergeSubsets(sfnt('latin'), sfnt('vietnamese')).toString('base64');
    rules.push(
      `@font-face{font-family:'Tinos Table';font-style:${face.style};font-weight:${face.weight};` +
        `src:url(data:font/ttf;base64,${data}) format('truetype');}`,
    );
  }
  cachedCss = rules.join('\n');
  return cachedCss;
}
