// An .xlsx file is a ZIP archive; the reader unpacks it whole into memory. Before that, the archive's central
// directory is read to refuse what is not a ZIP at all and what would unpack to far more than any real workbook (a
// "zip bomb" of a few megabytes that expands to gigabytes).

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const ZIP64_MARK = 0xffffffff;

export interface ZipCheck {
  ok: boolean;
  reason?: 'notZip' | 'tooLarge';
}

export function checkZip(bytes: Buffer, limits: { maxUnpackedBytes: number; maxEntries: number }): ZipCheck {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) return { ok: false, reason: 'notZip' };
  // The end-of-directory record sits in the last 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return { ok: false, reason: 'notZip' };
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  if (entries > limits.maxEntries || entries === 0xffff || at === ZIP64_MARK) return { ok: false, reason: 'tooLarge' };
  let unpacked = 0;
  for (let n = 0; n < entries; n += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return { ok: false, reason: 'notZip' };
    const size = bytes.readUInt32LE(at + 24);
    if (size === ZIP64_MARK) return { ok: false, reason: 'tooLarge' };
    unpacked += size;
    if (unpacked > limits.maxUnpackedBytes) return { ok: false, reason: 'tooLarge' };
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return { ok: true };
}
