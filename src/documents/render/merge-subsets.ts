import fontkit from '@pdf-lib/fontkit';
import { writeSfnt } from './woff-to-sfnt.js';

type Tables = Map<string, Buffer>;

// Two subsets of one TrueType face (cut from the same font, such as Tinos' latin and vietnamese files) as one font: the
// first subset's glyphs keep their numbers, so its layout tables (kerning, ligatures) and its line metrics stay as they
// are, and the second subset's glyphs follow them. A browser given the two subsets as one family under two
// unicode-ranges cuts every Vietnamese word into runs of the two fonts, shapes each run apart and writes both fonts into
// every PDF; given one font it shapes the word once. The glyphs, their advances and the positions between them are
// the same: the first subset's kerning never covered the second's glyphs.
export function mergeSubsets(first: Buffer, second: Buffer): Buffer {
  const [a, b] = [readTables(first), readTables(second)];
  const offset = numGlyphs(a);
  const glyphs = offset + numGlyphs(b);
  const locaA = readLoca(a);
  const locaB = readLoca(b);
  const glyfB = renumberComposites(table(b, 'glyf'), locaB, offset);
  const glyfA = table(a, 'glyf').subarray(0, locaA[locaA.length - 1]);
  const loca = Buffer.alloc((glyphs + 1) * 4);
  [...locaA, ...locaB.slice(1).map((at) => at + glyfA.length)].forEach((at, i) => loca.writeUInt32BE(at, i * 4));
  const metrics = [...readMetrics(a), ...readMetrics(b)];
  const hmtx = Buffer.alloc(glyphs * 4);
  metrics.forEach(([advance, lsb], i) => (hmtx.writeUInt16BE(advance, i * 4), hmtx.writeInt16BE(lsb, i * 4 + 2)));
  const out: Tables = new Map(a);
  out.set('glyf', Buffer.concat([glyfA, glyfB]));
  out.set('loca', loca);
  out.set('hmtx', hmtx);
  out.set('hhea', mergedHhea(a, b, glyphs));
  out.set('maxp', mergedMaxp(a, b, glyphs));
  out.set('head', mergedHead(a, b));
  out.set('post', postWithoutNames(a));
  out.set('cmap', cmapFormat4(characterMap(first, 0), characterMap(second, offset)));
  return writeFont(first.readUInt32BE(0), out);
}

function readTables(font: Buffer): Tables {
  const tables: Tables = new Map();
  for (let i = 0; i < font.readUInt16BE(4); i += 1) {
    const at = 12 + i * 16;
    const start = font.readUInt32BE(at + 8);
    tables.set(font.toString('latin1', at, at + 4), font.subarray(start, start + font.readUInt32BE(at + 12)));
  }
  return tables;
}

function table(tables: Tables, tag: string): Buffer {
  const found = tables.get(tag);
  if (!found) throw new Error(`The font has no ${tag} table`);
  return found;
}

const numGlyphs = (tables: Tables): number => table(tables, 'maxp').readUInt16BE(4);

function readLoca(tables: Tables): number[] {
  const loca = table(tables, 'loca');
  const long = table(tables, 'head').readInt16BE(50) === 1;
  return Array.from({ length: numGlyphs(tables) + 1 }, (_, i) =>
    long ? loca.readUInt32BE(i * 4) : loca.readUInt16BE(i * 2) * 2,
  );
}

// Component glyphs of a composite are named by number: shifted with the glyphs they name.
function renumberComposites(glyf: Buffer, loca: number[], offset: number): Buffer {
  const copy = Buffer.from(glyf.subarray(0, loca[loca.length - 1]));
  for (let glyph = 0; glyph + 1 < loca.length; glyph += 1) {
    if (loca[glyph] === loca[glyph + 1] || copy.readInt16BE(loca[glyph]) >= 0) continue;
    let at = loca[glyph] + 10;
    for (let more = true; more;) {
      const flags = copy.readUInt16BE(at);
      copy.writeUInt16BE(copy.readUInt16BE(at + 2) + offset, at + 2);
      at += 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
      more = (flags & 0x0020) !== 0;
    }
  }
  return copy;
}

function readMetrics(tables: Tables): [number, number][] {
  const hmtx = table(tables, 'hmtx');
  const long = table(tables, 'hhea').readUInt16BE(34);
  return Array.from({ length: numGlyphs(tables) }, (_, i) =>
    i < long
      ? [hmtx.readUInt16BE(i * 4), hmtx.readInt16BE(i * 4 + 2)]
      : [hmtx.readUInt16BE((long - 1) * 4), hmtx.readInt16BE(long * 4 + (i - long) * 2)],
  );
}

