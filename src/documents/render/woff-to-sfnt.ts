import { inflateSync } from 'node:zlib';

// WOFF 1.0 to the plain TrueType (sfnt) file it wraps: the same tables, each inflated. fontkit inflates every table
// each time it parses a WOFF face, and each assembled document embeds its stamp faces anew (a signed one twice); parsed
// from the plain file, the faces cost no inflation at all.
export function woffToSfnt(woff: Uint8Array): Buffer {
  const data = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (data.toString('latin1', 0, 4) !== 'wOFF') throw new Error('Not a WOFF 1.0 font');
  const count = data.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const offset = data.readUInt32BE(at + 4);
    const compressed = data.readUInt32BE(at + 8);
    const length = data.readUInt32BE(at + 12);
    const raw = data.subarray(offset, offset + compressed);
    return {
      tag: data.toString('latin1', at, at + 4),
      checksum: data.readUInt32BE(at + 16),
      bytes: compressed < length ? inflateSync(raw) : raw,
    };
  });
  return writeSfnt(data.readUInt32BE(4), tables);
}

export interface SfntTable {
  tag: string;
  checksum: number;
  bytes: Buffer;
}

// A TrueType (sfnt) file: its header and table directory (with the binary-search fields the format asks for), then
// each table in the order given, padded to four bytes.
export function writeSfnt(version: number, tables: readonly SfntTable[]): Buffer {
  const count = tables.length;
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + count * 16);
  header.writeUInt32BE(version, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    header.write(table.tag, record, 'latin1');
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.bytes.length, record + 12);
    const padded = Buffer.alloc((table.bytes.length + 3) & ~3);
    table.bytes.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}