// The first subset's ascent, descent and gap (the line height), the extremes of both.
function mergedHhea(a: Tables, b: Tables, glyphs: number): Buffer {
  const [first, second] = [table(a, 'hhea'), table(b, 'hhea')];
  const out = Buffer.from(first);
  out.writeUInt16BE(Math.max(first.readUInt16BE(10), second.readUInt16BE(10)), 10);
  for (const at of [12, 14]) out.writeInt16BE(Math.min(first.readInt16BE(at), second.readInt16BE(at)), at);
  out.writeInt16BE(Math.max(first.readInt16BE(16), second.readInt16BE(16)), 16);
  out.writeUInt16BE(glyphs, 34);
  return out;
}

function mergedMaxp(a: Tables, b: Tables, glyphs: number): Buffer {
  const [first, second] = [table(a, 'maxp'), table(b, 'maxp')];
  const out = Buffer.from(first);
  out.writeUInt16BE(glyphs, 4);
  for (let at = 6; at + 2 <= out.length; at += 2)
    out.writeUInt16BE(Math.max(first.readUInt16BE(at), second.readUInt16BE(at)), at);
  return out;
}

function mergedHead(a: Tables, b: Tables): Buffer {
  const [first, second] = [table(a, 'head'), table(b, 'head')];
  const out = Buffer.from(first);
  out.writeUInt32BE(0, 8);
  for (const at of [36, 38]) out.writeInt16BE(Math.min(first.readInt16BE(at), second.readInt16BE(at)), at);
  for (const at of [40, 42]) out.writeInt16BE(Math.max(first.readInt16BE(at), second.readInt16BE(at)), at);
  out.writeInt16BE(1, 50);
  return out;
}

// Version 3: no glyph names, which neither the browser nor a PDF needs.
function postWithoutNames(a: Tables): Buffer {
  const out = Buffer.from(table(a, 'post').subarray(0, 32));
  out.writeUInt32BE(0x00030000, 0);
  return out;
}

// The font's characters of the Basic Multilingual Plane to its glyph numbers, shifted by `offset`.
function characterMap(font: Buffer, offset: number): Map<number, number> {
  const face = fontkit.create(font) as unknown as {
    characterSet: number[];
    glyphForCodePoint(code: number): { id: number };
  };
  const codes = face.characterSet.filter((code) => code <= 0xffff);
  return new Map(codes.map((code) => [code, face.glyphForCodePoint(code).id + offset]));
}

// One Windows Unicode BMP subtable (format 4): a segment per run of characters whose glyph numbers run alongside.
function cmapFormat4(first: Map<number, number>, second: Map<number, number>): Buffer {
  const map = new Map(first);
  for (const [code, glyph] of second) if (!map.has(code)) map.set(code, glyph);
  const codes = [...map.keys()].sort((x, y) => x - y);
  const segments: { start: number; end: number; delta: number }[] = [];
  for (const code of codes) {
    const last = segments[segments.length - 1];
    const delta = (map.get(code)! - code) & 0xffff;
    if (last && last.end === code - 1 && last.delta === delta) last.end = code;
    else segments.push({ start: code, end: code, delta });
  }
  segments.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const count = segments.length;
  const sub = Buffer.alloc(16 + count * 8);
  const power = 2 ** Math.floor(Math.log2(count));
  [4, sub.length, 0, count * 2, power * 2, Math.log2(power), count * 2 - power * 2].forEach((v, i) =>
    sub.writeUInt16BE(v, i * 2),
  );
  segments.forEach((segment, i) => {
    sub.writeUInt16BE(segment.end, 14 + i * 2);
    sub.writeUInt16BE(segment.start, 16 + count * 2 + i * 2);
    sub.writeUInt16BE(segment.delta, 16 + count * 4 + i * 2);
  });
  const header = Buffer.alloc(12);
  [0, 1, 3, 1].forEach((v, i) => header.writeUInt16BE(v, i * 2));
  header.writeUInt32BE(12, 8);
  return Buffer.concat([header, sub]);
}

function checksum(data: Buffer): number {
  const padded = Buffer.alloc((data.length + 3) & ~3);
  data.copy(padded);
  let sum = 0;
  for (let at = 0; at < padded.length; at += 4) sum = (sum + padded.readUInt32BE(at)) >>> 0;
  return sum;
}

function writeFont(version: number, tables: Tables): Buffer {
  const tags = [...tables.keys()].sort();
  const font = writeSfnt(
    version,
    tags.map((tag) => ({ tag, checksum: checksum(tables.get(tag)!), bytes: tables.get(tag)! })),
  );
  const head = font.readUInt32BE(12 + tags.indexOf('head') * 16 + 8);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, head + 8);
  return font;
}
